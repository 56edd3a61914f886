package io.camelretool.example.resilience;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.camelretool.example.ledger.LedgerDataSource;
import io.camelretool.sandbox.RetoolSandbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Kills the real application jar with SIGKILL at random moments while signups pour in through the folder, the
 * webhook and the mailbox, restarts it on the same data folder and embedded ledger each time, and checks once it
 * has settled that every signup was invited exactly once or reported, and that nothing acknowledged was lost.
 *
 * <p>The default run is sized for CI. {@code -Dcrash.long=true} runs ten times the signups and five times the
 * kills; {@code -Dcrash.seed=N} repeats a run (the seed is printed).
 */
class CrashRecoveryIT {

    private static final String MAILBOX = "signups@localhost";
    private static final String MAIL_PASSWORD = "mail-password";
    private static final String WEBHOOK_SECRET = "crash-test-webhook-secret";

    @TempDir
    Path work;

    private RetoolSandbox retool;
    private GreenMail mail;

    @BeforeEach
    void startPeers() {
        // every call takes a little while, as over a network, so that kills land during calls too
        retool = RetoolSandbox.builder().apiKey("retool_crash_test_key").start();
        retool.faults().latency(Duration.ofMillis(3), Duration.ofMillis(12));
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
    void everySignupIsInvitedExactlyOnceOrReportedHoweverOftenTheApplicationIsKilled() throws Exception {
        boolean longRun = Boolean.getBoolean("crash.long");
        long seed = Long.getLong("crash.seed", System.nanoTime());
        int kills = longRun ? 30 : 6;
        SignupTraffic traffic = SignupTraffic.generate(seed, longRun ? 20_000 : 2_000, longRun ? 2_500 : 600);
        Path signups = Files.createDirectories(work.resolve("signups"));
        Path log = work.resolve("application.log");
        TrafficFeeder feeder = new TrafficFeeder(WEBHOOK_SECRET.getBytes(StandardCharsets.UTF_8),
                mail.getSmtp().getServerSetup(), MAILBOX);
        System.out.printf("crash run: seed %d, %d deliveries, %d invitable, %d kills%n", seed,
                traffic.deliveries().size(), traffic.invitable().size(), kills);

        try (ApplicationProcess app = new ApplicationProcess("app", environment(signups), log)) {
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
            MailboxProbe mailbox = new MailboxProbe(mail, MAILBOX, MAIL_PASSWORD);
            awaitSettled(traffic, signups, mailbox);
            app.stop();

            String output = Files.readString(log);
            System.out.printf("crash run: %d starts, %d webhook re-sends, %d kills while a file was being read, "
                              + "%d rows found in flight after a kill%n", app.starts(), feeder.webhookRetries(),
                    killsWhileReadingAFile(output), output.split("was left SENDING").length - 1);
            try (LedgerInspection ledger = new LedgerInspection(LedgerDataSource.embeddedUrl(signups))) {
                SettledState state = new SettledState()
                        .checkInvites(traffic, retool)
                        .checkReports(traffic, List.of(signups))
                        .checkIntakes(List.of(signups), mailbox.inbox(), feeder, ledger)
                        .checkLedgerSettled(ledger)
                        .checkNoSecrets(Map.of("Retool API key", retool.apiKey(), "webhook secret", WEBHOOK_SECRET,
                                "mailbox password", MAIL_PASSWORD), List.of(log, signups.resolve("reports"),
                                signups.resolve("dead-letter")), ledger);
                assertThat(state.problems()).as("seed %d; the application's log is %s", seed, log).isEmpty();
            }
        }
    }

    private Map<String, String> environment(Path signups) throws Exception {
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

    private void feed(SignupTraffic traffic, TrafficFeeder feeder, Path signups, int port, Random random) {
        try {
            for (SignupTraffic.Delivery delivery : traffic.deliveries()) {
                feeder.deliver(delivery, signups, port);
                Thread.sleep(random.nextInt(40));
            }
        } catch (Exception e) {
            throw new IllegalStateException("feeding the signups failed", e);
        }
    }

    private void awaitSettled(SignupTraffic traffic, Path signups, MailboxProbe mailbox) {
        Instant[] lastChange = { Instant.now() };
        long[] lastReports = { -1 };
        await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(500)).until(() -> {
            long reports = countFiles(signups.resolve("reports"));
            if (reports != lastReports[0]) {
                lastReports[0] = reports;
                lastChange[0] = Instant.now();
            }
            return countFiles(signups.resolve("inbox")) == 0 && mailbox.inbox().allSeen()
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
