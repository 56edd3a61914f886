package io.camelretool.example;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;

import io.camelretool.example.config.Connections;
import io.camelretool.example.config.DemoMailbox;
import io.camelretool.example.config.StartRefused;
import io.camelretool.example.testing.FreePorts;
import io.camelretool.sandbox.junit.RetoolSandboxExtension;
import io.camelretool.testing.LogCapture;
import io.camelretool.testing.SecretScan;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * A second copy of the application on the same machine, or another server on one of its ports: the start stops at
 * once with one line naming the port and the variable that moves it, instead of starting without its webhook (or
 * dying in GreenMail's stack trace); a second copy on the same data folder is one line naming SIGNUPS_DIR, not H2's
 * stack trace of its locked ledger file.
 */
class ClearStartTest {

    @RegisterExtension
    static RetoolSandboxExtension retool = RetoolSandboxExtension.business();

    @TempDir
    Path signups;

    @RegisterExtension
    final SecretScan secrets = ApplicationSecrets.scan(retool::sandbox, () -> signups);
    LogCapture log;

    @BeforeEach
    void capture() {
        log = LogCapture.attach();
    }

    @AfterEach
    void release() {
        log.detach();
    }

    @Test
    void refusesToStartWhenTheWebhookPortIsTakenAndNamesWebhookPort() throws Exception {
        try (ServerSocket taken = new ServerSocket(0)) {
            String reason = refusal(Map.of("camel.server.port", String.valueOf(taken.getLocalPort())));

            assertThat(reason).contains("Port " + taken.getLocalPort()).contains("WEBHOOK_PORT")
                    .doesNotContain("\n");
        }
    }

    @Test
    void refusesToStartWhenTheManagementPortIsTakenAndNamesManagementPort() throws Exception {
        try (ServerSocket taken = new ServerSocket(0)) {
            String reason = refusal(Map.of("camel.management.port", String.valueOf(taken.getLocalPort())));

            assertThat(reason).contains("Port " + taken.getLocalPort()).contains("MANAGEMENT_PORT");
        }
    }

    @Test
    void refusesToStartWhenTheDemoMailboxSmtpPortIsTakenAndNamesItsVariable() throws Exception {
        try (ServerSocket taken = new ServerSocket(0)) {
            String reason = refusal(demoMailbox(taken.getLocalPort(), FreePorts.next()));

            assertThat(reason).contains("Port " + taken.getLocalPort()).contains("MAIL_DEMO_SMTP_PORT")
                    .doesNotContainIgnoringCase("timeout");
        }
    }

    @Test
    void refusesToStartWhenTheDemoMailboxImapPortIsTakenAndNamesItsVariable() throws Exception {
        try (ServerSocket taken = new ServerSocket(0)) {
            String reason = refusal(demoMailbox(FreePorts.next(), taken.getLocalPort()));

            assertThat(reason).contains("Port " + taken.getLocalPort()).contains("MAIL_DEMO_IMAP_PORT");
        }
    }

    @Test
    void namesEveryPortInTheWayInOneLineSoASecondCopyLearnsAllItMustMoveAtOnce() throws Exception {
        try (ServerSocket webhook = new ServerSocket(0); ServerSocket smtp = new ServerSocket(0);
             ServerSocket imap = new ServerSocket(0)) {
            Map<String, String> overrides = new java.util.HashMap<>(demoMailbox(smtp.getLocalPort(),
                    imap.getLocalPort()));
            overrides.put("camel.server.port", String.valueOf(webhook.getLocalPort()));

            String reason = refusal(overrides);

            assertThat(reason).startsWith("3 ports cannot be listened on").doesNotContain("\n")
                    .contains("Port " + webhook.getLocalPort()).contains("WEBHOOK_PORT")
                    .contains("Port " + smtp.getLocalPort()).contains("MAIL_DEMO_SMTP_PORT")
                    .contains("Port " + imap.getLocalPort()).contains("MAIL_DEMO_IMAP_PORT");
        }
    }

    @Test
    void refusesToStartWhenAnotherProcessHoldsTheLedgerAndNamesSignupsDir() throws Exception {
        // what a first copy of the application on the same data folder holds: the lock on the H2 ledger's file
        Path ledgerFile = Files.createDirectories(signups.resolve("ledger")).resolve("ledger.mv.db");
        try (FileChannel file = FileChannel.open(ledgerFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock held = file.lock()) {
            String reason = refusal(Map.of());

            assertThat(held.isValid()).isTrue();
            assertThat(reason).startsWith("The ledger in " + signups.resolve("ledger") + " is in use")
                    .contains("SIGNUPS_DIR").doesNotContain("\n").doesNotContain("90020");
        }
    }

    @Test
    void theDemoMailboxListensOnThePortsItIsGiven() throws Exception {
        int smtp = FreePorts.next();
        int imap = FreePorts.next();
        try (RunningApplication app = RunningApplication.start(signups, retool.sandbox(), demoMailbox(smtp, imap))) {
            assertThat(app.bean(Connections.class).demoMailboxPorts())
                    .contains(new DemoMailbox.Ports(smtp, imap));
            for (int port : List.of(smtp, imap)) {
                try (Socket socket = new Socket()) {
                    socket.connect(new InetSocketAddress(DemoMailbox.HOST, port), 2000);
                    assertThat(socket.isConnected()).isTrue();
                }
            }
        }
    }

    @Test
    void theConfigurationSummaryShowsResolvedValuesNotPlaceholders() throws Exception {
        try (RunningApplication app = RunningApplication.start(signups, retool.sandbox(), Map.of())) {
            List<String> lines = log.drain();

            assertThat(lines).noneMatch(line -> line.contains("{{"))
                    .anyMatch(line -> line.endsWith("retool.base-url = " + retool.sandbox().baseUrl()))
                    .anyMatch(line -> line.endsWith("camel.server.port = " + app.port()))
                    .anyMatch(line -> line.endsWith("webhook.secret = ****** (set)"))
                    .anyMatch(line -> line.endsWith("retool.api-key = ****** (set)"));
        }
    }

    @Test
    void aPortThatIsNotANumberIsRefusedNamingItsVariable() {
        String reason = refusal(Map.of("mail.enabled", "true", "mail.demo", "true",
                "mail.demo.smtp-port", "smtp"));

        assertThat(reason).contains("MAIL_DEMO_SMTP_PORT").contains("'smtp'");
    }

    @Test
    void aWebhookPortThatIsNotANumberIsOneRefusalNamingWebhookPortAndTheValue() {
        String reason = settingRefusal(Map.of("camel.server.port", "abc"));

        assertThat(reason).contains("WEBHOOK_PORT").contains("'abc'").doesNotContain("\n");
    }

    @Test
    void aDurationThatIsNotADurationIsOneRefusalNamingItsVariable() {
        String reason = settingRefusal(Map.of("retry.first-delay", "soon"));

        assertThat(reason).contains("RETRY_FIRST_DELAY").contains("'soon'").doesNotContain("\n");
    }

    /** A refused setting: a StartRefused, whose one line ExampleApplication prints instead of a stack trace. */
    private String settingRefusal(Map<String, String> overrides) {
        Throwable failed = catchThrowable(() -> RunningApplication.start(signups, retool.sandbox(), overrides)
                .close());

        assertThat(StartRefused.in(failed)).as("a refusal, not %s", failed).isPresent();
        assertThat(log.drain()).noneMatch(line -> line.contains("caused by"));
        return StartRefused.in(failed).orElseThrow().getMessage();
    }

    /** The start's failure, which must be a refusal: its one line, and the log holds no stack trace of it. */
    private String refusal(Map<String, String> overrides) {
        Throwable failed = catchThrowable(() -> RunningApplication.start(signups, retool.sandbox(), overrides)
                .close());

        assertThat(failed).isNotNull();
        List<String> lines = log.drain();
        assertThat(lines).noneMatch(line -> line.contains("caused by"));
        return StartRefused.in(failed).map(Throwable::getMessage).orElseGet(() -> failed.toString());
    }

    private static Map<String, String> demoMailbox(int smtp, int imap) {
        return Map.of("mail.enabled", "true", "mail.demo", "true", "mail.demo.smtp-port", String.valueOf(smtp),
                "mail.demo.imap-port", String.valueOf(imap));
    }
}
