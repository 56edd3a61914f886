package io.camelretool.example.resilience;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelretool.example.RunningApplication;
import io.camelretool.sandbox.RecordedRequest;
import io.camelretool.sandbox.SandboxInvite;
import io.camelretool.sandbox.junit.RetoolSandboxExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Retool misbehaving: answers lost after the call took effect, 5xx, HTML pages instead of JSON, spurious 429s and a
 * storm of them, latency spikes, at rates from 5% to 50%. Whatever exceeds the component's retries makes its person
 * wait and be tried again, so every signup ends with exactly one invite carrying its attributes, with nobody in the
 * dead-letter file and no human action (a permanent refusal still is parked and replays: see RetoolOutageTest).
 */
class RetoolFaultsTest {

    private static final Duration PATIENCE = Duration.ofMinutes(3);
    private static final int PEOPLE = 120;

    @RegisterExtension
    static RetoolSandboxExtension retool = RetoolSandboxExtension.business();

    @TempDir
    Path signups;

    @ParameterizedTest(name = "{0} of the calls fail")
    @ValueSource(doubles = { 0.05, 0.2, 0.5 })
    void everySignupEndsWithExactlyOneCompleteInviteAndNobodyInTheDeadLetterFile(double faultRate) throws Exception {
        retool.sandbox().defineAttribute("plan", "string");
        // the rate is shared among the kinds of failure, drawn independently per call
        retool.sandbox().faults().dropConnectionRate(faultRate / 4).serverErrorRate(faultRate / 4)
                .htmlRate(faultRate / 4).rateLimitedRate(faultRate / 4)
                .latency(Duration.ZERO, Duration.ofMillis(60));
        List<String> emails = IntStream.range(0, PEOPLE).mapToObj(i -> "faulty" + i + "@example.com").toList();

        try (RunningApplication app = RunningApplication.start(signups, retool.sandbox(), Map.of(
                "pipeline.call-retries", "3", "ledger.reconcile-after-seconds", "60",
                "retool.max-new-external-seats-per-day", "100000", "retry.first-delay", "1s", "retry.max-delay", "5s",
                "retool.probe.first-interval", "1s", "retool.probe.max-interval", "5s"))) {
            app.drop("first-half.csv", csv(emails.subList(0, PEOPLE / 2)));
            app.awaitReport("first-half.csv", PATIENCE);
            // a 429 storm: every call refused for a while, longer than one retry's wait
            retool.sandbox().faults().rateLimitedRate(1.0);
            app.drop("second-half.csv", csv(emails.subList(PEOPLE / 2, PEOPLE)));
            Thread.sleep(1500);
            retool.sandbox().faults().rateLimitedRate(faultRate / 4);
            app.awaitReport("second-half.csv", PATIENCE);

            retool.sandbox().faults().clear();
            assertNoEmailHasTwoInvites(emails);
            List<RecordedRequest> calls = retool.sandbox().requests();
            System.out.printf("faults at %.0f%%: %d calls, %d answers lost, %d 5xx, %d 429%n", faultRate * 100,
                    calls.size(), calls.stream().filter(call -> call.status() == RecordedRequest.NO_ANSWER).count(),
                    calls.stream().filter(call -> call.status() >= 500).count(),
                    calls.stream().filter(call -> call.status() == 429).count());
            assertThat(countFailedLines(app)).as("people reported FAILED").isZero();
            assertThat(deadLetterFiles()).as("dead-letter files").isEmpty();
        }
        for (String email : emails) {
            assertThat(retool.sandbox().invitesFor(email)).as(email).singleElement()
                    .satisfies(invite -> assertThat(invite.metadata()).as(email).containsEntry("plan", "gold"));
        }
        assertThat(retool.sandbox().invites()).extracting(SandboxInvite::email).hasSize(PEOPLE);
    }

    private static String csv(List<String> emails) {
        StringBuilder csv = new StringBuilder("email,first_name,attr.plan\n");
        emails.forEach(email -> csv.append(email).append(",Faulty,gold\n"));
        return csv.toString();
    }

    private static void assertNoEmailHasTwoInvites(List<String> emails) {
        assertThat(emails).allSatisfy(email -> assertThat(retool.sandbox().invitesFor(email)).as(email)
                .hasSizeLessThanOrEqualTo(1));
    }

    private int countFailedLines(RunningApplication app) throws Exception {
        int failed = 0;
        for (JsonNode report : app.reports()) {
            failed += report.path("byStatus").path("FAILED").asInt();
        }
        return failed;
    }

    private List<Path> deadLetterFiles() throws Exception {
        Path folder = signups.resolve("dead-letter");
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return new ArrayList<>(files.filter(file -> file.toString().endsWith(".csv")).toList());
        }
    }
}
