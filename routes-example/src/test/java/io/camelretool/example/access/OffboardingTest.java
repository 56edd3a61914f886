package io.camelretool.example.access;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelretool.example.ApplicationSecrets;
import io.camelretool.example.RunningApplication;
import io.camelretool.example.ledger.AccessLedger;
import io.camelretool.example.ledger.LedgerStatus;
import io.camelretool.example.ledger.PersonAccess;
import io.camelretool.sandbox.SandboxPlan;
import io.camelretool.sandbox.SandboxUser;
import io.camelretool.sandbox.junit.RetoolSandboxExtension;
import io.camelretool.testing.LogCapture;
import io.camelretool.testing.SecretScan;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** {@code DELETE /api/people/{email}} of the running application, for a person in each state, against the sandbox. */
class OffboardingTest {

    @RegisterExtension
    static RetoolSandboxExtension retool = RetoolSandboxExtension.business();

    @TempDir
    Path signups;

    @RegisterExtension
    final SecretScan secrets = ApplicationSecrets.scan(retool::sandbox, () -> signups, List.of(
            new SecretScan.Secret("the admin token", EmbedClient.ADMIN_TOKEN)));

    private RunningApplication app;

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    private EmbedClient start(Map<String, String> more) throws Exception {
        Map<String, String> properties = new HashMap<>(Map.of("api.admin-token", EmbedClient.ADMIN_TOKEN,
                "embed.secret", EmbedClient.EMBED_SECRET));
        properties.putAll(more);
        app = RunningApplication.start(signups, retool.sandbox(), properties);
        return new EmbedClient(app);
    }

    private int invite(String email) throws Exception {
        assertThat(app.postSigned("{\"email\":\"" + email + "\"}").statusCode()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(20)).until(() -> app.entry(email).status() == LedgerStatus.INVITED);
        return app.entry(email).inviteId().intValue();
    }

    private PersonAccess access(String email) {
        return app.ledger().access().find(email).orElseThrow();
    }

    @Test
    void offboardingAPendingInviteeRevokesTheirInvite() throws Exception {
        EmbedClient admin = start(Map.of());
        invite("pat@example.com");
        LogCapture log = LogCapture.attach();

        HttpResponse<String> answer = admin.offboard("Pat@Example.com", EmbedClient.ADMIN_TOKEN);

        log.detach();
        assertThat(log.drain()).as("what the offboarding logged").noneMatch(line -> line.startsWith("WARN"));

        assertThat(answer.statusCode()).isEqualTo(200);
        JsonNode body = RunningApplication.json(answer.body());
        assertThat(body.path("status").asText()).isEqualTo("OFFBOARDED");
        assertThat(body.path("offboardedBy").asText()).isEqualTo("admin-api");
        assertThat(body.path("offboardedFrom").asText()).isEqualTo("INVITED");
        assertThat(body.path("note").asText()).contains("pending invite revoked");
        assertThat(retool.sandbox().invitesFor("pat@example.com")).isEmpty();
        assertThat(admin.offboard("pat@example.com", EmbedClient.ADMIN_TOKEN).statusCode()).isEqualTo(200);
    }

    @Test
    void offboardingSomeoneWhoseInviteWasRevokedOrExpiredSaysSoNotThatTheyHadNone() throws Exception {
        EmbedClient admin = start(Map.of("lifecycle.period", "1000", "lifecycle.renew-expired-invites", "false"));
        int revoked = invite("revoked@example.com");
        int expired = invite("expired@example.com");
        // an invite leaving the list is told revoked (not vanished) once the lifecycle has seen a claimed one listed
        retool.sandbox().claimInvite(invite("joined@example.com"));
        await().atMost(Duration.ofSeconds(20)).until(() -> app.entry("joined@example.com").status()
                                                           == LedgerStatus.JOINED);
        HttpResponse<Void> revoking = HttpClient.newHttpClient().send(HttpRequest
                .newBuilder(URI.create(retool.baseUrl() + "/api/v2/user_invites/" + revoked))
                .header("Authorization", "Bearer " + retool.apiKey()).DELETE().build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(revoking.statusCode()).isEqualTo(204);
        retool.sandbox().expireInvite(expired);
        await().atMost(Duration.ofSeconds(20)).until(() -> app.entry("revoked@example.com").status()
                                                           == LedgerStatus.REVOKED
                                                           && app.entry("expired@example.com").status()
                                                              == LedgerStatus.EXPIRED);

        String revokedNote = RunningApplication.json(admin.offboard("revoked@example.com", EmbedClient.ADMIN_TOKEN)
                .body()).path("note").asText();
        String expiredNote = RunningApplication.json(admin.offboard("expired@example.com", EmbedClient.ADMIN_TOKEN)
                .body()).path("note").asText();

        assertThat(revokedNote).isEqualTo("offboarded: no pending invite (their invite had been revoked already)");
        assertThat(expiredNote).isEqualTo("offboarded: expired invite revoked");
        assertThat(retool.sandbox().invitesFor("expired@example.com")).isEmpty();
    }

    @Test
    void theSweeperLeavesAloneAnOffboardingTheAdminApiIsStillFinishing() throws Exception {
        EmbedClient admin = start(Map.of());
        int invite = invite("slow@example.com");
        // Retool slow enough that the API call is still revoking when the sweeper looks
        retool.sandbox().faults().latency(Duration.ofMillis(1_500), Duration.ofMillis(1_500));
        Offboarding shared = app.bean(Offboarding.class);

        CompletableFuture<HttpResponse<String>> asked = CompletableFuture.supplyAsync(() -> {
            try {
                return admin.offboard("slow@example.com", EmbedClient.ADMIN_TOKEN);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(5))
                .until(() -> access("slow@example.com").status() == LedgerStatus.OFFBOARDING);
        int sweptMeanwhile = shared.finishLeftBehind(Duration.ZERO);

        assertThat(asked.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        assertThat(sweptMeanwhile).as("offboardings the sweeper took up while the API call was at it").isZero();
        assertThat(access("slow@example.com").status()).isEqualTo(LedgerStatus.OFFBOARDED);
        assertThat(retool.sandbox().requests()).filteredOn(call -> call.method().equals("DELETE")
                                                                   && call.path().endsWith("/user_invites/" + invite))
                .as("the invite is revoked once").hasSize(1);
    }

    @Test
    void aJoinedPersonOnBusinessIsReportedAsASeatStillActive() throws Exception {
        EmbedClient admin = start(Map.of());
        int inviteId = invite("jo@example.com");
        retool.sandbox().claimInvite(inviteId);

        HttpResponse<String> answer = admin.offboard("jo@example.com", EmbedClient.ADMIN_TOKEN);

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(RunningApplication.json(answer.body()).path("note").asText())
                .startsWith("offboarded, account still active: disable");
        assertThat(access("jo@example.com").accountActive()).isTrue();
        assertThat(retool.sandbox().users()).singleElement().satisfies(user -> assertThat(user.active()).isTrue());
    }

    @Test
    void aJoinedPersonOnEnterpriseIsMarkedAndDisabled() throws Exception {
        retool.sandbox().setPlan(SandboxPlan.ENTERPRISE);
        EmbedClient admin = start(Map.of());
        int inviteId = invite("ent@example.com");
        SandboxUser user = retool.sandbox().claimInvite(inviteId);

        HttpResponse<String> answer = admin.offboard("ent@example.com", EmbedClient.ADMIN_TOKEN);

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(RunningApplication.json(answer.body()).path("note").asText())
                .isEqualTo("offboarded: account " + user.id() + " disabled, marked access=revoked");
        SandboxUser after = retool.sandbox().user(user.id());
        assertThat(after.active()).isFalse();
        assertThat(after.metadata()).containsEntry("access", "revoked");
        assertThat(access("ent@example.com").accountActive()).isFalse();
    }

    /** Invites, lets the sandbox's person claim the invite, and waits until the lifecycle has recorded them JOINED. */
    private SandboxUser join(String email) throws Exception {
        SandboxUser user = retool.sandbox().claimInvite(invite(email));
        await().atMost(Duration.ofSeconds(20)).until(() -> app.entry(email).status() == LedgerStatus.JOINED);
        return user;
    }

    private JsonNode read(String pathAndQuery) throws Exception {
        HttpResponse<String> answer = app.api("GET", pathAndQuery, "Bearer " + EmbedClient.ADMIN_TOKEN);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return RunningApplication.json(answer.body());
    }

    @Test
    void aJoinedPersonOnBusinessIsMarkedThroughTheirKnownAccountAndCountedAsAPaidSeatStillActive() throws Exception {
        EmbedClient admin = start(Map.of("lifecycle.period", "1000"));
        SandboxUser user = join("joined@example.com");

        HttpResponse<String> answer = admin.offboard("joined@example.com", EmbedClient.ADMIN_TOKEN);

        assertThat(answer.statusCode()).isEqualTo(200);
        JsonNode body = RunningApplication.json(answer.body());
        assertThat(body.path("offboardedFrom").asText()).isEqualTo("JOINED");
        assertThat(body.path("note").asText()).isEqualTo("offboarded, account still active: disable " + user.id()
                                                         + " in Retool's settings, marked access=revoked");
        assertThat(body.path("accountStillActive").asBoolean()).isTrue();
        SandboxUser after = retool.sandbox().user(user.id());
        assertThat(after.active()).isTrue();
        assertThat(after.metadata()).containsEntry("access", "revoked");

        JsonNode seats = read("/api/seats");
        assertThat(seats.path("offboardedStillActive").path("EXTERNAL").asInt()).isEqualTo(1);
        assertThat(seats.path("joined").path("EXTERNAL").asInt()).isZero();
        assertThat(seats.path("monthlyCost").path("offboardedStillActive").decimalValue()).isPositive();
        assertThat(seats.path("note").asText()).startsWith("1 offboarded account(s) still active")
                .contains("Retool's settings");
        HttpResponse<String> report = app.api("POST", "/api/seats/report", "Bearer " + EmbedClient.ADMIN_TOKEN);
        assertThat(report.statusCode()).isEqualTo(201);
        Path reportJson = signups.resolve("reports/seats").resolve(RunningApplication.json(report.body())
                .path("report").asText());
        assertThat(reportJson).content().contains("\"offboardedStillActive\"").contains("still active");
        // the CSV holds figures only: the sentence stays in the JSON
        assertThat(Path.of(reportJson.toString().replace(".json", ".csv"))).content()
                .contains("offboardedStillActive.EXTERNAL,1").contains("embed.EXTERNAL,0")
                .doesNotContain("still active");
        JsonNode person = read("/api/people/joined@example.com");
        assertThat(person.path("seat").asText()).isEqualTo("OFFBOARDED_STILL_ACTIVE");
        assertThat(person.path("userId").asText()).isEqualTo(user.id());
        assertThat(person.path("offboarding").path("accountStillActive").asBoolean()).isTrue();
        assertThat(person.path("offboarding").path("by").asText()).isEqualTo("admin-api");
    }

    @Test
    void aJoinedPersonOnEnterpriseIsDisabledThroughTheirKnownAccountAndNoLongerCostsASeat() throws Exception {
        retool.sandbox().setPlan(SandboxPlan.ENTERPRISE);
        EmbedClient admin = start(Map.of("lifecycle.period", "1000"));
        SandboxUser user = join("gone@example.com");

        HttpResponse<String> answer = admin.offboard("gone@example.com", EmbedClient.ADMIN_TOKEN);

        assertThat(RunningApplication.json(answer.body()).path("note").asText())
                .isEqualTo("offboarded: account " + user.id() + " disabled, marked access=revoked");
        assertThat(retool.sandbox().user(user.id()).active()).isFalse();
        JsonNode seats = read("/api/seats");
        assertThat(seats.path("offboardedStillActive").path("EXTERNAL").asInt()).isZero();
        assertThat(seats.has("note")).isFalse();
        assertThat(read("/api/people/gone@example.com").path("seat").asText()).isEqualTo("NONE");
    }

    private HttpResponse<String> readmit(String email, String token) throws Exception {
        return app.api("POST", "/api/people/" + email + "/readmit", token == null ? null : "Bearer " + token);
    }

    @Test
    void anOperatorReadmitsAnOffboardedPersonWhoIsThenInvitedAgain() throws Exception {
        EmbedClient admin = start(Map.of());
        int first = invite("again@example.com");
        assertThat(admin.offboard("again@example.com", EmbedClient.ADMIN_TOKEN).statusCode()).isEqualTo(200);

        HttpResponse<String> answer = readmit("Again@Example.com", EmbedClient.ADMIN_TOKEN);

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(RunningApplication.json(answer.body()).path("note").asText()).startsWith("re-admitted by admin-api");
        await().atMost(Duration.ofSeconds(20)).until(() -> app.entry("again@example.com").status()
                                                           == LedgerStatus.INVITED);
        assertThat(retool.sandbox().invitesFor("again@example.com")).singleElement()
                .satisfies(invite -> assertThat(invite.id()).isNotEqualTo(first));
        assertThat(readmit("again@example.com", EmbedClient.ADMIN_TOKEN).statusCode()).isEqualTo(409);
    }

    @Test
    void readmittingSomeoneOffboardedFromAPendingInviteOnBusinessNamesNoOneElseAndLeavesNoMarkToRemove()
            throws Exception {
        EmbedClient admin = start(Map.of());
        invite("erin@acme.com");
        invite("bob@acme.com");
        // erin's offboarding asks for her account first: the look-up the Business plan refuses, with her path
        assertThat(admin.offboard("erin@acme.com", EmbedClient.ADMIN_TOKEN).statusCode()).isEqualTo(200);
        assertThat(admin.offboard("bob@acme.com", EmbedClient.ADMIN_TOKEN).statusCode()).isEqualTo(200);
        LogCapture log = LogCapture.attach();
        try {
            HttpResponse<String> answer = readmit("bob@acme.com", EmbedClient.ADMIN_TOKEN);

            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            String note = RunningApplication.json(answer.body()).path("note").asText();
            assertThat(note).startsWith("re-admitted by admin-api").doesNotContain("erin")
                    .as("no mark was ever set on an account of bob's").doesNotContain("remove it in Retool");
            assertThat(access("bob@acme.com").offboardNote()).isEqualTo(note);
            assertThat(log.drain()).noneMatch(line -> line.contains("erin"));
        } finally {
            log.detach();
        }
    }

    @Test
    void readmittingAJoinedPersonTakesTheOffboardingMarkOffTheirAccount() throws Exception {
        EmbedClient admin = start(Map.of("lifecycle.period", "1000"));
        SandboxUser user = join("back-again@example.com");
        assertThat(admin.offboard("back-again@example.com", EmbedClient.ADMIN_TOKEN).statusCode()).isEqualTo(200);
        assertThat(retool.sandbox().user(user.id()).metadata()).containsEntry("access", "revoked");

        assertThat(readmit("back-again@example.com", EmbedClient.ADMIN_TOKEN).statusCode()).isEqualTo(200);

        assertThat(retool.sandbox().user(user.id()).metadata()).doesNotContainKey("access");
        assertThat(app.entry("back-again@example.com").status()).isNotEqualTo(LedgerStatus.OFFBOARDED);
    }

    @Test
    void refusesReadmissionsWithoutTheTokenForMalformedEmailsUnknownAndNotOffboardedPeople() throws Exception {
        start(Map.of());
        invite("still@example.com");

        assertThat(readmit("still@example.com", null).statusCode()).isEqualTo(401);
        assertThat(readmit("still@example.com", "wrong").statusCode()).isEqualTo(401);
        assertThat(readmit("not-an-email", EmbedClient.ADMIN_TOKEN).statusCode()).isEqualTo(400);
        assertThat(readmit("a%0Ab%40example.com", EmbedClient.ADMIN_TOKEN).statusCode()).isEqualTo(400);
        assertThat(readmit("x".repeat(400) + "%40example.com", EmbedClient.ADMIN_TOKEN).statusCode()).isEqualTo(400);
        assertThat(readmit("nobody@example.com", EmbedClient.ADMIN_TOKEN).statusCode()).isEqualTo(404);
        assertThat(readmit("still@example.com", EmbedClient.ADMIN_TOKEN).statusCode()).isEqualTo(409);
        assertThat(app.api("GET", "/api/people/still@example.com/readmit", "Bearer " + EmbedClient.ADMIN_TOKEN)
                .statusCode()).isNotEqualTo(200);
        assertThat(app.entry("still@example.com").status()).isEqualTo(LedgerStatus.INVITED);
    }

    @Test
    void anEmbedOnlyPersonIsRefusedFurtherSessions() throws Exception {
        EmbedClient admin = start(Map.of("retool.external-access", "embed", "retool.groups.external", "5",
                "embed.landing-page-uuid", "6f1c2d3e-4b5a-4c6d-8e7f-90a1b2c3d4e5"));
        assertThat(app.postSigned("{\"email\":\"em@customer.example\"}").statusCode()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(20)).until(() -> app.entry("em@customer.example").status()
                                                           == LedgerStatus.EMBED_ONLY);
        assertThat(admin.session("{\"email\":\"em@customer.example\",\"externalIdentifier\":\"c-1\"}").statusCode())
                .isEqualTo(200);

        assertThat(admin.offboard("em@customer.example", EmbedClient.ADMIN_TOKEN).statusCode()).isEqualTo(200);

        HttpResponse<String> refused = admin.session("{\"email\":\"em@customer.example\",\"externalIdentifier\":\"c-1\","
                                                     + "\"nonce\":\"2\"}");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("offboarded");
        assertThat(retool.sandbox().embedMints()).hasSize(1);
        assertThat(retool.sandbox().invites()).isEmpty();
    }

    @Test
    void anOffboardingStoppedAfterItsIntentIsFinishedAfterARestart() throws Exception {
        start(Map.of("ledger.reconcile-after-seconds", "1"));
        invite("crash@example.com");
        app.close();
        // what a process killed right after committing the intent leaves: OFFBOARDING, nothing done in Retool
        RunningApplication stopped = RunningApplication.start(signups, retool.sandbox(), Map.of(
                "mail.enabled", "false", "api.admin-token", ""));
        assertThat(stopped.ledger().access().startOffboarding("crash@example.com", "admin-api", null))
                .isEqualTo(AccessLedger.Start.STARTED);
        stopped.close();
        assertThat(retool.sandbox().invitesFor("crash@example.com")).hasSize(1);

        start(Map.of("ledger.reconcile-after-seconds", "1"));

        await().atMost(Duration.ofSeconds(20)).until(() -> access("crash@example.com").status()
                                                           == LedgerStatus.OFFBOARDED);
        assertThat(retool.sandbox().invitesFor("crash@example.com")).isEmpty();
        assertThat(access("crash@example.com").offboardedBy()).isEqualTo("admin-api");
    }

    @Test
    void aCsvRowAndAWebhookItemWithActionRemoveOffboardTheirPeopleAndSayItInTheReport() throws Exception {
        start(Map.of());
        invite("csv@example.com");
        invite("hook@example.com");

        app.drop("leavers.csv", "email,action\ncsv@example.com,remove\nnobody@example.com,remove\nx@example.com,"
                                + "delete\n");
        HttpResponse<String> hook = app.postSigned("[{\"email\":\"hook@example.com\",\"action\":\"remove\"},"
                                                   + "{\"email\":\"new@example.com\",\"action\":\"add\"}]");

        assertThat(hook.statusCode()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(20)).until(() -> access("csv@example.com").status() == LedgerStatus.OFFBOARDED
                && access("hook@example.com").status() == LedgerStatus.OFFBOARDED);
        assertThat(access("csv@example.com").offboardedBy()).isEqualTo("csv leavers.csv:2");
        assertThat(access("hook@example.com").offboardedBy()).startsWith("webhook webhook-");
        assertThat(retool.sandbox().invitesFor("csv@example.com")).isEmpty();
        assertThat(retool.sandbox().invitesFor("hook@example.com")).isEmpty();
        JsonNode report = app.awaitReport("leavers.csv");
        assertThat(report.toString()).contains("OFFBOARDED").contains("the ledger does not know this person")
                .contains("neither add nor remove");
        await().atMost(Duration.ofSeconds(20)).until(() -> app.entry("new@example.com").status()
                                                           == LedgerStatus.INVITED);
    }

    @Test
    void aNewSignupOfAnOffboardedPersonIsReportedNotInvited() throws Exception {
        EmbedClient admin = start(Map.of());
        invite("back@example.com");
        assertThat(admin.offboard("back@example.com", EmbedClient.ADMIN_TOKEN).statusCode()).isEqualTo(200);

        HttpResponse<String> again = app.postSigned("{\"email\":\"back@example.com\",\"firstName\":\"Back\"}");

        assertThat(again.statusCode()).isEqualTo(202);
        String batch = RunningApplication.json(again.body()).path("batch").asText();
        JsonNode report = app.awaitReport(RunningApplication.json(again.body()).path("ids").get(0).asText()
                .replaceAll("#.*", ""));
        assertThat(report.toString()).contains("DUPLICATE").contains("READMIT_OFFBOARDED");
        assertThat(batch).isNotEmpty();
        assertThat(app.entry("back@example.com").status()).isEqualTo(LedgerStatus.OFFBOARDED);
        assertThat(retool.sandbox().invitesFor("back@example.com")).isEmpty();
    }

    @Test
    void withReadmitOffboardedANewSignupStartsOver() throws Exception {
        EmbedClient admin = start(Map.of("offboard.readmit", "true"));
        invite("back@example.com");
        assertThat(admin.offboard("back@example.com", EmbedClient.ADMIN_TOKEN).statusCode()).isEqualTo(200);

        assertThat(app.postSigned("{\"email\":\"back@example.com\",\"firstName\":\"Back\"}").statusCode())
                .isEqualTo(202);

        await().atMost(Duration.ofSeconds(20)).until(() -> app.entry("back@example.com").status()
                                                           == LedgerStatus.INVITED);
        assertThat(retool.sandbox().invitesFor("back@example.com")).hasSize(1);
    }

    @Test
    void refusesCallsWithoutTheTokenMalformedEmailsAndUnknownPeople() throws Exception {
        EmbedClient admin = start(Map.of());

        assertThat(admin.offboard("pat@example.com", null).statusCode()).isEqualTo(401);
        assertThat(admin.offboard("pat@example.com", "wrong").statusCode()).isEqualTo(401);
        assertThat(admin.offboard("not-an-email", EmbedClient.ADMIN_TOKEN).statusCode()).isEqualTo(400);
        assertThat(admin.offboard("a%0Ab%40example.com", EmbedClient.ADMIN_TOKEN).statusCode()).isEqualTo(400);
        assertThat(admin.offboard("x".repeat(400) + "%40example.com", EmbedClient.ADMIN_TOKEN).statusCode())
                .isEqualTo(400);
        assertThat(admin.offboard("nobody@example.com", EmbedClient.ADMIN_TOKEN).statusCode()).isEqualTo(404);
    }
}
