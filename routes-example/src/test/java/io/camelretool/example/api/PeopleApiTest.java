package io.camelretool.example.api;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelretool.example.ApplicationSecrets;
import io.camelretool.example.RunningApplication;
import io.camelretool.example.ledger.LedgerStatus;
import io.camelretool.sandbox.SandboxInvite;
import io.camelretool.sandbox.SandboxUser;
import io.camelretool.sandbox.junit.RetoolSandboxExtension;
import io.camelretool.testing.SecretScan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The read API as people and other systems use it: people, seats, the seats report, and what it refuses. */
class PeopleApiTest {

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @RegisterExtension
    static RetoolSandboxExtension retool = RetoolSandboxExtension.business();

    @TempDir
    Path signups;

    @RegisterExtension
    final SecretScan secrets = ApplicationSecrets.scan(retool::sandbox, () -> signups);

    private RunningApplication start() throws Exception {
        return RunningApplication.start(signups, retool.sandbox(), Map.of("lifecycle.period", "1000",
                "retool.org-domains", "acme.test"));
    }

    private void signUp(RunningApplication app, String... emails) throws Exception {
        List<String> items = new ArrayList<>();
        for (String email : emails) {
            items.add("{\"email\":\"" + email + "\",\"attributes\":{\"tier\":\"gold\"}}");
        }
        retool.sandbox().defineAttribute("tier", "string");
        assertThat(app.postSigned("[" + String.join(",", items) + "]").statusCode()).isEqualTo(202);
        for (String email : emails) {
            await().atMost(PATIENCE).until(() -> app.ledger().find(email)
                    .filter(entry -> entry.status() == LedgerStatus.INVITED).isPresent());
        }
    }

    private JsonNode ok(RunningApplication app, String path) throws Exception {
        HttpResponse<String> answer = app.api(path);
        secrets.seen("read API " + path, answer.body());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return RunningApplication.json(answer.body());
    }

    @Test
    void answersAPersonWithWhereTheyStandAfterTheInvite() throws Exception {
        try (RunningApplication app = start()) {
            signUp(app, "ada@example.com");
            long before = retool.sandbox().requestCount("GET", "/api/v2/user_invites");
            await().atMost(PATIENCE).until(() -> retool.sandbox().requestCount("GET", "/api/v2/user_invites") > before);
            List<SandboxInvite> invites = retool.sandbox().invitesFor("ada@example.com");
            SandboxUser ada = retool.sandbox().claimInvite(invites.get(0).id());
            await().atMost(PATIENCE).until(() -> ok(app, "/api/people/ada@example.com").path("status").asText()
                    .equals("JOINED"));

            JsonNode person = ok(app, "/api/people/%20ADA%40Example.com");

            assertThat(person.path("email").asText()).isEqualTo("ada@example.com");
            assertThat(person.path("class").asText()).isEqualTo("EXTERNAL");
            assertThat(person.path("userId").asText()).isEqualTo(ada.id());
            assertThat(person.path("inviteId").asInt()).isEqualTo(invites.get(0).id());
            assertThat(person.path("joinedAt").asText()).isNotEmpty();
            assertThat(person.path("source").asText()).isEqualTo("WEBHOOK");
            assertThat(person.path("attributes").path("tier").asText()).isEqualTo("gold");
            assertThat(person.path("renewals").asInt()).isZero();
            assertThat(person.toString()).doesNotContain("sandbox.retool.com").doesNotContain(retool.apiKey());
        }
    }

    @Test
    void somebodyWhoseInviteWasClaimedBeforeIsAnAlreadyUserWithTheUserIdRetoolNamed() throws Exception {
        HttpResponse<Void> created = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                        retool.baseUrl() + "/api/v2/user_invites"))
                .header("Authorization", "Bearer " + retool.apiKey()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"ada@example.com\"}")).build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(created.statusCode()).isBetween(200, 201);
        SandboxUser ada = retool.sandbox().claimInvite(retool.sandbox().invitesFor("ada@example.com").get(0).id());
        try (RunningApplication app = start()) {
            assertThat(app.postSigned("{\"email\":\"ada@example.com\"}").statusCode()).isEqualTo(202);
            await().atMost(PATIENCE).until(() -> app.ledger().find("ada@example.com")
                    .filter(entry -> entry.status() == LedgerStatus.ALREADY_USER).isPresent());

            JsonNode person = ok(app, "/api/people/ada@example.com");

            assertThat(person.path("status").asText()).isEqualTo("ALREADY_USER");
            assertThat(person.path("userId").asText()).isEqualTo(ada.id());
            assertThat(retool.sandbox().invitesFor("ada@example.com")).hasSize(1);
        }
    }

    @Test
    void anEmbedOnlyPersonHasNoInviteId() throws Exception {
        try (RunningApplication app = RunningApplication.start(signups, retool.sandbox(), Map.of(
                "retool.external-access", "embed"))) {
            assertThat(app.postSigned("{\"email\":\"embedded@example.com\"}").statusCode()).isEqualTo(202);
            await().atMost(PATIENCE).until(() -> app.ledger().find("embedded@example.com")
                    .filter(entry -> entry.status() == LedgerStatus.EMBED_ONLY).isPresent());

            JsonNode person = ok(app, "/api/people/embedded@example.com");

            assertThat(person.has("inviteId")).isTrue();
            assertThat(person.path("inviteId").isNull()).as(person.toString()).isTrue();
        }
    }

    @Test
    void pagesPeopleNewestFirstWithAnOpaqueCursorAndFilters() throws Exception {
        try (RunningApplication app = start()) {
            signUp(app, "a@example.com", "b@example.com", "c@example.com", "d@acme.test", "e@example.com");

            List<String> seen = new ArrayList<>();
            String cursor = null;
            int pages = 0;
            do {
                JsonNode page = ok(app, "/api/people?limit=2" + (cursor == null ? "" : "&cursor=" + cursor));
                page.path("people").forEach(person -> seen.add(person.path("email").asText()));
                cursor = page.path("nextCursor").isNull() ? null : page.path("nextCursor").asText();
                pages++;
            } while (cursor != null && pages < 10);

            assertThat(seen).hasSize(5).doesNotHaveDuplicates();
            assertThat(ok(app, "/api/people?class=external&status=INVITED").path("people")).hasSize(4);
            assertThat(ok(app, "/api/people?class=END_USER").path("people")).hasSize(1);
            assertThat(ok(app, "/api/people?updatedSince=2999-01-01T00:00:00Z").path("people")).isEmpty();
            assertThat(ok(app, "/api/people?status=JOINED").path("people")).isEmpty();
        }
    }

    @Test
    void answersTheSeatsWithTheirCostAndWritesTheSeatsReportOnRequest() throws Exception {
        try (RunningApplication app = start()) {
            signUp(app, "a@example.com", "b@example.com", "d@acme.test");
            retool.sandbox().claimInvite(retool.sandbox().invitesFor("a@example.com").get(0).id());
            await().atMost(PATIENCE).until(() -> ok(app, "/api/seats").path("joined").path("EXTERNAL").asInt() == 1);

            JsonNode seats = ok(app, "/api/seats");
            HttpResponse<String> report = app.api("POST", "/api/seats/report",
                    "Bearer " + RunningApplication.ADMIN_TOKEN);

            assertThat(seats.path("pending").path("EXTERNAL").asInt()).isEqualTo(1);
            assertThat(seats.path("pending").path("END_USER").asInt()).isEqualTo(1);
            assertThat(seats.path("newExternalSeatsToday").asInt()).isEqualTo(2);
            assertThat(seats.path("monthlyCost").path("joined").decimalValue()).isPositive();
            assertThat(report.statusCode()).isEqualTo(201);
            String name = RunningApplication.json(report.body()).path("report").asText();
            assertThat(signups.resolve("reports/seats").resolve(name)).exists();
            assertThat(signups.resolve("reports/seats").resolve(name.replace(".json", ".csv"))).content()
                    .contains("joined.EXTERNAL,1");
        }
    }

    @Test
    void refusesEveryRequestWithoutTheRightBearerToken() throws Exception {
        try (RunningApplication app = start()) {
            for (String authorization : new String[] { null, "", "Bearer", "Bearer wrong",
                                                       "Basic " + RunningApplication.ADMIN_TOKEN,
                                                       "Bearer " + RunningApplication.ADMIN_TOKEN + "x",
                                                       "Bearerx " + RunningApplication.ADMIN_TOKEN,
                                                       "Bearer" + RunningApplication.ADMIN_TOKEN }) {
                for (String path : new String[] { "/api/people", "/api/people/a@example.com", "/api/seats" }) {
                    HttpResponse<String> answer = app.api("GET", path, authorization);
                    assertThat(answer.statusCode()).as(path + " with " + authorization).isEqualTo(401);
                    assertThat(answer.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
                }
            }
            assertThat(app.api("POST", "/api/seats/report", "Bearer wrong").statusCode()).isEqualTo(401);
            assertThat(Files.exists(signups.resolve("reports"))).isFalse();
        }
    }

    @Test
    void refusesEveryMalformedParameterNamingIt() throws Exception {
        try (RunningApplication app = start()) {
            Map<String, String> hostile = new java.util.LinkedHashMap<>();
            hostile.put("/api/people?status=BOGUS", "status");
            hostile.put("/api/people?status=%00", "status");
            hostile.put("/api/people?class=wizard", "class");
            hostile.put("/api/people?updatedSince=yesterday", "updatedSince");
            hostile.put("/api/people?updatedSince=2026-13-01T00:00:00Z", "updatedSince");
            hostile.put("/api/people?limit=0", "limit");
            hostile.put("/api/people?limit=1001", "limit");
            hostile.put("/api/people?limit=-1", "limit");
            hostile.put("/api/people?limit=ten", "limit");
            hostile.put("/api/people?limit=99999999999999999999", "limit");
            hostile.put("/api/people?cursor=garbage!", "cursor");
            hostile.put("/api/people?cursor=" + Base64.getUrlEncoder().encodeToString("p1|x|y|z".getBytes()),
                    "cursor");
            hostile.put("/api/people?cursor=" + "A".repeat(2000), "cursor");
            hostile.put("/api/people?status=INVITED&status=JOINED", "status");
            hostile.put("/api/people?status=", "status");
            hostile.put("/api/people?limit=", "limit");
            hostile.put("/api/people?class=", "class");
            hostile.put("/api/people?updatedSince=", "updatedSince");
            hostile.put("/api/people?cursor=", "cursor");
            hostile.put("/api/people?status=INVITED&limit", "limit");
            hostile.put("/api/people?email=a@example.com", "email");
            hostile.put("/api/people/not-an-email", "email");
            hostile.put("/api/people/a@b@example.com", "email");
            hostile.put("/api/people/" + "a".repeat(400) + "@example.com", "email");
            hostile.put("/api/people/a@example.com?x=1", "x");
            hostile.put("/api/seats?verbose=true", "verbose");
            for (Map.Entry<String, String> request : hostile.entrySet()) {
                HttpResponse<String> answer = app.api(request.getKey());
                secrets.seen("read API " + request.getKey(), answer.body());
                assertThat(answer.statusCode()).as(request.getKey() + ": " + answer.body()).isEqualTo(400);
                JsonNode errors = RunningApplication.json(answer.body()).path("errors");
                assertThat(errors.size()).as(request.getKey() + ": " + answer.body()).isEqualTo(1);
                assertThat(errors.path(request.getValue()).asText()).as(request.getKey() + ": " + answer.body())
                        .isNotBlank();
            }
        }
    }

    @Test
    void acceptsTheBearerSchemeInAnyCaseOnTheReadAndTheAdminApi() throws Exception {
        try (RunningApplication app = start()) {
            for (String scheme : new String[] { "bearer", "BEARER", "bEaReR" }) {
                String authorization = scheme + " " + RunningApplication.ADMIN_TOKEN;
                for (String path : new String[] { "/api/people", "/api/people/nobody@example.com", "/api/seats" }) {
                    HttpResponse<String> answer = app.api("GET", path, authorization);
                    assertThat(answer.statusCode()).as(path + " with " + scheme).isIn(200, 404);
                }
                assertThat(app.api("DELETE", "/api/people/nobody@example.com", authorization).statusCode())
                        .as("offboarding with " + scheme).isEqualTo(404);
                assertThat(app.api("POST", "/api/people/nobody@example.com/readmit", authorization).statusCode())
                        .as("re-admission with " + scheme).isEqualTo(404);
            }
        }
    }

    @Test
    void aMalformedEmailIsRefusedInOneShapeByTheReadAndTheAdminApi() throws Exception {
        try (RunningApplication app = start()) {
            for (String method : new String[] { "GET", "DELETE" }) {
                HttpResponse<String> answer = app.api(method, "/api/people/not-an-email",
                        "Bearer " + RunningApplication.ADMIN_TOKEN);

                assertThat(answer.statusCode()).as(method).isEqualTo(400);
                JsonNode body = RunningApplication.json(answer.body());
                assertThat(body.has("error")).as(method + ": " + answer.body()).isFalse();
                assertThat(body.path("errors").path("email").asText()).as(method + ": " + answer.body())
                        .isEqualTo("is not an email address");
            }
        }
    }

    @Test
    void anUnknownPersonIsNotFound() throws Exception {
        try (RunningApplication app = start()) {
            HttpResponse<String> answer = app.api("/api/people/nobody@example.com");

            assertThat(answer.statusCode()).isEqualTo(404);
            assertThat(answer.body()).doesNotContain(RunningApplication.ADMIN_TOKEN);
        }
    }

    @Test
    void againstARealRetoolWithoutAdminTokenTheApiIsOff() throws Exception {
        try (RunningApplication app = RunningApplication.start(signups, retool.sandbox(),
                Map.of("api.admin-token", ""))) {
            assertThat(app.api("/api/seats").statusCode()).isEqualTo(404);
            assertThat(app.api("/api/people").statusCode()).isEqualTo(404);
        }
    }
}
