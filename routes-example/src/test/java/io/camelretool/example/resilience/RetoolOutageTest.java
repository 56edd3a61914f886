package io.camelretool.example.resilience;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelretool.example.RunningApplication;
import io.camelretool.example.ledger.LedgerStatus;
import io.camelretool.sandbox.RecordedRequest;
import io.camelretool.sandbox.SandboxFaults;
import io.camelretool.sandbox.junit.RetoolSandboxExtension;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Retool down for a long while in the middle of a CSV file: every call answered with a 5xx, or cut off after taking
 * effect, or answered with an HTML page, or refused with 429. The people whose calls fail wait; the application holds
 * back and probes instead of burning its queue, says so in its readiness check, and once Retool answers again it
 * finishes the job by itself: everyone invited exactly once with their attributes, nobody in the dead-letter file.
 */
class RetoolOutageTest {

    private static final int PEOPLE = 80;
    private static final Duration PATIENCE = Duration.ofMinutes(3);
    /**
     * Attempts that may be out at once when Retool goes down: the pipeline's 16 parallel invite calls (its throttle),
     * and a read of the invite list or an attribute update of the lifecycle's routes beside them.
     */
    private static final int IN_FLIGHT_AT_MOST = 16 + 4;

    @RegisterExtension
    static RetoolSandboxExtension retool = RetoolSandboxExtension.business();

    @TempDir
    Path signups;

    /** The ways Retool goes away, and for how long (a minute of 5xx; shorter for the rest, to keep the build quick). */
    enum Outage {
        SERVER_ERRORS(Duration.ofSeconds(60), faults -> faults.serverErrorRate(1.0)),
        DROPPED_CONNECTIONS(Duration.ofSeconds(30), faults -> faults.dropConnectionRate(1.0)),
        HTML_PAGES(Duration.ofSeconds(30), faults -> faults.htmlRate(1.0)),
        RATE_LIMIT_STORM(Duration.ofSeconds(30), faults -> faults.rateLimitedRate(1.0));

        final Duration length;
        final Consumer<SandboxFaults> start;

        Outage(Duration length, Consumer<SandboxFaults> start) {
            this.length = length;
            this.start = start;
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Outage.class)
    void aLongOutageEndsWithEveryoneInvitedOnceAndNobodyInTheDeadLetterFile(Outage outage) throws Exception {
        retool.sandbox().defineAttribute("plan", "string");
        List<String> emails = IntStream.range(0, PEOPLE).mapToObj(i -> "outage" + i + "@example.com").toList();

        try (RunningApplication app = RunningApplication.start(signups, retool.sandbox(), healQuickly())) {
            // calls take a while, as over a network, so the outage starts with the file half done
            retool.sandbox().faults().latency(Duration.ofMillis(40), Duration.ofMillis(20));
            app.drop("outage.csv", csv(emails));
            await().atMost(PATIENCE).until(() -> retool.sandbox().invites().size() >= PEOPLE / 4);
            outage.start.accept(retool.sandbox().faults());
            long before = retool.sandbox().requests().size();
            // the first few seconds: calls in flight fail, the application notices and holds back
            Thread.sleep(outage.length.toMillis() / 3);
            long heldBackFrom = retool.sandbox().requests().size();
            String readiness = readiness(app);
            Thread.sleep(outage.length.toMillis() * 2 / 3);
            long during = retool.sandbox().requests().size() - before;
            List<RecordedRequest> outageCalls = retool.sandbox().requests().subList((int) before, (int) (before
                    + during));
            long whileHeldBack = retool.sandbox().requests().size() - heldBackFrom;
            retool.sandbox().faults().clear();

            JsonNode report = app.awaitReport("outage.csv", PATIENCE);

            System.out.printf("%s for %d s: %d calls during it, %d of them in its last two thirds; in order: %s%n",
                    outage, outage.length.toSeconds(), during, whileHeldBack, outageCalls.stream()
                            .map(call -> call.status() + " " + call.method() + " " + call.path()).toList());
            assertThat(readiness).as("the readiness check during the outage")
                    .contains("Retool unreachable since").contains("people waiting");
            // one probe at growing intervals (1 s, 2 s, 4 s, then every 8 s), and no invite call, while Retool is down
            assertThat(whileHeldBack).as("calls while held back").isLessThanOrEqualTo(12);
            // the whole outage, whatever its length: the calls already out when it began, at most as many again sent
            // while their answers still mixed successes with failures (it opens once four of the last six failed),
            // then nothing but the probes
            assertThat(during).as("calls during the whole outage").isLessThanOrEqualTo(2 * IN_FLIGHT_AT_MOST + 12);
            assertThat(report.path("byStatus").path("INVITED").asInt()).isEqualTo(PEOPLE);
            assertThat(app.entry(emails.get(PEOPLE - 1)).status()).isEqualTo(LedgerStatus.INVITED);
        }
        assertEveryoneInvitedOnceWithTheirAttributes(emails);
        assertNoDeadLetter();
    }

    @Test
    void readinessSaysRetoolIsReachableAndStaysUpWhileItIsNot() throws Exception {
        try (RunningApplication app = RunningApplication.start(signups, retool.sandbox(), healQuickly())) {
            assertThat(readiness(app)).isEqualTo("UP Retool reachable");

            retool.sandbox().faults().serverErrorRate(1.0);
            app.drop("down.csv", csv(IntStream.range(0, 20).mapToObj(i -> "down" + i + "@example.com").toList()));
            await().atMost(PATIENCE).until(() -> readiness(app).contains("Retool unreachable since"));

            assertThat(readiness(app)).startsWith("UP ").contains("people waiting");
            retool.sandbox().faults().clear();
            await().atMost(PATIENCE).until(() -> readiness(app).equals("UP Retool reachable"));
        }
    }

    @Test
    void aBatchWhosePeopleWaitHasANoteOfHowManyAndWhyUntilItsReportReplacesIt() throws Exception {
        retool.sandbox().defineAttribute("plan", "string");
        retool.sandbox().faults().serverErrorRate(1.0);
        try (RunningApplication app = RunningApplication.start(signups, retool.sandbox(), healQuickly())) {
            app.drop("held.csv", csv(IntStream.range(0, 12).mapToObj(i -> "held" + i + "@example.com").toList()));
            Path waitingNotes = signups.resolve("reports").resolve("waiting");
            await().atMost(PATIENCE).until(() -> waitingNote(waitingNotes, "held.csv")
                    .map(note -> note.path("waiting").asInt() == 12).orElse(false));

            JsonNode note = waitingNote(waitingNotes, "held.csv").orElseThrow();
            assertThat(note.path("settled").asBoolean(true)).isFalse();
            // why they wait: the 5xx answers of the first calls, then the calls the application held back
            JsonNode reasons = note.path("waitingByReason");
            int counted = 0;
            for (var names = reasons.fieldNames(); names.hasNext(); ) {
                String reason = names.next();
                assertThat(reason).as("why they wait").containsAnyOf("answered 50", "held back");
                counted += reasons.path(reason).asInt();
            }
            assertThat(counted).isEqualTo(12);
            // not a report: whoever waits for the batch's report does not get the note
            assertThat(app.reports()).noneMatch(report -> "held.csv".equals(report.path("name").asText()));

            retool.sandbox().faults().clear();
            JsonNode report = app.awaitReport("held.csv", PATIENCE);
            assertThat(report.path("byStatus").path("INVITED").asInt()).as(report.toString()).isEqualTo(12);
            await().atMost(PATIENCE).until(() -> waitingNote(waitingNotes, "held.csv").isEmpty());
        }
    }

    @Test
    void anApplicationStartedWhileRetoolIsDownIsReadyAndSaysRetoolIsUnreachable() throws Exception {
        retool.sandbox().faults().serverErrorRate(1.0);
        try (RunningApplication app = RunningApplication.start(signups, retool.sandbox(), healQuickly())) {
            app.drop("down.csv", csv(IntStream.range(0, 20).mapToObj(i -> "down" + i + "@example.com").toList()));
            await().atMost(PATIENCE).until(() -> readiness(app).contains("Retool unreachable since"));

            // a node restarted during an outage keeps taking signups: its intakes do not need Retool. Readiness
            // waits for the lifecycle consumer's first poll, which ends (failed, held back) a moment later than the
            // outage is noticed; once it has, the node is ready although Retool is not
            await().atMost(PATIENCE).until(() -> app.managementGet("/observe/health/ready").statusCode() == 200);
            HttpResponse<String> operatorView = app.managementGet("/observe/health/ready");
            assertThat(operatorView.statusCode()).as(operatorView.body()).isEqualTo(200);
            assertThat(app.get("/observe/health/ready").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void aBaseUrlAnsweringWithHtmlPagesFromTheStartIsReportedAsAConfigurationErrorAndNobodyIsParked()
            throws Exception {
        retool.sandbox().defineAttribute("plan", "string");
        retool.sandbox().faults().htmlRate(1.0);
        try (RunningApplication app = RunningApplication.start(signups, retool.sandbox(), healQuickly())) {
            app.drop("wrong-url.csv", csv(IntStream.range(0, 10).mapToObj(i -> "url" + i + "@example.com").toList()));

            await().atMost(PATIENCE).until(() -> readiness(app).contains("check RETOOL_BASE_URL"));
            assertThat(readiness(app)).startsWith("DOWN ").contains("not the Retool API").contains("people waiting");
            assertThat(app.get("/observe/health/ready").statusCode()).isEqualTo(503);
            assertThat(app.entry("url0@example.com").status()).isIn(LedgerStatus.WAITING, LedgerStatus.RECEIVED);

            // the URL put right (here: the answers become Retool's), everyone is invited without a human
            retool.sandbox().faults().clear();
            app.awaitReport("wrong-url.csv", PATIENCE);
            await().atMost(PATIENCE).until(() -> readiness(app).equals("UP Retool reachable"));
        }
        assertThat(retool.sandbox().invites()).hasSize(10);
        assertNoDeadLetter();
    }

    /** The state and message of the application's readiness check of Retool, as the registry holds it. */
    private static String readiness(RunningApplication app) {
        HealthCheck check = HealthCheckRegistry.get(app.context()).getCheck("retool-reachability").orElseThrow();
        assertThat(check.isReadiness()).isTrue();
        HealthCheck.Result result = check.callReadiness();
        return result.getState() + " " + result.getMessage().orElse("");
    }

    @Test
    void aPermanentRefusalIsParkedWithItsReasonAndReplaysFromTheDeadLetterFile() throws Exception {
        retool.sandbox().defineAttribute("plan", "string");
        try (RunningApplication app = RunningApplication.start(signups, retool.sandbox(), healQuickly())) {
            // Retool refuses an attribute it has no definition of: no later attempt would do better
            app.drop("refused.csv", "email,attr.tier\nrefused@example.com,gold\n");
            JsonNode report = app.awaitReport("refused.csv");
            assertThat(report.path("byStatus").path("FAILED").asInt()).isEqualTo(1);
            Path deadLetter;
            try (Stream<Path> files = Files.list(signups.resolve("dead-letter"))) {
                deadLetter = files.filter(file -> file.toString().endsWith(".csv")).findFirst().orElseThrow();
            }
            assertThat(Files.readString(deadLetter)).contains("refused@example.com").contains("failure_reason");

            retool.sandbox().defineAttribute("tier", "string");
            Files.move(deadLetter, signups.resolve("inbox").resolve(deadLetter.getFileName()));

            JsonNode replay = app.awaitReport(deadLetter.getFileName().toString());
            assertThat(replay.path("byStatus").path("INVITED").asInt()).isEqualTo(1);
        }
        assertThat(retool.sandbox().invitesFor("refused@example.com")).singleElement()
                .satisfies(invite -> assertThat(invite.metadata()).containsEntry("tier", "gold"));
    }

    @Test
    void aPersonStillFailingAfterTheGiveUpTimeIsParkedInTheDeadLetterFile() throws Exception {
        retool.sandbox().faults().serverErrorRate(1.0);
        Map<String, String> giveUpSoon = new java.util.HashMap<>(healQuickly());
        giveUpSoon.put("retry.give-up-after", "3s");
        try (RunningApplication app = RunningApplication.start(signups, retool.sandbox(), giveUpSoon)) {
            app.drop("hopeless.csv", "email\nhopeless@example.com\n");

            JsonNode report = app.awaitReport("hopeless.csv", PATIENCE);

            assertThat(report.path("byStatus").path("FAILED").asInt()).isEqualTo(1);
            assertThat(report.path("lines").get(0).path("reason").asText()).contains("RETRY_GIVE_UP_AFTER");
        }
        assertThat(retool.sandbox().invites()).isEmpty();
    }

    private static Optional<JsonNode> waitingNote(Path folder, String batchName) throws Exception {
        if (!Files.isDirectory(folder)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> file.toString().endsWith(".json")).map(RunningApplication::readJson)
                    .filter(note -> batchName.equals(note.path("name").asText())).findFirst();
        }
    }

    /** Short waits, so a test's outage heals in seconds rather than the minutes a real one takes. */
    private static Map<String, String> healQuickly() {
        return Map.of("retry.first-delay", "1s", "retry.max-delay", "5s", "retool.probe.first-interval", "1s",
                "retool.probe.max-interval", "8s", "pipeline.call-retries", "2",
                "ledger.reconcile-after-seconds", "5", "retool.max-new-external-seats-per-day", "100000");
    }

    private static String csv(List<String> emails) {
        StringBuilder csv = new StringBuilder("email,first_name,attr.plan\n");
        emails.forEach(email -> csv.append(email).append(",Out,gold\n"));
        return csv.toString();
    }

    private static void assertEveryoneInvitedOnceWithTheirAttributes(List<String> emails) {
        for (String email : emails) {
            assertThat(retool.sandbox().invitesFor(email)).as(email).singleElement()
                    .satisfies(invite -> assertThat(invite.metadata()).as(email).containsEntry("plan", "gold"));
        }
        assertThat(retool.sandbox().invites()).hasSize(emails.size());
    }

    private void assertNoDeadLetter() throws Exception {
        Path folder = signups.resolve("dead-letter");
        if (Files.isDirectory(folder)) {
            try (Stream<Path> files = Files.list(folder)) {
                assertThat(files.toList()).as("dead-letter files").isEmpty();
            }
        }
    }
}
