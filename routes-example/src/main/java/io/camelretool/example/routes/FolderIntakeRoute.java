package io.camelretool.example.routes;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import io.camelretool.component.RetoolConstants;
import io.camelretool.example.intake.csv.CsvRowResult;
import io.camelretool.example.intake.csv.ReadProgress;
import io.camelretool.example.intake.csv.SignupCsvReader;
import io.camelretool.example.intake.csv.UnreadableCsvException;
import io.camelretool.example.policy.SignupPolicy;
import io.camelretool.example.signup.Signup;
import io.camelretool.example.intake.csv.CsvCells;
import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;

/**
 * The CSV drop folder: every {@code .csv} in {@code <signups.dir>/inbox} is read record by record and each signup
 * is invited. A bad row is logged with its line number and the file goes on; a row Retool refused (after the
 * component's retries) is also appended, with its reason, to {@code <signups.dir>/dead-letter/<file>.failed.csv}.
 * The file then moves to {@code inbox/.done}, or to {@code inbox/.error} with a {@code .reason.txt} beside it when
 * it could not be read at all.
 */
public class FolderIntakeRoute extends RouteBuilder {

    static final String INBOX = "file:{{signups.dir}}/inbox?include=.*\\.(csv|CSV)&move=.done&moveFailed=.error"
                                + "&readLock=changed&readLockMinAge=1000";

    private static final String ROW_ERROR = "signupRowError";
    private static final String PROGRESS = "signupReadProgress";
    private static final int PROGRESS_EVERY_ROWS = 10_000;
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(FolderIntakeRoute.class);

    static final String DEAD_LETTER = "file:{{signups.dir}}/dead-letter?fileExist=Append"
                                      + "&fileName=${exchangeProperty.signupFile}.failed.csv";

    @Override
    public void configure() throws Exception {
        SignupPolicy policy = SignupPolicy.fromSettings(setting("retool.org-domains"), setting("retool.approved-emails"),
                setting("retool.blocked-domains"), setting("retool.groups.external"),
                setting("retool.groups.end-user"), setting("retool.groups.standard-user"));

        onException(Exception.class)
                .process(FolderIntakeRoute::writeReason)
                .log("Signup file ${header.CamelFileName} moved to inbox/.error: ${exception.message}");

        from(INBOX).routeId("folder-intake")
                .log("Reading signups from ${header.CamelFileName}")
                .process(FolderIntakeRoute::openReader)
                .split(body()).streaming()
                    .process(exchange -> rowToInvite(exchange, policy))
                    .choice()
                        .when(exchangeProperty(ROW_ERROR).isNotNull())
                            .log(LoggingLevel.WARN, "${exchangeProperty.signupFile}:${exchangeProperty.signupLine} skipped: "
                                 + "${exchangeProperty.signupRowError}")
                        .otherwise()
                            .doTry()
                                .to("retool:invite")
                                .log("${exchangeProperty.signupFile}:${exchangeProperty.signupLine} ${header."
                                     + RetoolConstants.EMAIL + "} (${header." + RetoolConstants.USER_CLASS + "}): ${header."
                                     + RetoolConstants.INVITE_STATUS + "}")
                            .doCatch(Exception.class)
                                .process(FolderIntakeRoute::deadLetterLine)
                                .log(LoggingLevel.WARN, "${exchangeProperty.signupFile}:${exchangeProperty.signupLine} "
                                     + "failed and was written to the dead-letter folder: ${exception.message}")
                                .to(DEAD_LETTER)
                            .end()
                    .end()
                .end()
                .log("Finished ${header.CamelFileName}");
    }

    private static void openReader(Exchange exchange) throws Exception {
        String fileName = exchange.getMessage().getHeader(Exchange.FILE_NAME_ONLY, String.class);
        long size = exchange.getMessage().getHeader(Exchange.FILE_LENGTH, 0L, Long.class);
        ReadProgress in = new ReadProgress(exchange.getMessage().getMandatoryBody(InputStream.class), size);
        SignupCsvReader reader;
        try {
            reader = SignupCsvReader.open(in, fileName);
        } catch (UnreadableCsvException unreadable) {
            in.close();
            throw unreadable;
        }
        exchange.getExchangeExtension().addOnCompletion(new org.apache.camel.support.SynchronizationAdapter() {
            @Override
            public void onDone(Exchange done) {
                try {
                    reader.close();
                } catch (java.io.IOException ignored) {
                    // the file is moved next; a failed close of a read-only stream loses nothing
                }
            }
        });
        exchange.setProperty("signupFile", fileName);
        exchange.setProperty(PROGRESS, in);
        exchange.getMessage().setBody(reader);
    }

    /** Turns a parsed row into the body retool:invite takes, or marks the exchange with the row's error. */
    private String setting(String key) throws Exception {
        return getCamelContext().resolvePropertyPlaceholders("{{" + key + ":}}");
    }

    private static void rowToInvite(Exchange exchange, SignupPolicy policy) {
        CsvRowResult row = exchange.getMessage().getBody(CsvRowResult.class);
        exchange.setProperty("signupLine", row.lineNumber());
        int rowIndex = exchange.getProperty(Exchange.SPLIT_INDEX, 0, Integer.class) + 1;
        if (rowIndex % PROGRESS_EVERY_ROWS == 0) {
            LOG.info("{}: {}", exchange.getProperty("signupFile"),
                    exchange.getProperty(PROGRESS, ReadProgress.class).describe(rowIndex));
        }
        if (row.signup().isEmpty()) {
            exchange.setProperty(ROW_ERROR, row.error().orElse("unreadable"));
            return;
        }
        exchange.removeProperty(ROW_ERROR);
        Signup signup = row.signup().get();
        SignupPolicy.Decision decision = policy.decide(signup);
        exchange.getMessage().setHeader(RetoolConstants.USER_CLASS, decision.classification().userClass());
        if (!decision.invite()) {
            exchange.setProperty(ROW_ERROR, signup.email() + " rejected: " + decision.classification().reason());
            return;
        }
        Map<String, Object> invite = new LinkedHashMap<>();
        invite.put("email", signup.email());
        if (signup.firstName() != null) {
            invite.put("firstName", signup.firstName());
        }
        if (signup.lastName() != null) {
            invite.put("lastName", signup.lastName());
        }
        invite.put("groupIds", decision.groupIds());
        invite.put("attributes", signup.attributes());
        exchange.getMessage().setBody(invite);
    }

    /** One CSV line (file line, email, reason) for a row Retool refused, with formula-looking cells defused. */
    private static void deadLetterLine(Exchange exchange) {
        Exception failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        Map<?, ?> invite = exchange.getMessage().getBody(Map.class);
        exchange.getMessage().setBody(String.join(",", String.valueOf(exchange.getProperty("signupLine")),
                CsvCells.quoted(invite == null ? "" : String.valueOf(invite.get("email"))),
                CsvCells.quoted(failure == null ? "unknown" : failure.getMessage())) + "\n");
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
