package io.camelretool.sandbox.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelretool.sandbox.SandboxPlan;
import io.camelretool.sandbox.TestClient;
import io.camelretool.sandbox.junit.RetoolSandboxExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpResponse;
import java.time.Duration;

import static io.camelretool.sandbox.TestClient.json;
import static io.camelretool.sandbox.TestClient.message;
import static org.assertj.core.api.Assertions.assertThat;

/** The /_sandbox controls, as another process (no Java API, no key) uses them. */
class AdminApiTest {

    @RegisterExtension
    static RetoolSandboxExtension retool = RetoolSandboxExtension.business();

    private TestClient api;
    private TestClient admin;

    @BeforeEach
    void connect() {
        api = new TestClient(retool.sandbox());
        admin = api.withKey(null);
    }

    @Test
    void listsReceivedRequestsWithMethodPathBodyAndStatus() {
        api.post("/api/v2/user_invites", "{\"email\":\"ada@example.com\"}");
        api.get("/api/v2/user_invites/7");

        JsonNode log = json(admin.get("/_sandbox/requests"));

        assertThat(log).hasSize(2);
        assertThat(log.get(0).get("method").asText()).isEqualTo("POST");
        assertThat(log.get(0).get("path").asText()).isEqualTo("/api/v2/user_invites");
        assertThat(log.get(0).get("body").asText()).isEqualTo("{\"email\":\"ada@example.com\"}");
        assertThat(log.get(0).get("status").asInt()).isEqualTo(200);
        assertThat(log.get(1).get("status").asInt()).isEqualTo(404);
    }

    @Test
    void resetsEverything() {
        api.post("/api/v2/user_invites", "{\"email\":\"ada@example.com\"}");

        HttpResponse<String> response = admin.post("/_sandbox/reset", null);

        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(retool.sandbox().invites()).isEmpty();
        assertThat(json(admin.get("/_sandbox/requests"))).isEmpty();
    }

    @Test
    void listsInvitesAndClaimsOne() {
        api.post("/api/v2/user_invites", "{\"email\":\"ada@example.com\",\"defaultGroupIds\":[2]}");

        JsonNode invites = json(admin.get("/_sandbox/invites"));
        HttpResponse<String> claimed = admin.post("/_sandbox/invites/1/claim", null);

        assertThat(invites.findValuesAsText("invited_email")).containsExactly("ada@example.com");
        assertThat(claimed.statusCode()).isEqualTo(200);
        assertThat(json(claimed).get("email").asText()).isEqualTo("ada@example.com");
        assertThat(json(claimed).get("groups").get(0).get("name").asText()).isEqualTo("Editor");
        assertThat(json(admin.get("/_sandbox/users")).findValuesAsText("email")).containsExactly("ada@example.com");
        assertThat(admin.post("/_sandbox/invites/1/claim", null).statusCode()).isEqualTo(409);
        assertThat(admin.post("/_sandbox/invites/9/claim", null).statusCode()).isEqualTo(404);
    }

    @Test
    void seedsUsersAndGroups() {
        HttpResponse<String> user = admin.post("/_sandbox/users",
                "{\"email\":\"ada@example.com\",\"first_name\":\"Ada\",\"last_name\":\"Lovelace\"}");
        HttpResponse<String> group = admin.put("/_sandbox/groups/42", "{\"name\":\"Partners\"}");

        assertThat(user.statusCode()).isEqualTo(200);
        assertThat(retool.sandbox().users()).hasSize(1);
        assertThat(group.statusCode()).isEqualTo(200);
        assertThat(json(admin.get("/_sandbox/groups")).findValuesAsText("name")).contains("Partners");
        assertThat(admin.post("/_sandbox/users", "{\"email\":\"nope\"}").statusCode()).isEqualTo(400);
    }

    @Test
    void switchesFaultsFromAnotherProcess() {
        HttpResponse<String> set = admin.put("/_sandbox/faults", "{\"htmlRate\":1.0,\"latencyMs\":5}");

        assertThat(set.statusCode()).isEqualTo(200);
        assertThat(json(admin.get("/_sandbox/faults")).get("htmlRate").asDouble()).isEqualTo(1.0);
        assertThat(api.get("/api/v2/user_invites").headers().firstValue("Content-Type").orElse(""))
                .startsWith("text/html");
        admin.put("/_sandbox/faults", "{}");
        assertThat(api.get("/api/v2/user_invites").statusCode()).isEqualTo(200);
    }

    @Test
    void refusesFaultSettingsOutsideTheirRangeNamingTheField() {
        HttpResponse<String> tooLikely = admin.put("/_sandbox/faults", "{\"serverErrorRate\":1.5}");
        HttpResponse<String> unknown = admin.put("/_sandbox/faults", "{\"chaos\":true}");

        assertThat(tooLikely.statusCode()).isEqualTo(400);
        assertThat(message(tooLikely)).contains("serverErrorRate");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(message(unknown)).contains("'chaos'");
    }

    @Test
    void switchesThePlan() {
        HttpResponse<String> response = admin.put("/_sandbox/plan", "{\"plan\":\"enterprise\"}");

        assertThat(json(response).get("plan").asText()).isEqualTo("enterprise");
        assertThat(retool.sandbox().plan()).isEqualTo(SandboxPlan.ENTERPRISE);
        assertThat(admin.put("/_sandbox/plan", "{\"plan\":\"free\"}").statusCode()).isEqualTo(400);
    }

    @Test
    void setsTheRateLimit() {
        admin.put("/_sandbox/rate-limit", "{\"perMinute\":1}");

        assertThat(api.get("/api/v2/user_invites").statusCode()).isEqualTo(200);
        assertThat(api.get("/api/v2/user_invites").statusCode()).isEqualTo(429);
        assertThat(json(admin.get("/_sandbox/rate-limit")).get("perMinute").asInt()).isEqualTo(1);
        assertThat(admin.put("/_sandbox/rate-limit", "{\"perMinute\":-1}").statusCode()).isEqualTo(400);
    }

    @Test
    void advancesTheClockSoInvitesExpire() {
        api.post("/api/v2/user_invites", "{\"email\":\"ada@example.com\"}");

        HttpResponse<String> response = admin.post("/_sandbox/clock/advance?seconds=" + Duration.ofDays(8).toSeconds(),
                null);

        assertThat(json(response).get("offsetSeconds").asLong()).isEqualTo(Duration.ofDays(8).toSeconds());
        assertThat(retool.sandbox().pendingInvites()).isEmpty();
        assertThat(admin.post("/_sandbox/clock/advance?seconds=-3", null).statusCode()).isEqualTo(400);
        assertThat(admin.post("/_sandbox/clock/advance", null).statusCode()).isEqualTo(400);
    }

    @Test
    void listsMintedEmbedUrls() {
        api.post("/api/embed-url/external-user", "{\"landingPageUuid\":\"0b6f7e2c-2a4b-4c3d-9e8f-1a2b3c4d5e6f\","
                + "\"groupIds\":[1],\"externalIdentifier\":\"c-1\"}");

        assertThat(json(admin.get("/_sandbox/embed-urls"))).hasSize(1);
    }

    @Test
    void answers404ForAnUnknownControlAndKeepsItOutOfTheRequestLog() {
        HttpResponse<String> response = admin.get("/_sandbox/everything");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(message(response)).contains("README");
        assertThat(retool.sandbox().requests()).isEmpty();
    }
}
