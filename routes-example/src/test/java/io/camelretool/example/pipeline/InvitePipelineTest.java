package io.camelretool.example.pipeline;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelretool.component.classify.SignupClassifier;
import io.camelretool.example.ApplicationSecrets;
import io.camelretool.example.RunningApplication;
import io.camelretool.example.ledger.Batch;
import io.camelretool.example.ledger.Ledger;
import io.camelretool.example.ledger.LedgerDataSource;
import io.camelretool.example.ledger.LedgerEntry;
import io.camelretool.example.ledger.LedgerStatus;
import io.camelretool.example.signup.Signup;
import io.camelretool.example.signup.SignupSource;
import io.camelretool.sandbox.SandboxInvite;
import io.camelretool.sandbox.junit.RetoolSandboxExtension;
import io.camelretool.testing.SecretScan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** What the one pipeline does with signups from any intake: dedupe, dry run, cap, Embed-only, restart, reconcile. */
class InvitePipelineTest {

    private static final String INVITES = "/api/v2/user_invites";

    @RegisterExtension
    static RetoolSandboxExtension retool = RetoolSandboxExtension.business();

    @TempDir
    Path signups;

    @RegisterExtension
    final SecretScan secrets = ApplicationSecrets.scan(retool::sandbox, () -> signups);

    @Test
    void theSameEmailThroughTheFolderAndTheWebhookIsInvitedOnceAndReportedAsDuplicate() throws Exception {
        try (RunningApplication app = RunningApplication.start(signups, retool.sandbox(), Map.of())) {
            app.drop("first.csv", "email,first_name\nsame@example.com,Sam\n");
            app.awaitReport("first.csv");

            String requestId = RunningApplication.json(app.postSigned("{\"email\":\" SAME@example.com\"}").body())
                    .path("ids").get(0).asText().replaceAll("#.*", "");
            JsonNode webhookReport = app.awaitReport(requestId);

            assertThat(retool.sandbox().invitesFor("same@example.com")).hasSize(1);
            assertThat(retool.sandbox().requestCount("POST", INVITES)).isEqualTo(1);
            JsonNode line = webhookReport.path("lines").get(0);
            assertThat(line.path("status").asText()).isEqualTo("DUPLICATE");
            assertThat(line.path("reason").asText()).contains("already INVITED from CSV first.csv:2");
        }
    }

    @Test
    void aDryRunSendsNoInviteAndReportsWhatWouldBeInvited() throws Exception {
        try (RunningApplication app = RunningApplication.start(signups, retool.sandbox(), Map.of("dry-run", "true"))) {
            app.drop("preview.csv", "email\nfirst@example.com\nsecond@example.com\n");

            JsonNode report = app.awaitReport("preview.csv");

            assertThat(report.path("dryRun").asBoolean()).isTrue();
            assertThat(report.path("byStatus").path("WOULD_INVITE").asInt()).isEqualTo(2);
            assertThat(report.path("newSeats").path("projectedMonthlyCost").asText()).isEqualTo("20.00");
            assertThat(retool.sandbox().invites()).isEmpty();
            assertThat(retool.sandbox().requestCount("POST", "/api")).isZero();
        }
    }

    @Test
    void externalSignupsBeyondTheDailyCapWaitInTheLedgerAsOverCap() throws Exception {
        Map<String, String> capOfTwo = Map.of("retool.max-new-external-seats-per-day", "2",
                "retool.org-domains", "acme.com");
        try (RunningApplication app = RunningApplication.start(signups, retool.sandbox(), capOfTwo)) {
            app.drop("rush.csv", "email\none@example.com\ntwo@example.com\nthree@example.com\nstaff@acme.com\n");

            JsonNode report = app.awaitReport("rush.csv");

            assertThat(report.path("byStatus").path("INVITED").asInt()).isEqualTo(3);
            assertThat(report.path("byStatus").path("OVER_CAP").asInt()).isEqualTo(1);
            assertThat(Stream.of("one@example.com", "two@example.com", "three@example.com").map(app::entry)
                    .filter(entry -> entry.status() == LedgerStatus.OVER_CAP))
                    .singleElement().satisfies(waiting -> assertThat(waiting.lastError())
                            .contains("MAX_NEW_EXTERNAL_SEATS_PER_DAY"));
            assertThat(retool.sandbox().invitesFor("staff@acme.com")).hasSize(1);
            assertThat(retool.sandbox().invites()).hasSize(3);
        }
    }

    @Test
    void aSeatWhoseInviteIsRefusedForGoodIsGivenBackAndWhoeverWaitsForItIsInvitedTheSameDay() throws Exception {
        Map<String, String> capOfOne = Map.of("retool.max-new-external-seats-per-day", "1");
        try (RunningApplication app = RunningApplication.start(signups, retool.sandbox(), capOfOne)) {
            // Retool refuses group 99 (no such group): a 400, for good
            app.drop("refused.csv", "email,groups\nfail1@example.com,99\nwait1@example.com,\n");

            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                assertThat(app.entry("fail1@example.com").status()).isEqualTo(LedgerStatus.FAILED);
                assertThat(app.entry("wait1@example.com").status()).isEqualTo(LedgerStatus.INVITED);
            });
            assertThat(retool.sandbox().invites()).extracting(SandboxInvite::email)
                    .containsExactly("wait1@example.com");
            assertThat(app.ledger().externalSeatsClaimedToday()).isEqualTo(1);
        }
    }

    @Test
    void aPersonWaitingOnAFailureThatMayPassKeepsTheirSeatSoTheCapHoldsWhenTheyGetThrough() throws Exception {
        // Retool answers 503 for a moment: a failure that may pass, so the person waits and tries again later
        retool.sandbox().faults().serverErrorRate(1.0);
        Map<String, String> capOfOne = Map.of("retool.max-new-external-seats-per-day", "1",
                "pipeline.call-retries", "0", "retry.first-delay", "5s", "retry.max-delay", "10s");
        try (RunningApplication app = RunningApplication.start(signups, retool.sandbox(), capOfOne)) {
            app.drop("first.csv", "email\nwaits@example.com\n");
            await().atMost(Duration.ofSeconds(20)).until(() -> app.ledger().find("waits@example.com")
                    .filter(entry -> entry.status() == LedgerStatus.WAITING).isPresent());
            retool.sandbox().faults().clear();

            app.drop("second.csv", "email\nlater@example.com\n");

            await().atMost(Duration.ofSeconds(30)).until(() -> app.ledger().find("waits@example.com")
                    .filter(entry -> entry.status() == LedgerStatus.INVITED).isPresent()
                    && app.ledger().find("later@example.com").filter(entry -> entry.status().isSettled()).isPresent());
            assertThat(app.entry("later@example.com").status()).isEqualTo(LedgerStatus.OVER_CAP);
            assertThat(retool.sandbox().invites()).extracting(SandboxInvite::email)
                    .containsExactly("waits@example.com");
            assertThat(app.ledger().externalSeatsClaimedToday()).isEqualTo(1);
        }
    }

    @Test
    void peopleOverTheCapAreNotTakenUpAgainRoundAfterRoundWhileTodayIsFull() throws Exception {
        Map<String, String> capOfOne = Map.of("retool.max-new-external-seats-per-day", "1");
        try (RunningApplication app = RunningApplication.start(signups, retool.sandbox(), capOfOne)) {
            app.drop("full.csv", "email\nfirst@example.com\nsecond@example.com\n");
            app.awaitReport("full.csv");
            LedgerEntry held = app.entry("second@example.com");

            // some twenty rounds (PIPELINE_POLL_DELAY_MS=100 here)
            Thread.sleep(2000);

            assertThat(held.status()).isEqualTo(LedgerStatus.OVER_CAP);
            assertThat(app.entry("second@example.com").updatedAt()).isEqualTo(held.updatedAt());
            assertThat(retool.sandbox().invites()).hasSize(1);
        }
    }

    @Test
    void externalSignupsGetEmbedAccessOnlyWhenSoConfigured() throws Exception {
        Map<String, String> embedOnly = Map.of("retool.external-access", "embed", "retool.org-domains", "acme.com");
        try (RunningApplication app = RunningApplication.start(signups, retool.sandbox(), embedOnly)) {
            app.drop("portal.csv", "email\ncustomer@example.com\nstaff@acme.com\n");

            JsonNode report = app.awaitReport("portal.csv");

            assertThat(report.path("byStatus").path("EMBED_ONLY").asInt()).isEqualTo(1);
            assertThat(retool.sandbox().invitesFor("customer@example.com")).isEmpty();
            assertThat(retool.sandbox().invitesFor("staff@acme.com")).hasSize(1);
        }
    }

    @Test
    void aRestartWithTheSameLedgerInvitesNobodyTwice() throws Exception {
        String people = "email\nada@example.com\ngrace@example.com\n";
        try (RunningApplication first = RunningApplication.start(signups, retool.sandbox(), Map.of())) {
            first.drop("monday.csv", people);
            first.awaitReport("monday.csv");
        }
        // a fresh component has no cache of pending invites: only the ledger remembers
        try (RunningApplication second = RunningApplication.start(signups, retool.sandbox(), Map.of())) {
            second.drop("tuesday.csv", people);
            second.postSigned("{\"email\":\"ada@example.com\"}");

            JsonNode report = second.awaitReport("tuesday.csv");

            assertThat(report.path("byStatus").path("DUPLICATE").asInt()).isEqualTo(2);
            await().until(() -> second.reports().size() == 3);
        }
        assertThat(retool.sandbox().requestCount("POST", INVITES)).isEqualTo(2);
        assertThat(retool.sandbox().invites()).hasSize(2);
    }

    @Test
    void aRowLeftSendingWhoseInviteReachedRetoolIsRecordedAsInvitedWithoutASecondInvite() throws Exception {
        seedLedgerWithClaimedRow("lost@example.com");
        int inviteId = createInviteInSandbox("lost@example.com");
        Map<String, String> reconcileAtOnce = Map.of("ledger.reconcile-after-seconds", "0",
                "ledger.reconcile-period", "60000");

        try (RunningApplication app = RunningApplication.start(signups, retool.sandbox(), reconcileAtOnce)) {
            await().until(() -> app.entry("lost@example.com").status() == LedgerStatus.INVITED);

            assertThat(app.entry("lost@example.com").inviteId()).isEqualTo(inviteId);
            JsonNode report = app.awaitReport("crash.csv");
            assertThat(report.path("lines").get(0).path("status").asText()).isEqualTo("INVITED");
        }
        assertThat(retool.sandbox().requestCount("POST", INVITES)).isEqualTo(1);
    }

    @Test
    void aRowLeftSendingWhoseInviteReachedRetoolWithoutItsAttributesGetsThemAndNoSecondInvite() throws Exception {
        retool.sandbox().defineAttribute("plan", "string");
        seedLedgerWithClaimedRow("halfway@example.com", Map.of("plan", "gold"));
        int inviteId = createInviteInSandbox("halfway@example.com");
        Map<String, String> reconcileAtOnce = Map.of("ledger.reconcile-after-seconds", "0",
                "ledger.reconcile-period", "60000");

        try (RunningApplication app = RunningApplication.start(signups, retool.sandbox(), reconcileAtOnce)) {
            await().until(() -> app.entry("halfway@example.com").status() == LedgerStatus.INVITED);

            assertThat(app.entry("halfway@example.com").inviteId()).isEqualTo(inviteId);
        }
        assertThat(retool.sandbox().invitesFor("halfway@example.com")).singleElement()
                .satisfies(invite -> assertThat(invite.metadata()).containsEntry("plan", "gold"));
        assertThat(retool.sandbox().requests()).filteredOn(request -> request.method().equals("POST")
                && request.path().equals(INVITES)).hasSize(1);
    }

    @Test
    void aRowLeftSendingWhoseInviteReachedRetoolWithItsAttributesCostsOneReadOfItAndNoAttributeCall()
            throws Exception {
        retool.sandbox().defineAttribute("plan", "string");
        retool.sandbox().defineAttribute("region", "string");
        seedLedgerWithClaimedRow("whole@example.com", Map.of("plan", "gold", "region", "eu"));
        // the stopped call created the invite and set one attribute; the other one it never reached
        int inviteId = createInviteInSandbox("whole@example.com", "{\"plan\":\"gold\"}");
        Map<String, String> reconcileAtOnce = Map.of("ledger.reconcile-after-seconds", "0",
                "ledger.reconcile-period", "60000");

        try (RunningApplication app = RunningApplication.start(signups, retool.sandbox(), reconcileAtOnce)) {
            await().until(() -> app.entry("whole@example.com").status() == LedgerStatus.INVITED);

            assertThat(app.entry("whole@example.com").inviteId()).isEqualTo(inviteId);
        }
        assertThat(retool.sandbox().invitesFor("whole@example.com")).singleElement().satisfies(invite -> assertThat(
                invite.metadata()).containsEntry("plan", "gold").containsEntry("region", "eu"));
        assertThat(retool.sandbox().requests()).as("reads of the found invite by its id")
                .filteredOn(request -> request.method().equals("GET")
                        && request.path().equals(INVITES + "/" + inviteId)).hasSize(1);
        assertThat(retool.sandbox().requests()).as("attribute calls: only the one the invite lacked")
                .filteredOn(request -> request.method().equals("POST")
                        && request.path().endsWith("/user_attributes"))
                .singleElement().satisfies(call -> assertThat(call.body()).contains("region"));
        assertThat(retool.sandbox().requests()).filteredOn(request -> request.method().equals("POST")
                && request.path().equals(INVITES)).as("invites created: the test's own").hasSize(1);
    }

    @Test
    void aRowLeftSendingWaitsWhileRetoolsPendingInvitesCannotBeReadAndIsNeverSentBlindly() throws Exception {
        seedLedgerWithClaimedRow("unsure@example.com");
        createInviteInSandbox("unsure@example.com");
        retool.sandbox().faults().htmlRate(1.0);
        Map<String, String> reconcileOften = Map.of("ledger.reconcile-after-seconds", "0",
                "ledger.reconcile-period", "200", "retry.first-delay", "1s");

        try (RunningApplication app = RunningApplication.start(signups, retool.sandbox(), reconcileOften)) {
            await().atMost(java.time.Duration.ofSeconds(10))
                    .until(() -> app.entry("unsure@example.com").status() == LedgerStatus.WAITING);
            assertThat(app.entry("unsure@example.com").lastError()).contains("not the Retool API");
            await().during(java.time.Duration.ofSeconds(2)).atMost(java.time.Duration.ofSeconds(5))
                    .until(() -> app.entry("unsure@example.com").status() != LedgerStatus.INVITED);
            retool.sandbox().faults().clear();

            await().until(() -> app.entry("unsure@example.com").status() == LedgerStatus.INVITED);
        }
        assertThat(retool.sandbox().invitesFor("unsure@example.com")).hasSize(1);
        assertThat(retool.sandbox().requests()).filteredOn(request -> request.method().equals("POST")
                && request.path().equals(INVITES)).as("invites created: the test's own, none by the application")
                .hasSize(1);
    }

    @Test
    void aRowLeftSendingWhoseInviteNeverReachedRetoolIsInvitedOnce() throws Exception {
        seedLedgerWithClaimedRow("unsent@example.com");
        Map<String, String> reconcileAtOnce = Map.of("ledger.reconcile-after-seconds", "0",
                "ledger.reconcile-period", "60000");

        try (RunningApplication app = RunningApplication.start(signups, retool.sandbox(), reconcileAtOnce)) {
            await().until(() -> app.entry("unsent@example.com").status() == LedgerStatus.INVITED);

            assertThat(app.entry("unsent@example.com").attempts()).isEqualTo(2);
        }
        assertThat(retool.sandbox().invitesFor("unsent@example.com")).hasSize(1);
    }

    /** The ledger as a process killed during the invite call leaves it: the row claimed, the outcome never written. */
    private void seedLedgerWithClaimedRow(String email) {
        seedLedgerWithClaimedRow(email, Map.of());
    }

    private void seedLedgerWithClaimedRow(String email, Map<String, String> attributes) {
        DataSource dataSource = LedgerDataSource.forUrl(LedgerDataSource.embeddedUrl(signups), "", "");
        try {
            Ledger ledger = new Ledger(dataSource, Clock.systemUTC());
            ledger.createSchema();
            SignupIntake intake = new SignupIntake(ledger, SignupClassifier.builder().build());
            Batch batch = intake.startBatch(SignupSource.CSV, "crash.csv", "crash.csv");
            intake.acceptPart(batch, List.of(intake.arrival(2, new Signup(email, null, null, null, null, List.of(),
                    attributes, SignupSource.CSV, "crash.csv:2"))));
            intake.closeBatch(batch);
            assertThat(ledger.claim(email, LedgerStatus.RECEIVED)).isTrue();
        } finally {
            LedgerDataSource.close(dataSource);
        }
    }

    private static int createInviteInSandbox(String email) throws Exception {
        return createInviteInSandbox(email, "{}");
    }

    private static int createInviteInSandbox(String email, String metadataJson) throws Exception {
        HttpResponse<String> created = HttpClient.newHttpClient().send(HttpRequest
                .newBuilder(URI.create(retool.baseUrl() + INVITES))
                .header("Authorization", "Bearer " + retool.apiKey())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"" + email + "\",\"metadata\":"
                        + metadataJson + "}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).isBetween(200, 201);
        return retool.sandbox().invitesFor(email).get(0).id();
    }
}
