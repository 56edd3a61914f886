package io.camelretool.example.intake.mail;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Properties;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A mail's size judged from what a real IMAP server (GreenMail) reports, before any of it is fetched: the whole
 * mail's size, then the sizes of the parts the extractor would read.
 */
class MailSizeTest {

    private static final String MAILBOX = "signups@localhost";
    private static final long MAIL_MAX_BYTES = 16L * 1024 * 1024;

    GreenMail mail;

    @BeforeEach
    void start() {
        mail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP));
        mail.setUser(MAILBOX, MAILBOX, "pw");
        mail.start();
    }

    @AfterEach
    void stop() {
        mail.stop();
    }

    @Test
    void aMailUnderTheLimitWithAnAttachedCsvOverTenMibIsRefusedFromItsPartSizes() throws Exception {
        int csvBytes = 11 * 1024 * 1024;
        deliver(mailWith(part("text/plain", "see the attachment", null), csv(csvBytes, "people.csv", "base64")));

        Optional<String> refusal = refusalOfTheMailInTheInbox();

        // the server's size of the base64 part, counted as 3/4: over 11 MiB, under the encoded 14.7 MiB
        assertThat(refusal).hasValueSatisfying(reason -> assertThat(reason)
                .contains("the attached CSVs are larger than 10 MiB together (about ")
                .contains("bytes by the part sizes the server reports")
                .contains("at most 10485760").doesNotContain("MAIL_MAX_BYTES")
                .satisfies(text -> assertThat(bytesIn(text)).isBetween((long) csvBytes, csvBytes * 21L / 20)));
    }

    @Test
    void csvAttachmentsAreCountedTogetherByTheExtractorsRuleWhateverTheirType() throws Exception {
        // one by its type, one by its name, neither over 10 MiB alone; the text part is not counted
        deliver(mailWith(part("text/plain", "x".repeat(900_000), null), csv(6 * 1024 * 1024, "a.csv", "8bit"),
                csv(5 * 1024 * 1024, "b.CSV", "base64")));

        assertThat(refusalOfTheMailInTheInbox()).hasValueSatisfying(reason -> assertThat(reason)
                .contains("the attached CSVs are larger than 10 MiB together (about "));
    }

    @Test
    void aTextOverOneMibIsRefusedFromItsPartSize() throws Exception {
        deliver(mailWith(part("text/plain", "Email: someone@example.com\n" + "x".repeat(2 * 1024 * 1024), null)));

        assertThat(refusalOfTheMailInTheInbox()).hasValueSatisfying(reason -> assertThat(reason)
                .contains("the mail's text is larger than 1 MiB (about ").contains("at most 1048576"));
    }

    @Test
    void aLargeMailWhosePartsTheExtractorReadsAreWithinTheLimitsIsRead() throws Exception {
        // 9 MiB of CSV (12 MiB in base64) and a 1 MiB attachment the extractor does not read
        deliver(mailWith(part("text/plain", "see the attachment", null), csv(9 * 1024 * 1024, "people.csv", "base64"),
                part("application/pdf", "p".repeat(1024 * 1024), "scan.pdf")));

        assertThat(refusalOfTheMailInTheInbox()).isEmpty();
    }

    @Test
    void aMailOverMailMaxBytesIsStillRefusedFromItsWholeSize() throws Exception {
        deliver(mailWith(csv(2 * 1024 * 1024, "people.csv", "8bit")));

        try (Store store = imap()) {
            Folder inbox = openInbox(store);
            assertThat(new MailSize(1024 * 1024).refusal(inbox.getMessage(1))).hasValueSatisfying(reason ->
                    assertThat(reason).contains("(MAIL_MAX_BYTES)"));
        }
    }

    @Test
    void aLargeMailTheServerCannotDescribeIsLeftToBeReadWholeAndSetAsideThere() throws Exception {
        // a multipart whose boundary never appears: GreenMail cannot give its BODYSTRUCTURE
        String broken = "From: forms@localhost\r\nTo: " + MAILBOX + "\r\nMIME-Version: 1.0\r\n"
                        + "Content-Type: multipart/mixed; boundary=\"b\"\r\nSubject: broken\r\n\r\n"
                        + "nothing but a preamble\r\n".repeat(100_000);
        deliver(new MimeMessage(Session.getInstance(new Properties()),
                new ByteArrayInputStream(broken.getBytes(StandardCharsets.US_ASCII))));

        MailSize sizes = new MailSize(MAIL_MAX_BYTES);
        try (Store store = imap()) {
            Message message = openInbox(store).getMessage(1);
            assertThat(message.getSize()).isGreaterThan(SignupMailExtractor.MAX_TEXT_BYTES);
            assertThat(sizes.refusal(message)).isEmpty();
        }
        // at the next poll (GreenMail dropped the session with the request) the mail is read whole, and can be set
        // aside by the intake, instead of failing every poll
        try (Store store = imap()) {
            Message message = openInbox(store).getMessage(1);
            assertThat(sizes.refusal(message)).isEmpty();
            assertThat(MailIntake.readHere(message).getSubject()).isEqualTo("broken");
        }
    }

    private Optional<String> refusalOfTheMailInTheInbox() throws Exception {
        try (Store store = imap()) {
            Folder inbox = openInbox(store);
            Message message = inbox.getMessage(1);
            assertThat(message.getSize()).as("under MAIL_MAX_BYTES").isLessThan((int) MAIL_MAX_BYTES);
            return new MailSize(MAIL_MAX_BYTES).refusal(message);
        }
    }

    private Store imap() throws Exception {
        Store store = mail.getImap().createStore();
        store.connect(MAILBOX, "pw");
        return store;
    }

    private static Folder openInbox(Store store) throws Exception {
        Folder inbox = store.getFolder("INBOX");
        inbox.open(Folder.READ_ONLY);
        return inbox;
    }

    private void deliver(MimeMessage message) throws Exception {
        mail.getUserManager().getUser(MAILBOX).deliver(message);
    }

    private static MimeMessage mailWith(MimeBodyPart... parts) throws Exception {
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
        message.setFrom(new InternetAddress("forms@localhost"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(MAILBOX));
        message.setSubject("signups");
        MimeMultipart multipart = new MimeMultipart();
        for (MimeBodyPart part : parts) {
            multipart.addBodyPart(part);
        }
        message.setContent(multipart);
        message.saveChanges();
        return message;
    }

    private static MimeBodyPart csv(int bytes, String fileName, String encoding) throws Exception {
        StringBuilder csv = new StringBuilder("email\r\n");
        while (csv.length() < bytes) {
            csv.append("someone").append(csv.length()).append("@example.com\r\n");
        }
        csv.setLength(bytes);
        MimeBodyPart part = part(fileName.endsWith(".csv") ? "text/csv" : "application/octet-stream",
                csv.toString(), fileName);
        part.setHeader("Content-Transfer-Encoding", encoding);
        return part;
    }

    private static MimeBodyPart part(String type, String content, String fileName) throws Exception {
        MimeBodyPart part = new MimeBodyPart();
        part.setContent(content, type + "; charset=US-ASCII");
        if (fileName != null) {
            part.setFileName(fileName);
        }
        return part;
    }

    /** The number of bytes a reason says the parts are "about". */
    private static long bytesIn(String reason) {
        String after = reason.substring(reason.indexOf("(about ") + "(about ".length());
        return Long.parseLong(after.substring(0, after.indexOf(' ')));
    }
}
