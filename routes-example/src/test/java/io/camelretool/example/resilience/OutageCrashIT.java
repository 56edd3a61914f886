package io.camelretool.example.resilience;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import io.camelretool.example.ledger.LedgerDataSource;
import io.camelretool.sandbox.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real application jar through a Retool outage, with {@code kill -9} during it and during the recovery after it,
 * and a 429 storm later, while signups keep arriving through the folder, the webhook and the mailbox. The end state
 * needs no human: everyone invitable has exactly one invite, nobody is FAILED or in a dead-letter file, nothing waits.
 * Rows a kill left SENDING are checked against one read of Retool's pending invites per round, not one per row.
 */
class OutageCrashIT {

    /** Kept when the test fails: its assertion names the application's log in it. */
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path work;

    @RegisterExtension
    final ResiliencePeers peers = new ResiliencePeers();

    @Test
    void everyoneIsInvitedOnceWithoutAHumanThroughAnOutageAKillDuringItAndOneDuringTheRecovery() throws Exception {
        long seed = Long.getLong("crash.seed", System.nanoTime());
        SignupTraffic traffic = SignupTraffic.generate(seed, 900, 300);
        Path signups = Files.createDirectories(work.resolve("signups"));
        Path log = work.resolve("application.log");
        TrafficFeeder feeder = peers.feeder();
        System.out.printf("outage crash run: seed %d, %d deliveries, %d invitable%n", seed,
                traffic.deliveries().size(), traffic.invitable().size());

        try (ApplicationProcess app = new ApplicationProcess("app", environment(signups), log)) {
            app.start();
            CompletableFuture<Void> feeding = CompletableFuture.runAsync(() -> feed(traffic, feeder, signups,
                    app.port(), new Random(seed)));
            Thread.sleep(3_000);

            // Retool down: every call a 5xx, some cut off after they took effect
            peers.retool().faults().serverErrorRate(0.8).dropConnectionRate(0.2);
            long outageStart = peers.retool().requests().size();
            Thread.sleep(10_000);
            app.kill();
            app.start();
            Thread.sleep(15_000);
            long outageCalls = peers.retool().requests().size() - outageStart;
            peers.retool().faults().clear();
            peers.retool().faults().latency(Duration.ofMillis(3), Duration.ofMillis(12));
            long endOfOutage = app.logMark();

            // killed again while the waiting people are being invited: when the application still held back at the
            // end of the outage, the moment a probe finds Retool back (the probe's interval has grown during the
            // outage, so how soon that is depends on the run). One in six calls got through during it, so a probe
            // may have ended the outage already, and then nothing is announced after it.
            boolean heldBackAtTheEnd = outageOpenAt(log, endOfOutage);
            if (heldBackAtTheEnd) {
                assertThat(app.awaitLog(endOfOutage, "Retool answers again", Duration.ofSeconds(30)))
                        .as("the recovery after the outage is announced; what the log said of Retool since:%n%s",
                                retoolLines(log, endOfOutage)).isTrue();
                Thread.sleep(300);
            } else {
                Thread.sleep(1_500);
            }
            app.kill();
            app.start();

            // a storm of 429s outliving the component's retries
            Thread.sleep(3_000);
            peers.retool().faults().rateLimitedRate(1.0);
            Thread.sleep(8_000);
            peers.retool().faults().rateLimitedRate(0);

            feeding.join();
            peers.awaitSettled(traffic, List.of(signups));
            // an invite whose answer was lost is in Retool while its person still waits to record it: longer than
            // the longest wait (RETRY_MAX_DELAY) and probe interval, then settled again
            Thread.sleep(12_000);
            peers.awaitSettled(traffic, List.of(signups));
            app.stop();

            List<RecordedRequest> calls = peers.retool().requests();
            String output = Files.readString(log);
            System.out.printf("outage crash run: %d calls in all, %d during the 25 s outage, %d rows found in flight "
                              + "after a kill, %d outage banners, held back when it ended: %s%n", calls.size(),
                    outageCalls, output.split("was left SENDING").length - 1,
                    output.split("Retool unreachable since").length - 1, heldBackAtTheEnd);
            try (LedgerInspection ledger = new LedgerInspection(LedgerDataSource.embeddedUrl(signups))) {
                SettledState state = new SettledState()
                        .checkInvites(traffic, peers.retool())
                        .checkReports(traffic, List.of(signups))
                        .checkIntakes(List.of(signups), peers.mailbox().inbox(), feeder, ledger)
                        .checkLedgerSettled(ledger)
                        .checkNobodyParked(List.of(signups), ledger)
                        .checkNoSecrets(peers.secrets(), List.of(log, signups.resolve("reports")), ledger);
                assertThat(state.problems()).as("seed %d; the application's log is %s", seed, log).isEmpty();
            }
            assertThat(output).contains("Retool unreachable since");
        }
    }

    /** Whether the log of the process's latest life, up to {@code mark}, last said that Retool was unreachable. */
    private static boolean outageOpenAt(Path log, long mark) throws IOException {
        String text = new String(Arrays.copyOf(Files.readAllBytes(log), (int) mark), StandardCharsets.UTF_8);
        String life = text.substring(Math.max(0, text.lastIndexOf("=== app start")));
        return life.lastIndexOf("Retool unreachable since") > life.lastIndexOf("Retool answers again");
    }

    /** The log's lines about Retool and failures after {@code mark} (at most 80), for a failure message. */
    private static String retoolLines(Path log, long mark) throws IOException {
        byte[] all = Files.readAllBytes(log);
        return new String(all, (int) mark, all.length - (int) mark, StandardCharsets.UTF_8).lines()
                .filter(line -> line.contains("Retool") || line.contains("WARN") || line.contains("ERROR"))
                .limit(80).collect(Collectors.joining("\n"));
    }

    private Map<String, String> environment(Path signups) {
        Map<String, String> environment = peers.environment(signups);
        environment.putAll(ResiliencePeers.quickHealing());
        return environment;
    }

    private static void feed(SignupTraffic traffic, TrafficFeeder feeder, Path signups, int port, Random random) {
        try {
            for (SignupTraffic.Delivery delivery : traffic.deliveries()) {
                feeder.deliver(delivery, signups, port);
                Thread.sleep(random.nextInt(60));
            }
        } catch (Exception e) {
            throw new IllegalStateException("feeding the signups failed", e);
        }
    }
}
