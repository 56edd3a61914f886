package io.camelretool.example.routes;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import io.camelretool.example.ApplicationSecrets;
import io.camelretool.example.RunningApplication;
import io.camelretool.sandbox.junit.RetoolSandboxExtension;
import io.camelretool.testing.SecretScan;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The mailbox of the running application against a real IMAP server (GreenMail), the sandbox and the ledger. */
class MailIntakeRouteTest {

    private static final String USER = "signups@localhost";
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @RegisterExtension
    static RetoolSandboxExtension retool = RetoolSandboxExtension.business();

    @TempDir
    Path signups;

    @RegisterExtension
    final SecretScan secrets = ApplicationSecrets.scan(retool::sandbox, () -> signups);

    private GreenMail mail;
    private RunningApplication app;

    @BeforeEach
    void start() throws Exception {
        mail = new GreenMail(new ServerSetup[] {
            new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
            new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP) });
        mail.setUser(USER, USER, "pw");
        mail.start();
        app = RunningApplication.start(signups, retool.sandbox(), Map.of(
                "mail.enabled", "true",
                "mail.protocol", "imap",
                "mail.host", "127.0.0.1",
                "mail.port", String.valueOf(mail.getImap().getPort()),
                "mail.username", USER,
                "mail.password", "pw",
                "mail.allowed-senders", "forms@acme.com, @partners.example",
                "mail.poll-delay", "200"));
    }

    @AfterEach
    void stop() {
        app.close();
        mail.stop();
    }

    @Test
    void aMailWithLabelledFieldsBecomesAnInviteAndIsMarkedSeenOnceAccepted() throws Exception {
        GreenMailUtil.sendTextEmail(USER, "forms@acme.com", "New signup",
                "Name: Mary Somerville\r\nEmail: mary@example.com\r\nCompany: Royal Society\r\n",
                mail.getSmtp().getServerSetup());

        await().atMost(PATIENCE).until(() -> retool.sandbox().invitesFor("mary@example.com").size() == 1);

        assertThat(retool.sandbox().invitesFor("mary@example.com").get(0).metadata())
                .containsEntry("firstName", "Mary").containsEntry("lastName", "Somerville");
        assertThat(inbox()).allSatisfy(message -> assertThat(message.isSet(Flags.Flag.SEEN)).isTrue());
        JsonNode report = await().atMost(PATIENCE).until(this::onlyReport, node -> node != null);
        assertThat(report.path("source").asText()).isEqualTo("MAIL");
        assertThat(report.path("byStatus").path("INVITED").asInt()).isEqualTo(1);
    }

    @Test
    void readsTheFormTableOfAnHtmlOnlyMail() throws Exception {
        deliver("""
                From: forms@acme.com
                To: signups@localhost
                Subject: Signups
                Content-Type: text/html; charset=UTF-8

                <html><body><table>
                <tr><td>Email</td><td>grace@example.com</td></tr>
                <tr><td>First name</td><td>Grace</td></tr>
                <tr><td>Email</td><td>linus@example.com</td></tr>
                </table></body></html>
                """);

        await().atMost(PATIENCE).until(() -> retool.sandbox().invites().size() == 2);

        assertThat(retool.sandbox().invitesFor("grace@example.com")).hasSize(1);
        assertThat(retool.sandbox().invitesFor("linus@example.com")).hasSize(1);
    }

    @Test
    void invitesTheOriginalSenderOfAForwardedMail() throws Exception {
        deliver("""
                From: someone@partners.example
                To: signups@localhost
                Subject: Fwd: please give me access
                Content-Type: text/plain; charset=UTF-8

                See below.

                ---------- Forwarded message ---------
                From: Katherine Johnson <katherine@example.org>
                Date: Mon, 2 Nov 2026 10:00:00 +0000
                Subject: access

                > Could I get access to the portal?
                """);

        await().atMost(PATIENCE).until(() -> retool.sandbox().invitesFor("katherine@example.org").size() == 1);

        assertThat(retool.sandbox().invitesFor("someone@partners.example")).isEmpty();
    }

    @Test
    void aMailReadAgainWithTheSameMessageIdIsNotAcceptedTwice() throws Exception {
        String eml = """
                From: forms@acme.com
                To: signups@localhost
                Message-ID: <signup-42@acme.com>
                Subject: New signup
                Content-Type: text/plain; charset=UTF-8

                Email: once@example.com
                """;
        deliver(eml);
        await().atMost(PATIENCE).until(() -> app.reports().size() == 1);

        deliver(eml);
        await().atMost(PATIENCE).until(() -> inbox().length == 2
                && Arrays.stream(inbox()).allMatch(this::isSeen));

        // a second batch would be reported within a poll or two; none comes
        await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(5)).until(() -> app.reports().size() == 1);
        assertThat(app.reports()).singleElement()
                .satisfies(report -> assertThat(report.path("name").asText()).isEqualTo("<signup-42@acme.com>"));
        assertThat(retool.sandbox().invitesFor("once@example.com")).hasSize(1);
    }

    @Test
    void twoMailsWithoutMessageIdOrDateWithTheSameSubjectAreBothAccepted() throws Exception {
        // what Python's smtplib sends when the script sets only From, To and Subject
        String template = """
                From: forms@acme.com
                To: signups@localhost
                Subject: New signup
                Content-Type: text/plain; charset=UTF-8

                Email: %s
                """;
        deliver(template.formatted("first@example.com"));
        deliver(template.formatted("second@example.com"));

        await().atMost(PATIENCE).until(() -> app.reports().size() == 2);

        assertThat(retool.sandbox().invitesFor("first@example.com")).hasSize(1);
        assertThat(retool.sandbox().invitesFor("second@example.com")).hasSize(1);
        assertThat(app.reports()).extracting(report -> report.path("name").asText()).doesNotHaveDuplicates()
                .allSatisfy(name -> assertThat(name).matches("mail-[0-9a-f]{16}"));
    }

    @Test
    void movesMailFromAnUntrustedSenderToReviewWithTheReasonAndInvitesNobody() throws Exception {
        GreenMailUtil.sendTextEmail(USER, "evil@attacker.org", "New signup", "Email: spoof@example.com\r\n",
                mail.getSmtp().getServerSetup());

        await().atMost(PATIENCE).until(() -> reviewCount() == 1);

        try (var reasons = Files.list(signups.resolve("mail-review"))) {
            assertThat(Files.readString(reasons.findFirst().orElseThrow()))
                    .contains("evil@attacker.org is not in MAIL_ALLOWED_SENDERS");
        }
        assertThat(inbox()).allSatisfy(message -> assertThat(message.isSet(Flags.Flag.SEEN)).isTrue());
        assertThat(RunningApplication.callsBeyondTheLifecycleRead(retool.sandbox())).isEmpty();
        assertThat(app.ledger().find("spoof@example.com")).isEmpty();
    }

    private void deliver(String eml) throws Exception {
        MimeMessage message = GreenMailUtil.newMimeMessage(eml.replace("\n", "\r\n"));
        mail.getUserManager().getUserByEmail(USER).deliver(message);
    }

    private boolean isSeen(Message message) {
        try {
            return message.isSet(Flags.Flag.SEEN);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode onlyReport() throws Exception {
        return app.reports().size() == 1 ? app.reports().get(0) : null;
    }

    private Message[] inbox() throws Exception {
        try (Store store = imapStore()) {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            Message[] messages = inbox.getMessages();
            for (Message message : messages) {
                message.getFlags();
            }
            return messages;
        }
    }

    private int reviewCount() throws Exception {
        try (Store store = imapStore()) {
            Folder review = store.getFolder("Review");
            return review.exists() ? review.getMessageCount() : 0;
        }
    }

    private Store imapStore() throws Exception {
        Store store = mail.getImap().createStore();
        store.connect(USER, "pw");
        return store;
    }
}
