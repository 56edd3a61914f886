package io.camelretool.example.resilience;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;

import io.camelretool.example.ledger.LedgerDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kills the real application jar with SIGKILL at random moments while signups pour in through the folder, the
 * webhook and the mailbox, restarts it on the same data folder and embedded ledger each time, and checks once it
 * has settled that every signup was invited exactly once or reported, and that nothing acknowledged was lost.
 *
 * <p>The default run is sized for CI. {@code -Dcrash.long=true} runs ten times the signups and five times the
 * kills; {@code -Dcrash.seed=N} repeats a run (the seed is printed).
 */
class CrashRecoveryIT {

    /** Kept when the test fails: its assertion names the application's log in it. */
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path work;

    @RegisterExtension
    final ResiliencePeers peers = new ResiliencePeers();

    @Test
    void everySignupIsInvitedExactlyOnceOrReportedHoweverOftenTheApplicationIsKilled() throws Exception {
        boolean longRun = Boolean.getBoolean("crash.long");
        long seed = Long.getLong("crash.seed", System.nanoTime());
        int kills = longRun ? 30 : 6;
        SignupTraffic traffic = SignupTraffic.generate(seed, longRun ? 20_000 : 2_000, longRun ? 2_500 : 600);
        Path signups = Files.createDirectories(work.resolve("signups"));
        Path log = work.resolve("application.log");
        TrafficFeeder feeder = peers.feeder();
        System.out.printf("crash run: seed %d, %d deliveries, %d invitable, %d kills%n", seed,
                traffic.deliveries().size(), traffic.invitable().size(), kills);

        try (ApplicationProcess app = new ApplicationProcess("app", peers.environment(signups), log)) {
            app.start();
            CompletableFuture<Void> feeding = CompletableFuture.runAsync(() -> feed(traffic, feeder, signups,
                    app.port(), new Random(seed)));
            Random random = new Random(seed ^ 0x5DEECE66DL);
            for (int kill = 0; kill < kills; kill++) {
                // every other kill waits for a file to be read, so some surely land in the middle of one
                if (kill % 2 == 1 || !app.killWhenLogShows("Reading signups from", Duration.ofSeconds(5))) {
                    Thread.sleep(300 + random.nextInt(2_500));
                    app.kill();
                }
                app.start();
            }
            feeding.join();
            peers.awaitSettled(traffic, List.of(signups));
            app.stop();

            String output = Files.readString(log);
            System.out.printf("crash run: %d starts, %d webhook re-sends, %d kills while a file was being read, "
                              + "%d rows found in flight after a kill%n", app.starts(), feeder.webhookRetries(),
                    killsWhileReadingAFile(output), output.split("was left SENDING").length - 1);
            try (LedgerInspection ledger = new LedgerInspection(LedgerDataSource.embeddedUrl(signups))) {
                SettledState state = new SettledState()
                        .checkInvites(traffic, peers.retool())
                        .checkReports(traffic, List.of(signups))
                        .checkIntakes(List.of(signups), peers.mailbox().inbox(), feeder, ledger)
                        .checkLedgerSettled(ledger)
                        .checkNobodyParked(List.of(signups), ledger)
                        .checkNoSecrets(peers.secrets(), List.of(log, signups.resolve("reports"),
                                signups.resolve("dead-letter")), ledger);
                assertThat(state.problems()).as("seed %d; the application's log is %s", seed, log).isEmpty();
            }
        }
    }

    private static void feed(SignupTraffic traffic, TrafficFeeder feeder, Path signups, int port, Random random) {
        try {
            for (SignupTraffic.Delivery delivery : traffic.deliveries()) {
                feeder.deliver(delivery, signups, port);
                Thread.sleep(random.nextInt(40));
            }
        } catch (Exception e) {
            throw new IllegalStateException("feeding the signups failed", e);
        }
    }

    /** Starts whose log shows a file being read that the same life never finished. */
    private static long killsWhileReadingAFile(String log) {
        List<String> lives = new ArrayList<>(List.of(log.split("=== app start ")));
        lives.remove(lives.size() - 1);
        return lives.stream().filter(life -> {
            int reading = life.lastIndexOf("Reading signups from ");
            return reading >= 0 && !life.substring(reading).contains("rows accepted as batch");
        }).count();
    }
}
