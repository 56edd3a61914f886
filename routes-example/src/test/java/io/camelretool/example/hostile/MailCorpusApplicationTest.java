package io.camelretool.example.hostile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.camelretool.example.ApplicationSecrets;
import io.camelretool.example.RunningApplication;
import io.camelretool.sandbox.RetoolSandbox;
import io.camelretool.testing.SecretScan;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole mail corpus sent over SMTP to a real mailbox (GreenMail) at once and read by one running application's
 * mailbox route: each mail is accepted with the report lines, or reviewed with the reason, its manifest row names;
 * every mail ends marked seen, each reviewed one is copied to Review once, and afterwards the application still runs,
 * every accepted signup is in the ledger and Retool holds an invite for exactly the invited ones.
 */
class MailCorpusApplicationTest {

    private static final String MAILBOX = "signups@localhost";

    @TempDir
    static Path signups;
    static RetoolSandbox retool;
    static GreenMail mail;
    static RunningApplication app;
    /** The reports once every mail is settled. */
    static List<JsonNode> reports;

    @RegisterExtension
    static SecretScan secrets = ApplicationSecrets.scan(() -> retool, () -> signups);

    @BeforeAll
    static void sendTheWholeCorpusAtOnce() throws Exception {
        retool = RetoolSandbox.start();
        mail = new GreenMail(new ServerSetup[] {
            new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
            new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP) });
        mail.setUser(MAILBOX, MAILBOX, "pw");
        mail.start();
        app = RunningApplication.start(signups, retool, Map.of("mail.enabled", "true", "mail.protocol", "imap",
                "mail.host", "127.0.0.1", "mail.port", String.valueOf(mail.getImap().getPort()),
                "mail.username", MAILBOX, "mail.password", "pw", "mail.poll-delay", "200",
                "mail.allowed-senders", "forms@acme.com, @partners.example", "retool.org-domains", "acme.com"));
        try (RawSmtp smtp = new RawSmtp("127.0.0.1", mail.getSmtp().getPort())) {
            for (MailCorpus.Case corpusMail : delivered().toList()) {
                smtp.send("corpus@example.org", MAILBOX, corpusMail.content());
            }
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(unseenMails()).as("mails not yet marked seen").isZero();
            reports = app.reports();
            assertThat(unreported()).as("accepted mails without a report").isEmpty();
        });
    }

    private static List<String> unreported() {
        List<String> unreported = new ArrayList<>();
        for (MailCorpus.Case corpusMail : delivered().toList()) {
            if (!corpusMail.reviewed() && !corpusMail.skipped() && report(corpusMail).isEmpty()) {
                unreported.add(corpusMail.file());
            }
        }
        return unreported;
    }

    @AfterAll
    static void stop() {
        app.close();
        mail.stop();
        retool.close();
    }

    static Stream<MailCorpus.Case> delivered() {
        return MailCorpus.cases().stream().filter(MailCorpus.Case::deliverable);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("delivered")
    void eachMailEndsAsItsManifestRowSays(MailCorpus.Case corpusMail) throws IOException {
        if (corpusMail.reviewed()) {
            // two lines, whatever the subject holds: a subject cannot forge a reason
            assertThat(reasonFile(corpusMail)).as("the reason file of %s", corpusMail.file())
                    .hasValueSatisfying(reason -> assertThat(reason.lines()).hasSize(2).last().asString()
                            .startsWith("reason: ").contains(corpusMail.reason()));
        } else if (corpusMail.skipped()) {
            assertThat(report(corpusMail)).isEmpty();
            assertThat(reasonFile(corpusMail)).isEmpty();
            assertThat(app.ledger().find(corpusMail.lines().lines().get(0).email())).isEmpty();
        } else {
            corpusMail.lines().assertReport(report(corpusMail).orElseThrow());
        }
    }

    @Test
    void afterTheWholeCorpusEveryMailIsSeenEachReviewedOneCopiedOnceAndNothingLostOrInvitedTwice() throws Exception {
        long reviewed = delivered().filter(MailCorpus.Case::reviewed).count();

        assertThat(unseenMails()).isZero();
        assertThat(messages("Review")).as("mails copied to Review").hasSize((int) reviewed);
        NothingLostNothingTwice.assertStillRunning(app);
        NothingLostNothingTwice.assertEveryAcceptedSignupIsInTheLedger(app, reports);
        NothingLostNothingTwice.assertInvitedExactlyTheInvitedLines(retool, reports, Set.of());
        assertThat(MailCorpus.cases()).hasSizeGreaterThanOrEqualTo(50);
    }

    /** The report of the batch that holds the mail's first expected email. */
    private static Optional<JsonNode> report(MailCorpus.Case corpusMail) {
        String email = corpusMail.lines().lines().stream().map(ExpectedLines.Line::email)
                .filter(address -> address != null).findFirst().orElseThrow();
        for (JsonNode report : reports) {
            for (JsonNode line : report.path("lines")) {
                if (email.equals(line.path("email").asText(null))) {
                    return Optional.of(report);
                }
            }
        }
        return Optional.empty();
    }

    /** The reason written for the mail: named after its Message-ID, which holds the file name, or with it as subject. */
    private static Optional<String> reasonFile(MailCorpus.Case corpusMail) throws IOException {
        Path reasons = signups.resolve("mail-review");
        if (!Files.isDirectory(reasons)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(reasons)) {
            for (Path file : files.toList()) {
                String reason = Files.readString(file, StandardCharsets.UTF_8);
                if (file.getFileName().toString().contains(corpusMail.file())
                    || reason.startsWith("subject: " + corpusMail.file() + "\n")) {
                    return Optional.of(reason);
                }
            }
        }
        return Optional.empty();
    }

    private static long unseenMails() throws Exception {
        return messages("INBOX").stream().filter(seen -> !seen).count();
    }

    /** Whether each mail of the folder is marked seen. */
    private static List<Boolean> messages(String folderName) throws Exception {
        return MailFolders.seen(mail, MAILBOX, "pw", folderName);
    }
}
