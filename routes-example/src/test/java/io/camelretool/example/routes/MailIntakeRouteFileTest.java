package io.camelretool.example.routes;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import io.camelretool.component.classify.SignupClassifier;
import io.camelretool.example.config.MailboxSettings;
import io.camelretool.example.intake.mail.MailIntake;
import io.camelretool.example.ledger.Ledger;
import io.camelretool.example.ledger.LedgerStatus;
import io.camelretool.example.pipeline.SignupIntake;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Store;
import org.apache.camel.BeanInject;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The route file {@code camel/mail-intake.camel.yaml} alone, as {@code camel-test-main-junit5} starts it: its bean
 * over an in-memory ledger, reading a real IMAP server (GreenMail on free ports), no HTTP server, no Retool.
 */
@CamelMainTest(propertyPlaceholderLocations = "classpath:route-tests/mail-intake.properties",
               configurationClasses = MailIntakeRouteFileTest.Beans.class)
class MailIntakeRouteFileTest {

    private static final String USER = "signups@localhost";
    private static final String PASSWORD = "route-test-pw";
    private static final Path SIGNUPS = Path.of("target/route-tests/mail-intake");
    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final GreenMail MAIL = new GreenMail(new ServerSetup[] {
        new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
        new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP) });
    private static final MailboxSettings MAILBOX;

    static {
        MAIL.setUser(USER, USER, PASSWORD);
        MAIL.start();
        MAILBOX = new MailboxSettings(true, "imap", "127.0.0.1", MAIL.getImap().getPort(), USER, PASSWORD,
                "forms@acme.com", "Review", Duration.ofMillis(200));
        // the endpoint the application would set from the MAIL_* settings; system properties reach Camel's
        // placeholders, and the port is only known now
        System.setProperty("intake.mail.uri", MAILBOX.endpointUri());
    }

    /** The route's bean, as an application binds it: here over a ledger in memory. */
    public static class Beans implements CamelConfiguration {

        @BindToRegistry("ledger")
        public Ledger ledger() {
            return RouteTestLedgers.ledger(RouteTestLedgers.memory("mail"));
        }

        @BindToRegistry("mailIntake")
        public MailIntake mailIntake(Ledger ledger) {
            return new MailIntake(new SignupIntake(ledger, SignupClassifier.builder().build()), MAILBOX, SIGNUPS,
                    MailIntake.DEFAULT_MAX_MAIL_BYTES);
        }
    }

    @BeanInject
    Ledger ledger;

    @AfterAll
    static void stopMailbox() {
        System.clearProperty("intake.mail.uri");
        MAIL.stop();
    }

    @Test
    void aTrustedMailWithLabelledFieldsBecomesALedgerRowAndIsMarkedSeen() throws Exception {
        GreenMailUtil.sendTextEmail(USER, "forms@acme.com", "New signup",
                "Name: Mary Somerville\r\nEmail: mary@example.com\r\nCompany: Royal Society\r\n",
                MAIL.getSmtp().getServerSetup());

        await().atMost(PATIENCE).until(() -> ledger.find("mary@example.com").isPresent());

        assertThat(ledger.find("mary@example.com")).hasValueSatisfying(entry ->
                assertThat(entry.status()).isEqualTo(LedgerStatus.RECEIVED));
        await().atMost(PATIENCE).until(() -> allSeen("INBOX"));
    }

    @Test
    void aMailFromAnUntrustedSenderGoesToReviewWithItsReasonAndNothingIsStored() throws Exception {
        GreenMailUtil.sendTextEmail(USER, "stranger@elsewhere.example", "Please add me",
                "Email: stranger@elsewhere.example\r\n", MAIL.getSmtp().getServerSetup());

        await().atMost(PATIENCE).until(() -> count("Review") >= 1);

        assertThat(ledger.find("stranger@elsewhere.example")).isEmpty();
        try (var notes = Files.list(SIGNUPS.resolve("mail-review"))) {
            assertThat(notes.map(MailIntakeRouteFileTest::read)).anyMatch(note -> note.contains("Please add me"));
        }
    }

    private static String read(Path note) {
        try {
            return Files.readString(note);
        } catch (IOException e) {
            throw new IllegalStateException(note + " cannot be read", e);
        }
    }

    private static boolean allSeen(String folderName) throws Exception {
        try (Store store = store()) {
            Folder folder = store.getFolder(folderName);
            folder.open(Folder.READ_ONLY);
            for (jakarta.mail.Message message : folder.getMessages()) {
                if (!message.isSet(Flags.Flag.SEEN)) {
                    return false;
                }
            }
            return folder.getMessageCount() > 0;
        }
    }

    private static int count(String folderName) throws Exception {
        try (Store store = store()) {
            Folder folder = store.getFolder(folderName);
            return folder.exists() ? folder.getMessageCount() : 0;
        }
    }

    private static Store store() throws Exception {
        Store store = MAIL.getImap().createStore();
        store.connect(USER, PASSWORD);
        return store;
    }
}
