package io.camelretool.example.resilience;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.camelretool.example.testing.TestPostgres;
import io.camelretool.sandbox.RetoolSandbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two application processes share one PostgreSQL ledger (a real server) and one mailbox, each with an inbox of its
 * own, and the same signups reach both: every CSV file lands in both inboxes, every webhook request goes to both
 * nodes at once. The mailbox is read by the node Camel's {@code master:} elects; halfway through, one node is killed
 * and started again, so the other takes over. Every email must be invited exactly once.
 */
class TwoNodesIT {

    private static final String MAILBOX = "signups@localhost";
    private static final String MAIL_PASSWORD = "mail-password";
    private static final String WEBHOOK_SECRET = "two-nodes-webhook-secret";

    @TempDir
    Path work;

    private RetoolSandbox retool;
    private GreenMail mail;

    @BeforeEach
    void startPeers() {
        retool = RetoolSandbox.builder().apiKey("retool_two_nodes_key").start();
        retool.faults().latency(Duration.ofMillis(2), Duration.ofMillis(8));
        retool.defineAttribute("plan", "string");
        mail = new GreenMail(new ServerSetup[] {
            new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
            new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP) });
        mail.setUser(MAILBOX, MAILBOX, MAIL_PASSWORD);
        mail.start();
    }

    @AfterEach
    void stopPeers() {
        mail.stop();
        retool.close();
    }

    @Test
    void twoNodesFedTheSameSignupsInviteEachEmailExactlyOnce() throws Exception {
        long seed = Long.getLong("crash.seed", System.nanoTime());
        SignupTraffic traffic = SignupTraffic.generate(seed, Boolean.getBoolean("crash.long") ? 10_000 : 1_200, 300);
        String ledger = TestPostgres.newDatabase();
        Path locks = Files.createDirectories(work.resolve("cluster"));
        Path signupsA = Files.createDirectories(work.resolve("node-a"));
        Path signupsB = Files.createDirectories(work.resolve("node-b"));
        TrafficFeeder feeder = new TrafficFeeder(WEBHOOK_SECRET.getBytes(StandardCharsets.UTF_8),
                mail.getSmtp().getServerSetup(), MAILBOX);
        System.out.printf("two nodes: seed %d, %d deliveries, %d invitable%n", seed, traffic.deliveries().size(),
                traffic.invitable().size());

        try (ApplicationProcess nodeA = new ApplicationProcess("node-a", environment("node-a", signupsA, ledger, locks),
                work.resolve("node-a.log"));
             ApplicationProcess nodeB = new ApplicationProcess("node-b", environment("node-b", signupsB, ledger,
                     locks), work.resolve("node-b.log"))) {
            CompletableFuture.allOf(CompletableFuture.runAsync(() -> start(nodeA)),
                    CompletableFuture.runAsync(() -> start(nodeB))).join();
            Random random = new Random(seed);
            int half = traffic.deliveries().size() / 2;
            CompletableFuture<Void> restarted = CompletableFuture.completedFuture(null);
            for (int i = 0; i < traffic.deliveries().size(); i++) {
                if (i == half) {
                    // the node holding the mailbox, or the other: either way the survivor must carry on, and the
                    // killed one comes back while signups keep arriving
                    ApplicationProcess killed = random.nextBoolean() ? nodeA : nodeB;
                    killed.kill();
                    restarted = CompletableFuture.runAsync(() -> start(killed));
                }
                deliverToBoth(feeder, traffic.deliveries().get(i), nodeA, signupsA, nodeB, signupsB);
            }
            restarted.join();
            MailboxProbe mailbox = new MailboxProbe(mail, MAILBOX, MAIL_PASSWORD);
            awaitSettled(traffic, List.of(signupsA, signupsB), mailbox);
            nodeA.stop();
            nodeB.stop();

            try (LedgerInspection inspection = new LedgerInspection(ledger)) {
                SettledState state = new SettledState()
                        .checkInvites(traffic, retool)
                        .checkReports(traffic, List.of(signupsA, signupsB))
                        .checkIntakes(List.of(signupsA, signupsB), mailbox.inbox(), feeder, inspection)
                        .checkLedgerSettled(inspection)
                        .checkNoSecrets(Map.of("Retool API key", retool.apiKey(), "webhook secret", WEBHOOK_SECRET,
                                "mailbox password", MAIL_PASSWORD), List.of(nodeA.log(), nodeB.log(),
                                signupsA.resolve("reports"), signupsB.resolve("reports")), inspection);
                assertThat(state.problems()).as("seed %d; logs in %s", seed, work).isEmpty();
                assertThat(inspection.namesInSeveralBatches("MAIL")).as("mails accepted by both nodes").isEmpty();
            }
            System.out.printf("two nodes: %d webhook re-sends%n", feeder.webhookRetries());
        }
    }

    private Map<String, String> environment(String node, Path signups, String ledger, Path locks) {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("SIGNUPS_DIR", signups.toString());
        environment.put("LEDGER_JDBC_URL", ledger);
        environment.put("CLUSTER_LOCK_DIR", locks.toString());
        environment.put("CLUSTER_NODE_ID", node);
        // each node has an inbox of its own; the mailbox is one, so only the elected node reads it
        environment.put("CLUSTER_SINGLETON_INTAKES", "mail");
        environment.put("CLUSTER_LOCK_INTERVAL_MS", "500");
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
        environment.put("LEDGER_RECONCILE_AFTER_SECONDS", "2");
        environment.put("LEDGER_RECONCILE_PERIOD_MS", "500");
        return environment;
    }

    private static void start(ApplicationProcess node) {
        try {
            node.start();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A file into both inboxes, a webhook request to both nodes at once (a live one answers), a mail once. */
    private static void deliverToBoth(TrafficFeeder feeder, SignupTraffic.Delivery delivery, ApplicationProcess nodeA,
                                      Path signupsA, ApplicationProcess nodeB, Path signupsB) throws Exception {
        if (delivery instanceof SignupTraffic.Mail) {
            feeder.deliver(delivery, signupsA, nodeA.port());
            return;
        }
        CompletableFuture<Void> toA = CompletableFuture.runAsync(() -> deliver(feeder, delivery, signupsA, nodeA));
        CompletableFuture<Void> toB = CompletableFuture.runAsync(() -> deliver(feeder, delivery, signupsB, nodeB));
        CompletableFuture.allOf(toA, toB).join();
    }

    private static void deliver(TrafficFeeder feeder, SignupTraffic.Delivery delivery, Path signups,
                                ApplicationProcess node) {
        try {
            feeder.deliver(delivery, signups, node.port());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void awaitSettled(SignupTraffic traffic, List<Path> signupsDirs, MailboxProbe mailbox) {
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
}
