package io.camelretool.example.routes;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import io.camelretool.example.SignupServices;
import io.camelretool.example.config.ClusterSettings;
import io.camelretool.example.ledger.LedgerException;
import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;

/**
 * The CSV drop folder: every {@code .csv} in {@code <signups.dir>/inbox} is read streaming into the ledger, bad rows
 * reported with their line numbers, then moved to {@code inbox/.done}: from then on the pipeline owns its signups. A
 * file that cannot be read moves to {@code inbox/.error} with a {@code <file>.reason.txt} beside it.
 */
public class FolderIntakeRoute extends RouteBuilder {

    @Override
    public void configure() {
        SignupServices services = SignupServices.of(getCamelContext());
        CsvFileAcceptor acceptor = new CsvFileAcceptor(services.intake());

        // a ledger that is briefly unreachable is not the file's fault: try again before giving up on it
        onException(LedgerException.class)
                .maximumRedeliveries(12).redeliveryDelay(5000).retryAttemptedLogLevel(LoggingLevel.WARN)
                .process(FolderIntakeRoute::writeReason)
                .log(LoggingLevel.ERROR, "Signup file ${header.CamelFileName} moved to inbox/.error: "
                                         + "${exception.message}");
        onException(Exception.class)
                .process(FolderIntakeRoute::writeReason)
                .log(LoggingLevel.WARN, "Signup file ${header.CamelFileName} moved to inbox/.error: "
                                        + "${exception.message}");

        from(services.settings().cluster().intakeUri(ClusterSettings.FOLDER, IntakeEndpoints.FOLDER))
                .routeId("folder-intake")
                .log("Reading signups from ${header.CamelFileName}")
                .process(exchange -> {
                    String fileName = exchange.getMessage().getHeader(Exchange.FILE_NAME_ONLY, String.class);
                    long size = exchange.getMessage().getHeader(Exchange.FILE_LENGTH, 0L, Long.class);
                    long lastModified = exchange.getMessage().getHeader(Exchange.FILE_LAST_MODIFIED, 0L, Long.class);
                    try (InputStream content = exchange.getMessage().getMandatoryBody(InputStream.class)) {
                        CsvFileAcceptor.Result result = acceptor.accept(content, size, lastModified, fileName);
                        log.info("{}: {} rows accepted as batch {}: {} new, {} duplicate, {} rejected, {} invalid",
                                fileName, result.rows(), result.batch().id(), result.pending(), result.duplicates(),
                                result.rejected(), result.invalid());
                    }
                });
    }

    private static void writeReason(Exchange exchange) throws Exception {
        String fileName = exchange.getMessage().getHeader(Exchange.FILE_NAME_ONLY, String.class);
        String parent = exchange.getMessage().getHeader(Exchange.FILE_PARENT, String.class);
        Exception failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        if (fileName == null || parent == null || failure == null) {
            return;
        }
        Path errors = Files.createDirectories(Path.of(parent, ".error"));
        Files.writeString(errors.resolve(fileName + ".reason.txt"), failure.getMessage() + System.lineSeparator(),
                StandardCharsets.UTF_8);
    }
}
