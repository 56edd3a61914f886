package io.camelretool.sandbox.http;

import io.camelretool.sandbox.SandboxPlan;
import io.camelretool.sandbox.TestClient;
import io.camelretool.sandbox.junit.RetoolSandboxExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpResponse;

import static io.camelretool.sandbox.TestClient.message;
import static org.assertj.core.api.Assertions.assertThat;

class AuthenticationAndPlanTest {

    @RegisterExtension
    static RetoolSandboxExtension retool = RetoolSandboxExtension.with(builder -> builder
            .apiKey("retool_admin")
            .apiKey("retool_readonly", "users:read")
            .apiKey("retool_attributes", "user_attributes:write")
            .apiKey("retool_embed_only", "embed"));

    private TestClient admin;

    @BeforeEach
    void connect() {
        admin = new TestClient(retool.sandbox());
    }

    @Test
    void theFirstConfiguredKeyIsTheSandboxKey() {
        assertThat(retool.apiKey()).isEqualTo("retool_admin");
    }

    @Test
    void answers401WithoutABearerToken() {
        HttpResponse<String> response = admin.withKey(null).get("/api/v2/user_invites");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(message(response)).contains("bearer");
    }

    @Test
    void answers401ForAnUnknownTokenWithoutEchoingIt() {
        HttpResponse<String> response = admin.withKey("retool_stolen_guess").get("/api/v2/user_invites");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).doesNotContain("retool_stolen_guess");
        assertThat(retool.sandbox().requests()).singleElement()
                .satisfies(request -> assertThat(request.toString()).doesNotContain("retool_stolen_guess"));
    }

    @Test
    void answers403NamingTheScopeAReadOnlyKeyLacks() {
        TestClient readOnly = admin.withKey("retool_readonly");

        HttpResponse<String> response = readOnly.post("/api/v2/user_invites", "{\"email\":\"ada@example.com\"}");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(message(response)).isEqualTo("Forbidden: API token is missing one of \"users:write\"");
        assertThat(readOnly.get("/api/v2/user_invites").statusCode()).isEqualTo(200);
        assertThat(retool.sandbox().invites()).isEmpty();
    }

    @Test
    void letsAUserAttributesKeySetAttributesButNotInvite() {
        retool.sandbox().defineAttribute("plan", "string");
        int id = TestClient.json(admin.post("/api/v2/user_invites", "{\"email\":\"ada@example.com\"}"))
                .get("data").get("id").asInt();
        TestClient attributes = admin.withKey("retool_attributes");

        assertThat(attributes.post("/api/v2/user_invites/" + id + "/user_attributes",
                "{\"name\":\"plan\",\"value\":\"gold\"}").statusCode()).isEqualTo(200);
        assertThat(attributes.get("/api/v2/user_attributes").statusCode()).isEqualTo(200);
        HttpResponse<String> invite = attributes.post("/api/v2/user_invites", "{\"email\":\"bob@example.com\"}");
        assertThat(invite.statusCode()).isEqualTo(403);
        assertThat(message(invite)).contains("\"users:write\"");
    }

    @Test
    void embedNeedsTheEmbedScope() {
        String body = "{\"landingPageUuid\":\"0b6f7e2c-2a4b-4c3d-9e8f-1a2b3c4d5e6f\",\"groupIds\":[1],"
                + "\"externalIdentifier\":\"customer-1\"}";

        HttpResponse<String> refused = admin.withKey("retool_readonly").post("/api/embed-url/external-user", body);
        HttpResponse<String> allowed = admin.withKey("retool_embed_only").post("/api/embed-url/external-user", body);

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(message(refused)).contains("\"embed\"");
        assertThat(allowed.statusCode()).isEqualTo(200);
    }

    @Test
    void refusesUserListingOnTheBusinessPlanSayingItNeedsEnterprise() {
        HttpResponse<String> response = admin.get("/api/v2/users");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(message(response)).contains("Enterprise");
        assertThat(admin.post("/api/v2/users",
                "{\"email\":\"ada@example.com\",\"first_name\":\"Ada\",\"last_name\":\"L\"}").statusCode())
                .isEqualTo(403);
    }

    @Test
    void servesUsersOnceThePlanIsSwitchedToEnterprise() {
        retool.sandbox().setPlan(SandboxPlan.ENTERPRISE);

        assertThat(admin.get("/api/v2/users").statusCode()).isEqualTo(200);
    }

    @Test
    void answers404ForAPathThatIsNotARetoolCall() {
        HttpResponse<String> response = admin.get("/api/v2/apps/users/1");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(message(response)).contains("/api/v2/apps/users/1");
    }

    @Test
    void answers404OutsideTheApi() {
        HttpResponse<String> response = admin.get("/api/organization/admin/bulkInviteUsers");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(admin.get("/").statusCode()).isEqualTo(404);
    }
}
