package io.camelretool.benchmarks.application;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A Java program run as a child process of the benchmark, with the same Java as the benchmark and only the
 * environment it is given. Its output (stdout and stderr) is read line by line by a thread of its own and handed to
 * a listener; the last lines are kept to explain a child that stopped early. Closing it stops it as an operator
 * would, with SIGTERM, and only then by force.
 */
final class ChildJvm implements AutoCloseable {

    private static final int KEPT_LINES = 30;
    /** Inherited from the caller's environment; anything else (a RETOOL_* or LEDGER_* there) must not leak in. */
    private static final List<String> INHERITED = List.of("PATH", "HOME", "LANG", "LC_ALL", "TZ", "TMPDIR");

    private final Process process;
    private final long startedNanos;
    private final Deque<String> lastLines = new ArrayDeque<>();
    private final Thread reader;

    private ChildJvm(Process process, long startedNanos, Consumer<String> onLine) {
        this.process = process;
        this.startedNanos = startedNanos;
        this.reader = new Thread(() -> readOutput(onLine), "child-" + process.pid() + "-output");
        reader.setDaemon(true);
        reader.start();
    }

    /** Runs {@code java <arguments>} with {@code environment} (plus PATH, HOME and the locale of the caller). */
    static ChildJvm start(List<String> arguments, Map<String, String> environment, Consumer<String> onLine)
            throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().clear();
        INHERITED.forEach(name -> {
            String value = System.getenv(name);
            if (value != null) {
                builder.environment().put(name, value);
            }
        });
        builder.environment().putAll(environment);
        long startedNanos = System.nanoTime();
        return new ChildJvm(builder.start(), startedNanos, onLine);
    }

    long pid() {
        return process.pid();
    }

    /** {@link System#nanoTime()} just before the process was started. */
    long startedNanos() {
        return startedNanos;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Why a child is not doing what was expected: its exit status, if any, and its last lines of output. */
    String describeEnd() {
        String status = process.isAlive() ? "still running" : "exited with status " + process.exitValue();
        synchronized (lastLines) {
            return status + "; its last lines:" + System.lineSeparator()
                   + String.join(System.lineSeparator(), lastLines);
        }
    }

    private void readOutput(Consumer<String> onLine) {
        try (BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = output.readLine(); line != null; line = output.readLine()) {
                synchronized (lastLines) {
                    if (lastLines.size() == KEPT_LINES) {
                        lastLines.removeFirst();
                    }
                    lastLines.addLast(line);
                }
                onLine.accept(line);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading the output of process " + process.pid() + " failed", e);
        }
    }

    /** Stops the process as {@code kill -9} would: at once, with no chance to finish anything. */
    void kill() throws InterruptedException {
        process.toHandle().destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
        reader.join(TimeUnit.SECONDS.toMillis(10));
    }

    @Override
    public void close() {
        // SIGTERM through the handle: Process.destroy() sends it too, but also closes the output the reader still reads
        process.toHandle().destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.toHandle().destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
            reader.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException interrupted) {
            process.toHandle().destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
