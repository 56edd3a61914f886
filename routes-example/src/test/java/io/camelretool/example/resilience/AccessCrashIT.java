package io.camelretool.example.resilience;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelretool.example.intake.webhook.WebhookSignature;
import io.camelretool.example.ledger.LedgerDataSource;
import io.camelretool.sandbox.RecordedRequest;
import io.camelretool.sandbox.SandboxEmbedUrl;
import io.camelretool.sandbox.SandboxInvite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The real application jar killed with SIGKILL in the middle of taking people's access away and in the middle of
 * signing people up through their first Embed session, then started again on the same data folder and ledger:
 * nothing acknowledged is lost (every removal is finished, every customer gets in), nothing is done twice (no second
 * invite, no second ledger row, no identifier bound twice), and no Embed URL or secret is left in a log, report or
 * ledger row. {@code -Dcrash.seed=N} repeats a run (the seed is printed).
 */
class AccessCrashIT {

    private static final String ADMIN_TOKEN = "resilience-admin-token";
    private static final String EMBED_SECRET = "resilience-embed-secret";
    private static final String LANDING_PAGE = "6f1c2d3e-4b5a-4c6d-8e7f-90a1b2c3d4e5";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Kept when the test fails: its assertion names the application's log in it. */
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path work;

    @RegisterExtension
    final ResiliencePeers peers = new ResiliencePeers();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void removalsKilledPartWayAreAllFinishedAfterRestartsAndNobodyIsInvitedAgain() throws Exception {
        long seed = Long.getLong("crash.seed", System.nanoTime());
        Random random = new Random(seed);
        int people = 40;
        List<String> emails = IntStream.range(0, people).mapToObj(i -> "leaver-" + i + "@customer.example").toList();
        Path signups = Files.createDirectories(work.resolve("signups"));
        Path log = work.resolve("application.log");
        System.out.printf("offboarding crash run: seed %d, %d people%n", seed, people);

        try (ApplicationProcess app = new ApplicationProcess("app", environment(signups, Map.of()), log)) {
            app.start();
            drop(signups, "team.csv", "email,first_name\n" + String.join("", emails.stream()
                    .map(email -> email + ",Leaver\n").toList()));
            await().atMost(Duration.ofMinutes(2)).until(() -> emails.stream()
                    .allMatch(email -> !peers.retool().invitesFor(email).isEmpty()));
            // a third of them accept their invite: an account to mark (and, on Business, to report still active)
            for (int i = 0; i < people; i += 3) {
                peers.retool().claimInvite(peers.retool().invitesFor(emails.get(i)).get(0).id());
            }
            // Retool's calls take a while, so the kills land while the sweeper is between calls for a person
            peers.retool().faults().latency(Duration.ofMillis(80), Duration.ofMillis(160));

            drop(signups, "leavers.csv", "email,action\n" + String.join("", emails.stream()
                    .map(email -> email + ",remove\n").toList()));
            for (int kill = 0; kill < 3; kill++) {
                assertThat(app.awaitLog("finishing the offboarding asked by", Duration.ofSeconds(60)))
                        .as("an offboarding under way before kill %d", kill + 1).isTrue();
                Thread.sleep(200 + random.nextInt(1_500));
                app.kill();
                app.start();
            }
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500))
                    .until(() -> offboarded(app.port()) == people);
            app.stop();
        }

        List<RecordedRequest> calls = peers.retool().requests();
        String output = Files.readString(log, StandardCharsets.UTF_8);
        // the sweeper takes up each removal of the file once, and again each one a kill cut off
        long cutOff = killsDuringAnOffboarding(output);
        System.out.printf("offboarding crash run: %d calls, %d removals taken up by the sweeper, %d kills while "
                          + "one was under way%n", calls.size(),
                output.split("finishing the offboarding asked by").length - 1, cutOff);
        assertThat(cutOff).as("kills that landed in the middle of an offboarding").isPositive();
        assertThat(calls.stream().filter(call -> call.method().equals("POST")
                                                 && call.path().startsWith("/api/v2/user_invites")
                                                 && !call.path().contains("/user_attributes")).count())
                .as("one invite each, none sent again after the removals").isEqualTo(people);
        assertThat(peers.retool().pendingInvites().stream().map(SandboxInvite::email))
                .as("pending invites left for the leavers").doesNotContainAnyElementsOf(emails);
        try (LedgerInspection ledger = new LedgerInspection(LedgerDataSource.embeddedUrl(signups))) {
            assertThat(ledger.byEmail("status")).hasSize(people).allSatisfy((email, status) ->
                    assertThat(status).as(email).isEqualTo("OFFBOARDED"));
            assertThat(ledger.byEmail("offboarded_by")).allSatisfy((email, by) ->
                    assertThat(by).as(email).startsWith("csv leavers.csv:"));
            assertThat(ledger.byEmail("offboard_note")).allSatisfy((email, note) ->
                    assertThat(note).as(email).startsWith("offboarded"));
            Map<String, String> stillActive = ledger.byEmail("account_active");
            for (int i = 0; i < people; i += 3) {
                assertThat(stillActive.get(emails.get(i))).as("claimed by %s", emails.get(i)).isEqualToIgnoringCase(
                        "true");
            }
            assertThat(ledger.itemOutcomes("leavers.csv")).hasSize(people).allSatisfy((line, outcome) ->
                    assertThat(outcome).as(line).isEqualTo("OFFBOARDED"));
            assertThat(ledger.unfinishedBatches()).isEmpty();
            SettledState state = new SettledState().checkNoSecrets(secrets(List.of()), List.of(log,
                    signups.resolve("reports")), ledger);
            assertThat(state.problems()).as("seed %d; the application's log is %s", seed, log).isEmpty();
        }
    }

    @Test
    void embedSignupsKilledPartWayLoseNobodyAndBindNobodyTwice() throws Exception {
        long seed = Long.getLong("crash.seed", System.nanoTime());
        Random random = new Random(seed);
        int customers = 30;
        Path signups = Files.createDirectories(work.resolve("signups"));
        Path log = work.resolve("application.log");
        System.out.printf("Embed signup crash run: seed %d, %d customers%n", seed, customers);
        peers.retool().faults().latency(Duration.ofMillis(40), Duration.ofMillis(120));
        Map<String, String> embed = Map.of("EXTERNAL_ACCESS", "embed", "EMBED_SIGNUP_ON_FIRST_USE", "true",
                "RETOOL_GROUPS_EXTERNAL", "5", "RETOOL_EMBED_LANDING_PAGE_UUID", LANDING_PAGE);
        Map<String, Integer> answered = new ConcurrentHashMap<>();
        AtomicInteger refusals = new AtomicInteger();

        try (ApplicationProcess app = new ApplicationProcess("app", environment(signups, embed), log)) {
            app.start();
            // customers arrive in waves, one per life, so that every kill cuts off signups of its own life
            int lives = 4;
            ExecutorService hosts = Executors.newFixedThreadPool(4);
            List<Future<?>> sessions = new ArrayList<>();
            for (int life = 0; life < lives; life++) {
                long mark = app.logMark();
                for (int i = life; i < customers; i += lives) {
                    String email = "customer-" + i + "@portal.example";
                    String identifier = "host-" + i;
                    sessions.add(hosts.submit(() -> {
                        awaitSession(app.port(), email, identifier, answered, refusals);
                        return null;
                    }));
                }
                if (life == lives - 1) {
                    break;
                }
                assertThat(app.awaitLog(mark, "(EMBED embed-", Duration.ofSeconds(60)))
                        .as("an Embed signup under way before kill %d", life + 1).isTrue();
                Thread.sleep(random.nextInt(400));
                app.kill();
                app.start();
            }
            for (Future<?> session : sessions) {
                session.get();
            }
            hosts.shutdown();
            // every customer asks once more, now that nothing is being killed: each is served from the ledger
            for (int i = 0; i < customers; i++) {
                awaitSession(app.port(), "customer-" + i + "@portal.example", "host-" + i, answered, refusals);
            }
            app.stop();
        }

        List<SandboxEmbedUrl> mints = peers.retool().embedMints();
        System.out.printf("Embed signup crash run: %d URLs minted, %d answered, %d refused on the way%n",
                mints.size(), answered.values().stream().mapToInt(Integer::intValue).sum(), refusals.get());
        assertThat(answered).hasSize(customers).allSatisfy((email, count) -> assertThat(count).isEqualTo(2));
        assertThat(refusals.get()).as("a refusal (403/409/5xx) is not a customer served").isZero();
        assertThat(peers.retool().invites()).as("Embed customers are never invited").isEmpty();
        try (LedgerInspection ledger = new LedgerInspection(LedgerDataSource.embeddedUrl(signups))) {
            assertThat(ledger.byEmail("status")).hasSize(customers).allSatisfy((email, status) ->
                    assertThat(status).as(email).isEqualTo("EMBED_ONLY"));
            assertThat(ledger.byEmail("external_id")).allSatisfy((email, identifier) ->
                    assertThat(identifier).as(email).isEqualTo("host-" + email.replaceAll("\\D", "")));
            Map<String, String> sessions = ledger.byEmail("embed_sessions");
            int counted = sessions.values().stream().mapToInt(Integer::parseInt).sum();
            assertThat(counted).as("sessions counted: at least those answered, at most those minted")
                    .isBetween(2 * customers, mints.size());
            assertThat(ledger.unfinishedBatches()).isEmpty();
            SettledState state = new SettledState().checkNoSecrets(secrets(mints), List.of(log,
                    signups.resolve("reports")), ledger);
            assertThat(state.problems()).as("seed %d; the application's log is %s", seed, log).isEmpty();
        }
    }

    /** Lives of the process whose last offboarding taken up was never finished in that life. */
    private static long killsDuringAnOffboarding(String log) {
        List<String> lives = new ArrayList<>(List.of(log.split("=== app start ")));
        lives.remove(lives.size() - 1);
        return lives.stream().filter(life -> {
            int taken = life.lastIndexOf("finishing the offboarding asked by");
            if (taken < 0) {
                return false;
            }
            int lineStart = life.lastIndexOf('\n', taken) + 1;
            String line = life.substring(lineStart, taken);
            String email = line.substring(line.lastIndexOf(' ', line.length() - 3) + 1, line.length() - 2);
            return !life.substring(taken).contains(email + ": offboarded");
        }).count();
    }

    private Map<String, String> environment(Path signups, Map<String, String> more) {
        Map<String, String> environment = peers.environment(signups);
        environment.put("ADMIN_TOKEN", ADMIN_TOKEN);
        environment.put("EMBED_SECRET", EMBED_SECRET);
        environment.putAll(more);
        return environment;
    }

    private Map<String, String> secrets(List<SandboxEmbedUrl> mints) {
        Map<String, String> secrets = new HashMap<>(peers.secrets());
        secrets.put("admin token", ADMIN_TOKEN);
        secrets.put("Embed secret", EMBED_SECRET);
        for (int i = 0; i < mints.size(); i++) {
            secrets.put("Embed URL " + i, mints.get(i).url());
        }
        return secrets;
    }

    private static void drop(Path signups, String name, String content) throws IOException {
        Path inbox = Files.createDirectories(signups.resolve("inbox"));
        Path staging = Files.createTempFile(signups, "staging-", ".tmp");
        Files.writeString(staging, content, StandardCharsets.UTF_8);
        Files.move(staging, inbox.resolve(name));
    }

    /** How many people the admin API lists OFFBOARDED, and none OFFBOARDING; -1 while it cannot be asked. */
    private int offboarded(int port) throws InterruptedException {
        try {
            JsonNode under = JSON.readTree(get(port, "/api/people?status=OFFBOARDING&limit=1000"));
            JsonNode done = JSON.readTree(get(port, "/api/people?status=OFFBOARDED&limit=1000"));
            return under.path("people").isEmpty() ? done.path("people").size() : -1;
        } catch (IOException notNow) {
            return -1;
        }
    }

    private String get(int port, String path) throws IOException, InterruptedException {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + ADMIN_TOKEN).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IOException("answered " + answer.statusCode());
        }
        return answer.body();
    }

    /**
     * Asks for the customer's session as a host backend does, signed, with a fresh nonce each time, until it gets
     * a URL: a request the kill cut off, or a 503, is asked again; any other answer is counted as a refusal.
     */
    private void awaitSession(int port, String email, String identifier, Map<String, Integer> answered,
                              AtomicInteger refusals) throws Exception {
        WebhookSignature signer = new WebhookSignature(EMBED_SECRET.getBytes(StandardCharsets.UTF_8),
                Duration.ofSeconds(300), Clock.systemUTC());
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (Instant.now().isBefore(deadline)) {
            byte[] body = JSON.writeValueAsBytes(Map.of("email", email, "externalIdentifier", identifier,
                    "nonce", UUID.randomUUID().toString()));
            long now = System.currentTimeMillis() / 1000;
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/embed/sessions"))
                    .timeout(Duration.ofSeconds(20)).header("Content-Type", "application/json")
                    .header(WebhookSignature.TIMESTAMP_HEADER, String.valueOf(now))
                    .header(WebhookSignature.SIGNATURE_HEADER, signer.sign(now, body))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
            try {
                HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() == 200 && JSON.readTree(answer.body()).path("embedUrl").isTextual()) {
                    answered.merge(email, 1, Integer::sum);
                    return;
                }
                // the moment before the route is in place answers 404; a 503 asks to come back
                if (answer.statusCode() != 404 && answer.statusCode() != 503) {
                    refusals.incrementAndGet();
                    System.out.printf("%s refused: %d %s%n", email, answer.statusCode(), answer.body());
                }
            } catch (IOException nodeDown) {
                // killed while answering, or not yet started again: a host backend asks again
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException(email + " never got a session");
    }
}
