package io.camelretool.example.hostile;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.camelretool.example.ApplicationSecrets;
import io.camelretool.example.RunningApplication;
import io.camelretool.example.config.Connections;
import io.camelretool.sandbox.RetoolSandbox;
import io.camelretool.testing.LogCapture;
import io.camelretool.testing.SecretScan;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The signup mailbox attacked by mail: a From that is not exactly one mailbox, a mail too large to read, a mail the
 * server itself cannot describe. Each is set aside for review once and marked seen, however many polls follow; nothing
 * of it is invited. And the demo mailbox, which trusts any local sender, never runs beside a real Retool.
 */
class MailboxUnderAttackTest {

    private static final String MAILBOX = "signups@localhost";

    @TempDir
    Path signups;
    RetoolSandbox retool;
    GreenMail mail;
    LogCapture log;

    @RegisterExtension
    SecretScan secrets = ApplicationSecrets.scan(() -> retool, () -> signups);

    @BeforeEach
    void start() {
        retool = RetoolSandbox.start();
        mail = new GreenMail(new ServerSetup[] {
            new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
            new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP) });
        mail.setUser(MAILBOX, MAILBOX, "pw");
        mail.start();
        log = LogCapture.attach();
    }

    @AfterEach
    void stop() {
        log.detach();
        mail.stop();
        retool.close();
    }

    @Test
    void mailsThatAreNotFromExactlyOneTrustedMailboxOrTooLargeAreSetAsideOnce() throws Exception {
        try (RunningApplication app = RunningApplication.start(signups, retool, Map.of("mail.enabled", "true",
                "mail.host", "127.0.0.1", "mail.port", String.valueOf(mail.getImap().getPort()),
                "mail.username", MAILBOX, "mail.password", "pw", "mail.poll-delay", "100",
                "mail.allowed-senders", "forms@localhost", "mail.max-bytes", String.valueOf(512 * 1024)))) {
            try (RawSmtp smtp = new RawSmtp("127.0.0.1", mail.getSmtp().getPort())) {
                smtp.send("x@example.org", MAILBOX, signupMail("From: <forms@localhost>@attacker.org\n",
                        "route-trick", "route-trick@example.com"));
                smtp.send("x@example.org", MAILBOX, signupMail("From: forms@localhost\nFrom: evil@attacker.org\n",
                        "two-from-headers", "two-headers@example.com"));
                smtp.send("x@example.org", MAILBOX, signupMail("From: undisclosed-recipients:;\n",
                        "group-sender", "group@example.com"));
                smtp.send("x@example.org", MAILBOX, largeMail());
                smtp.send("x@example.org", MAILBOX, signupMail("From: Forms <forms@localhost>\n", "genuine",
                        "genuine@example.com"));
            }
            app.awaitReport("<genuine@test.example>");
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(seen("INBOX"))
                    .containsExactly(true, true, true, true, true));
            // many more polls: nothing is read or copied again
            Thread.sleep(1500);

            assertThat(seen("Review")).hasSize(4);
            assertThat(reasons()).hasSize(4).anyMatch(reason -> reason.contains("exactly one mailbox"))
                    .anyMatch(reason -> reason.contains("bytes; at most 524288 are read"));
            for (String email : List.of("route-trick@example.com", "two-headers@example.com", "group@example.com")) {
                assertThat(app.ledger().find(email)).as(email).isEmpty();
            }
            assertThat(log.drain()).noneMatch(line -> line.contains("caused by"))
                    .filteredOn(line -> line.contains("moved to review")).hasSize(4);
        }
    }

    @Test
    void aMailUnderMailMaxBytesWithAttachedCsvsOverTenMibIsSetAsideFromItsPartSizes() throws Exception {
        try (RunningApplication app = RunningApplication.start(signups, retool, Map.of("mail.enabled", "true",
                "mail.host", "127.0.0.1", "mail.port", String.valueOf(mail.getImap().getPort()),
                "mail.username", MAILBOX, "mail.password", "pw", "mail.poll-delay", "100",
                "mail.allowed-senders", "forms@localhost"))) {
            try (RawSmtp smtp = new RawSmtp("127.0.0.1", mail.getSmtp().getPort())) {
                smtp.send("x@example.org", MAILBOX, csvInBase64(11 * 1024 * 1024));
                smtp.send("x@example.org", MAILBOX, signupMail("From: forms@localhost\n", "after-large",
                        "after-large@example.com"));
            }
            app.awaitReport("<after-large@test.example>");
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(seen("INBOX"))
                    .containsExactly(true, true));

            assertThat(seen("Review")).hasSize(1);
            // the reason names the size the server reported for the part: decided before the mail was fetched
            assertThat(reasons()).singleElement().satisfies(reason -> assertThat(reason)
                    .contains("the attached CSVs are larger than 10 MiB together (about ")
                    .contains("bytes by the part sizes the server reports")
                    .contains("at most 10485760"));
            assertThat(app.ledger().find("big0@example.com")).isEmpty();
        }
    }

    @Test
    void theDemoMailboxDoesNotRunBesideARealRetool() throws Exception {
        // RunningApplication names a Retool base URL and key: to the application that is a real Retool
        try (RunningApplication app = RunningApplication.start(signups, retool, Map.of("mail.enabled", "true"))) {
            assertThat(app.bean(Connections.class).isDemoMailbox()).isFalse();
            assertThat(app.context().getRoute("mail-intake")).isNull();
        }
    }

    private static byte[] signupMail(String fromHeaders, String id, String email) {
        return (fromHeaders + "To: " + MAILBOX + "\r\nSubject: " + id + "\r\nMessage-ID: <" + id + "@test.example>\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\n\r\nName: Test Person\r\nEmail: " + email + "\r\n")
                .replace("\r\n", "\n").replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] largeMail() {
        StringBuilder csv = new StringBuilder("email\r\n");
        while (csv.length() < 1024 * 1024) {
            csv.append("someone").append(csv.length()).append("@example.com\r\n");
        }
        return ("From: forms@localhost\r\nTo: " + MAILBOX + "\r\nSubject: large\r\nMessage-ID: <large@test.example>\r\n"
                + "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\n"
                + "Content-Type: text/plain\r\n\r\nsee the attachment\r\n--b\r\n"
                + "Content-Type: text/csv; name=people.csv\r\nContent-Disposition: attachment; filename=people.csv\r\n"
                + "\r\n" + csv + "--b--\r\n").getBytes(StandardCharsets.UTF_8);
    }

    /** A mail under 16 MiB whose one CSV decodes to the given size, sent in base64. */
    private static byte[] csvInBase64(int csvBytes) {
        StringBuilder csv = new StringBuilder("email\r\n");
        while (csv.length() < csvBytes) {
            csv.append("big").append(csv.length()).append("@example.com\r\n");
        }
        String base64 = Base64.getMimeEncoder().encodeToString(csv.toString().getBytes(StandardCharsets.US_ASCII));
        return ("From: forms@localhost\r\nTo: " + MAILBOX + "\r\nSubject: big\r\nMessage-ID: <big@test.example>\r\n"
                + "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\n"
                + "Content-Type: text/plain\r\n\r\nsee the attachment\r\n--b\r\n"
                + "Content-Type: text/csv; name=people.csv\r\nContent-Disposition: attachment; filename=people.csv\r\n"
                + "Content-Transfer-Encoding: base64\r\n\r\n" + base64 + "\r\n--b--\r\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    private List<String> reasons() throws Exception {
        try (Stream<Path> files = Files.list(signups.resolve("mail-review"))) {
            List<String> texts = new ArrayList<>();
            for (Path file : files.toList()) {
                texts.add(Files.readString(file));
            }
            return texts;
        }
    }

    private List<Boolean> seen(String folderName) throws Exception {
        return MailFolders.seen(mail, MAILBOX, "pw", folderName);
    }
}
