package io.camelretool.example.routes;

import java.io.InputStream;
import java.nio.file.Path;

import io.camelretool.example.SignupServices;
import io.camelretool.example.config.ClusterSettings;
import io.camelretool.example.files.PrivateFiles;
import io.camelretool.example.intake.LogText;
import io.camelretool.example.intake.folder.InboxEntryFilter;
import io.camelretool.example.intake.folder.InboxFiles;
import io.camelretool.example.ledger.LedgerException;
import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The CSV drop folder: every {@code .csv} in {@code <signups.dir>/inbox} is read streaming into the ledger, bad rows
 * reported with their line numbers, then moved to {@code inbox/.done}: from then on the pipeline owns its signups. A
 * file that cannot be read moves to {@code inbox/.error} with a {@code <file>.reason.txt} beside it. Only regular
 * files are read ({@link InboxFiles}); links, FIFOs, devices and names too long are set aside by
 * {@link InboxEntryFilter} before anything opens them.
 */
public class FolderIntakeRoute extends RouteBuilder {

    private static final Logger LOG = LoggerFactory.getLogger(FolderIntakeRoute.class);

    @Override
    public void configure() {
        SignupServices services = SignupServices.of(getCamelContext());
        CsvFileAcceptor acceptor = new CsvFileAcceptor(services.intake());
        bindToRegistry(IntakeEndpoints.INBOX_FILTER, new InboxEntryFilter());

        // a ledger that is briefly unreachable is not the file's fault: try again before giving up on it
        onException(LedgerException.class)
                .maximumRedeliveries(12).redeliveryDelay(5000).retryAttemptedLogLevel(LoggingLevel.WARN)
                .logExhausted(false)
                .process(exchange -> setAside(exchange, LoggingLevel.ERROR));
        // the route says once, in one sanitised line, why a file was set aside; Camel's own report would quote it raw
        onException(Exception.class).logExhausted(false)
                .process(exchange -> setAside(exchange, LoggingLevel.WARN));

        from(services.settings().cluster().intakeUri(ClusterSettings.FOLDER, IntakeEndpoints.FOLDER))
                .routeId("folder-intake")
                .process(exchange -> {
                    String fileName = exchange.getMessage().getHeader(Exchange.FILE_NAME_ONLY, String.class);
                    String path = exchange.getMessage().getHeader(Exchange.FILE_PATH, String.class);
                    long size = exchange.getMessage().getHeader(Exchange.FILE_LENGTH, 0L, Long.class);
                    long lastModified = exchange.getMessage().getHeader(Exchange.FILE_LAST_MODIFIED, 0L, Long.class);
                    LOG.info("Reading signups from {}", LogText.of(fileName));
                    try (InputStream content = InboxFiles.open(Path.of(path))) {
                        CsvFileAcceptor.Result result = acceptor.accept(content, size, lastModified, fileName);
                        LOG.info("{}: {} rows accepted as batch {}: {} new, {} duplicate, {} rejected, {} invalid",
                                LogText.of(fileName), result.rows(), result.batch().id(), result.pending(),
                                result.duplicates(), result.rejected(), result.invalid());
                    }
                });
    }

    /** The file moves to {@code inbox/.error} (Camel's moveFailed); its reason, private to the user, goes beside it. */
    private static void setAside(Exchange exchange, LoggingLevel level) throws Exception {
        String fileName = exchange.getMessage().getHeader(Exchange.FILE_NAME_ONLY, String.class);
        String parent = exchange.getMessage().getHeader(Exchange.FILE_PARENT, String.class);
        Exception failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        if (fileName == null || parent == null || failure == null) {
            return;
        }
        String reason = LogText.of(failure.getMessage());
        Path errors = PrivateFiles.directory(Path.of(parent, ".error"));
        PrivateFiles.write(errors.resolve(InboxFiles.shortName(fileName) + ".reason.txt"),
                reason + System.lineSeparator());
        String line = "Signup file {} moved to inbox/.error: {}";
        if (level == LoggingLevel.ERROR) {
            LOG.error(line, LogText.of(fileName), reason);
        } else {
            LOG.warn(line, LogText.of(fileName), reason);
        }
    }
}
