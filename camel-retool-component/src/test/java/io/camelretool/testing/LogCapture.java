package io.camelretool.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;

/**
 * Every log event written while it is attached, as text: the level, the logger, the message and the messages of the
 * exception chain (which is where a secret would leak). It sits beside the appenders of the test's own log
 * configuration, at the levels that configuration logs.
 */
public final class LogCapture extends AbstractAppender {

    private final List<String> lines = new ArrayList<>();

    private LogCapture() {
        super("secret-scan-" + UUID.randomUUID(), null, null, true, Property.EMPTY_ARRAY);
    }

    public static LogCapture attach() {
        LogCapture capture = new LogCapture();
        capture.start();
        rootLogger().addAppender(capture, null, null);
        context().updateLoggers();
        return capture;
    }

    public void detach() {
        rootLogger().removeAppender(getName());
        context().updateLoggers();
        stop();
    }

    @Override
    public void append(LogEvent event) {
        StringBuilder line = new StringBuilder().append(event.getLevel()).append(' ').append(event.getLoggerName())
                .append(" - ").append(event.getMessage().getFormattedMessage());
        for (Throwable cause = event.getThrown(); cause != null; cause = cause.getCause()) {
            line.append(" | caused by ").append(cause);
        }
        synchronized (lines) {
            lines.add(line.toString());
        }
    }

    /** The lines captured since the last call, which are then forgotten. */
    public List<String> drain() {
        synchronized (lines) {
            List<String> drained = List.copyOf(lines);
            lines.clear();
            return drained;
        }
    }

    private static LoggerContext context() {
        return (LoggerContext) LogManager.getContext(false);
    }

    private static LoggerConfig rootLogger() {
        return context().getConfiguration().getRootLogger();
    }
}
