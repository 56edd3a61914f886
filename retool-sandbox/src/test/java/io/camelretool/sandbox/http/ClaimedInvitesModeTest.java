package io.camelretool.sandbox.http;

import io.camelretool.sandbox.ClaimedInvites;
import io.camelretool.sandbox.TestClient;
import io.camelretool.sandbox.junit.RetoolSandboxExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpResponse;

import static io.camelretool.sandbox.TestClient.json;
import static org.assertj.core.api.Assertions.assertThat;

/** The mode in which a claimed invite disappears from Retool's invite calls, as a client and an admin see it. */
class ClaimedInvitesModeTest {

    private static final String INVITES = "/api/v2/user_invites";

    @RegisterExtension
    static RetoolSandboxExtension retool = RetoolSandboxExtension.businessWithVanishingClaims();

    private TestClient api;
    private TestClient admin;

    @BeforeEach
    void connect() {
        api = new TestClient(retool.sandbox());
        admin = api.withKey(null);
    }

    @Test
    void claimedInviteVanishesFromTheListAndAnswers404ById() {
        api.post(INVITES, "{\"email\":\"ada@example.com\"}");
        api.post(INVITES, "{\"email\":\"bob@example.com\"}");

        retool.sandbox().claimInvite(1);

        assertThat(json(api.get(INVITES)).get("data").findValuesAsText("invited_email"))
                .containsExactly("bob@example.com");
        assertThat(json(api.get(INVITES)).get("total_count").asInt()).isEqualTo(1);
        assertThat(api.get(INVITES + "/1").statusCode()).isEqualTo(404);
        assertThat(api.delete(INVITES + "/1").statusCode()).isEqualTo(404);
        assertThat(api.post(INVITES + "/1/user_attributes", "{\"name\":\"tier\",\"value\":\"gold\"}").statusCode())
                .isEqualTo(404);
        assertThat(api.get(INVITES + "/2").statusCode()).isEqualTo(200);
        assertThat(retool.sandbox().invite(1).claimedBy()).startsWith("user_");
        assertThat(retool.sandbox().invites()).hasSize(2);
    }

    @Test
    void expiredUnclaimedInviteStaysListedInThisModeToo() {
        api.post(INVITES, "{\"email\":\"ada@example.com\"}");

        retool.sandbox().clock().advance(java.time.Duration.ofDays(8));

        assertThat(json(api.get(INVITES)).get("data")).hasSize(1);
        assertThat(api.get(INVITES + "/1").statusCode()).isEqualTo(200);
    }

    @Test
    void switchesTheModeFromAnotherProcessAndBackOnReset() {
        api.post(INVITES, "{\"email\":\"ada@example.com\"}");
        admin.post("/_sandbox/invites/1/claim", null);

        HttpResponse<String> listed = admin.put("/_sandbox/claimed-invites", "{\"mode\":\"listed\"}");

        assertThat(listed.statusCode()).isEqualTo(200);
        assertThat(json(admin.get("/_sandbox/claimed-invites")).get("mode").asText()).isEqualTo("listed");
        assertThat(json(api.get(INVITES + "/1")).get("data").get("claimed_by").asText()).startsWith("user_");
        assertThat(admin.put("/_sandbox/claimed-invites", "{\"mode\":\"hidden\"}").statusCode()).isEqualTo(400);
        assertThat(admin.put("/_sandbox/claimed-invites", "{}").statusCode()).isEqualTo(400);
        assertThat(admin.put("/_sandbox/claimed-invites", "{\"mode\":\"vanish\",\"x\":1}").statusCode())
                .isEqualTo(400);

        retool.sandbox().reset();

        assertThat(retool.sandbox().claimedInvites()).isEqualTo(ClaimedInvites.VANISH);
    }

    @Test
    void expiresAnInviteNowForClientsThatUseTheirOwnClock() {
        api.post(INVITES, "{\"email\":\"ada@example.com\"}");

        HttpResponse<String> expired = admin.post("/_sandbox/invites/1/expire", null);

        assertThat(expired.statusCode()).isEqualTo(200);
        java.time.Instant expiresAt = java.time.Instant.parse(json(api.get(INVITES + "/1")).get("data")
                .get("expires_at").asText());
        assertThat(expiresAt).isBeforeOrEqualTo(java.time.Instant.now());
        assertThat(retool.sandbox().pendingInvites()).isEmpty();
        assertThat(admin.post("/_sandbox/invites/1/claim", null).statusCode()).isEqualTo(409);
        assertThat(admin.post("/_sandbox/invites/9/expire", null).statusCode()).isEqualTo(404);
    }

    @Test
    void javaApiSwitchesTheMode() {
        api.post(INVITES, "{\"email\":\"ada@example.com\"}");
        retool.sandbox().claimInvite(1);

        retool.sandbox().setClaimedInvites(ClaimedInvites.LISTED);

        assertThat(json(api.get(INVITES)).get("data")).hasSize(1);
    }
}
