package io.camelretool.example.resilience;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;

import io.camelretool.example.testing.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two application processes share one PostgreSQL ledger (a real server) and one mailbox, each with an inbox of its
 * own, and the same signups reach both: every CSV file lands in both inboxes, every webhook request goes to both
 * nodes at once. The mailbox is read by the node Camel's {@code master:} elects; halfway through, one node is killed
 * and started again, so the other takes over. Retool goes down in the middle of it (5xx, some answers lost after
 * the call took effect) and comes back after the kill: every email must be invited exactly once, with nobody FAILED
 * or in a dead-letter file.
 */
class TwoNodesIT {

    /** Kept when the test fails: its assertion names the application's log in it. */
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path work;

    @RegisterExtension
    final ResiliencePeers peers = new ResiliencePeers();

    @Test
    void twoNodesFedTheSameSignupsInviteEachEmailExactlyOnce() throws Exception {
        long seed = Long.getLong("crash.seed", System.nanoTime());
        SignupTraffic traffic = SignupTraffic.generate(seed, Boolean.getBoolean("crash.long") ? 10_000 : 1_200, 300);
        String ledger = TestPostgres.newDatabase();
        Path locks = Files.createDirectories(work.resolve("cluster"));
        Path signupsA = Files.createDirectories(work.resolve("node-a"));
        Path signupsB = Files.createDirectories(work.resolve("node-b"));
        TrafficFeeder feeder = peers.feeder();
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
                if (i == half / 2) {
                    peers.retool().faults().serverErrorRate(0.8).dropConnectionRate(0.2);
                }
                if (i == half + half / 3) {
                    peers.retool().faults().clear().latency(Duration.ofMillis(3), Duration.ofMillis(12));
                }
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
            peers.awaitSettled(traffic, List.of(signupsA, signupsB));
            nodeA.stop();
            nodeB.stop();

            try (LedgerInspection inspection = new LedgerInspection(ledger)) {
                SettledState state = new SettledState()
                        .checkInvites(traffic, peers.retool())
                        .checkReports(traffic, List.of(signupsA, signupsB))
                        .checkIntakes(List.of(signupsA, signupsB), peers.mailbox().inbox(), feeder, inspection)
                        .checkLedgerSettled(inspection)
                        .checkNobodyParked(List.of(signupsA, signupsB), inspection)
                        .checkNoSecrets(peers.secrets(), List.of(nodeA.log(), nodeB.log(),
                                signupsA.resolve("reports"), signupsB.resolve("reports")), inspection);
                assertThat(state.problems()).as("seed %d; logs in %s", seed, work).isEmpty();
                assertThat(inspection.namesInSeveralBatches("MAIL")).as("mails accepted by both nodes").isEmpty();
            }
            System.out.printf("two nodes: %d webhook re-sends%n", feeder.webhookRetries());
        }
    }

    private Map<String, String> environment(String node, Path signups, String ledger, Path locks) {
        Map<String, String> environment = peers.environment(signups);
        environment.put("LEDGER_JDBC_URL", ledger);
        environment.put("CLUSTER_LOCK_DIR", locks.toString());
        environment.put("CLUSTER_NODE_ID", node);
        // each node has an inbox of its own; the mailbox is one, so only the elected node reads it
        environment.put("CLUSTER_SINGLETON_INTAKES", "mail");
        environment.put("CLUSTER_LOCK_INTERVAL_MS", "500");
        environment.putAll(ResiliencePeers.quickHealing());
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
}
