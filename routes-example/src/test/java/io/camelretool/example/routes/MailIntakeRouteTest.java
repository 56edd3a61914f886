package io.camelretool.example.routes;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import io.camelretool.component.RetoolComponent;
import io.camelretool.sandbox.junit.RetoolSandboxExtension;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Store;
import org.apache.camel.CamelContext;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The real mailbox route against a real IMAP server (GreenMail), the folder route and the sandbox. */
class MailIntakeRouteTest extends CamelTestSupport {

    private static final String USER = "signups@localhost";

    @RegisterExtension
    static RetoolSandboxExtension retool = RetoolSandboxExtension.business();

    @TempDir
    static Path signups;

    static GreenMail mail;

    @BeforeAll
    static void startMailServer() {
        mail = new GreenMail(new ServerSetup[] {
            new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
            new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP) });
        mail.setUser(USER, USER, "pw");
        mail.start();
    }

    @AfterAll
    static void stopMailServer() {
        mail.stop();
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        RetoolComponent component = new RetoolComponent();
        component.getConfiguration().setBaseUrl(retool.baseUrl());
        component.getConfiguration().setApiKey(retool.apiKey());
        component.getConfiguration().setRateLimitPerMinute(0);
        context.addComponent("retool", component);
        Properties properties = new Properties();
        properties.setProperty("signups.dir", signups.toString());
        properties.setProperty("mail.protocol", "imap");
        properties.setProperty("mail.host", "127.0.0.1");
        properties.setProperty("mail.port", String.valueOf(mail.getImap().getPort()));
        properties.setProperty("mail.username", USER);
        properties.setProperty("mail.password", "pw");
        properties.setProperty("mail.allowed-senders", "forms@acme.com");
        properties.setProperty("mail.review-folder", "Review");
        properties.setProperty("mail.poll-delay", "200");
        context.getPropertiesComponent().setOverrideProperties(properties);
        return context;
    }

    @Override
    protected RoutesBuilder[] createRouteBuilders() {
        return new RouteBuilder[] { new MailIntakeRoute(), new FolderIntakeRoute() };
    }

    @Test
    void aTrustedSignupMailBecomesAnInviteAndIsMarkedSeenWhileAnUntrustedOneGoesToReview() throws Exception {
        GreenMailUtil.sendTextEmail(USER, "forms@acme.com", "New signup",
                "Name: Mary Somerville\r\nEmail: mary@example.com\r\n", mail.getSmtp().getServerSetup());
        GreenMailUtil.sendTextEmail(USER, "evil@attacker.org", "New signup", "Email: spoof@example.com\r\n",
                mail.getSmtp().getServerSetup());

        await().atMost(Duration.ofSeconds(20)).until(() -> retool.sandbox().invitesFor("mary@example.com").size() == 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> reviewCount() == 1);

        assertThat(retool.sandbox().invitesFor("spoof@example.com")).isEmpty();
        try (Store store = imapStore()) {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            assertThat(inbox.getMessages()).allSatisfy(message -> assertThat(message.isSet(Flags.Flag.SEEN)).isTrue());
        }
        try (var reasons = Files.list(signups.resolve("mail-review"))) {
            assertThat(Files.readString(reasons.findFirst().orElseThrow()))
                    .contains("evil@attacker.org is not in MAIL_ALLOWED_SENDERS");
        }
    }

    private static int reviewCount() throws Exception {
        try (Store store = imapStore()) {
            Folder review = store.getFolder("Review");
            return review.exists() ? review.getMessageCount() : 0;
        }
    }

    private static Store imapStore() throws Exception {
        Store store = mail.getImap().createStore();
        store.connect(USER, "pw");
        return store;
    }
}
