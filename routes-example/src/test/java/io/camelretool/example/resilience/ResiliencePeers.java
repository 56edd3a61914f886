package io.camelretool.example.resilience;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.camelretool.example.testing.FreePorts;
import io.camelretool.sandbox.RetoolSandbox;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import static org.awaitility.Awaitility.await;

/**
 * What the process-level proofs run the application against: a retool-sandbox whose calls take a little while, as
 * over a network (so a kill lands during calls too), and a mailbox every node reads, both in the test's JVM, apart
 * from the application's processes, started afresh for each test. Also the settings every node gets, and the wait
 * until everything is settled.
 */
final class ResiliencePeers implements BeforeEachCallback, AfterEachCallback {

    static final String WEBHOOK_SECRET = "resilience-webhook-secret";
    private static final String MAILBOX = "signups@localhost";
    private static final String MAIL_PASSWORD = "resilience-mail-password";

    private RetoolSandbox retool;
    private GreenMail mail;

    @Override
    public void beforeEach(ExtensionContext context) {
        retool = RetoolSandbox.builder().apiKey("retool_resilience_key").start();
        retool.faults().latency(Duration.ofMillis(3), Duration.ofMillis(12));
        retool.defineAttribute("plan", "string");
        mail = new GreenMail(new ServerSetup[] {
            new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
            new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP) });
        mail.setUser(MAILBOX, MAILBOX, MAIL_PASSWORD);
        mail.start();
    }

    RetoolSandbox retool() {
        return retool;
    }

    TrafficFeeder feeder() {
        return new TrafficFeeder(WEBHOOK_SECRET.getBytes(StandardCharsets.UTF_8), mail.getSmtp().getServerSetup(),
                MAILBOX);
    }

    MailboxProbe mailbox() {
        return new MailboxProbe(mail, MAILBOX, MAIL_PASSWORD);
    }

    /** The secrets no output, file or ledger row may hold. */
    Map<String, String> secrets() {
        return Map.of("Retool API key", retool.apiKey(), "webhook secret", WEBHOOK_SECRET, "mailbox password",
                MAIL_PASSWORD);
    }

    /** A node's settings: these peers, its data folder, a port of its own, fast polls and a short reconcile grace. */
    Map<String, String> environment(Path signups) {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("SIGNUPS_DIR", signups.toString());
        environment.put("RETOOL_BASE_URL", retool.baseUrl());
        environment.put("RETOOL_API_KEY", retool.apiKey());
        environment.put("RETOOL_RATE_LIMIT_PER_MINUTE", "0");
        environment.put("RETOOL_ORG_DOMAINS", SignupTraffic.orgDomain());
        environment.put("MAX_NEW_EXTERNAL_SEATS_PER_DAY", "1000000");
        environment.put("WEBHOOK_SECRET", WEBHOOK_SECRET);
        environment.put("WEBHOOK_PORT", String.valueOf(FreePorts.next()));
        environment.put("MAIL_HOST", "127.0.0.1");
        environment.put("MAIL_PORT", String.valueOf(mail.getImap().getPort()));
        environment.put("MAIL_USERNAME", MAILBOX);
        environment.put("MAIL_PASSWORD", MAIL_PASSWORD);
        environment.put("MAIL_ALLOWED_SENDERS", "@" + SignupTraffic.orgDomain());
        environment.put("MAIL_POLL_DELAY_MS", "300");
        environment.put("PIPELINE_POLL_DELAY_MS", "100");
        // a row a kill left SENDING is taken up two seconds later; calls here last milliseconds
        environment.put("LEDGER_RECONCILE_AFTER_SECONDS", "2");
        environment.put("LEDGER_RECONCILE_PERIOD_MS", "500");
        return environment;
    }

    /**
     * Healing in seconds rather than minutes: a person waits 1 s after a first failure and at most 5 s between
     * attempts; an outage is probed after 1 s, then at most every 5 s.
     */
    static Map<String, String> quickHealing() {
        return Map.of("RETRY_FIRST_DELAY", "1s", "RETRY_MAX_DELAY", "5s", "RETOOL_PROBE_FIRST_INTERVAL", "1s",
                "RETOOL_PROBE_MAX_INTERVAL", "5s");
    }

    /**
     * Waits until the inboxes are empty, every mail is processed, every invitable person has an invite, and no report
     * has been written for four seconds: the state a test then stops the nodes in and checks.
     */
    void awaitSettled(SignupTraffic traffic, List<Path> signupsDirs) {
        MailboxProbe mailbox = mailbox();
        Instant[] lastChange = { Instant.now() };
        long[] lastReports = { -1 };
        await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(500)).until(() -> {
            long reports = 0;
            long waiting = 0;
            for (Path signups : signupsDirs) {
                reports += countFiles(signups.resolve("reports"));
                waiting += countFiles(signups.resolve("inbox"));
            }
            if (reports != lastReports[0]) {
                lastReports[0] = reports;
                lastChange[0] = Instant.now();
            }
            return waiting == 0 && mailbox.inbox().allSeen()
                   && traffic.invitable().stream().allMatch(email -> !retool.invitesFor(email).isEmpty())
                   && Duration.between(lastChange[0], Instant.now()).toSeconds() >= 4;
        });
    }

    private static long countFiles(Path folder) throws Exception {
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile).count();
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        mail.stop();
        retool.close();
    }
}
