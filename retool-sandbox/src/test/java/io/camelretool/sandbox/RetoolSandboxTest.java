package io.camelretool.sandbox;

import io.camelretool.sandbox.state.RejectedOperationException;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Java API, as a test author uses it without any extension. */
class RetoolSandboxTest {

    @Test
    void startsInOneLineOnAFreeLoopbackPortWithTheDefaultKey() {
        try (RetoolSandbox sandbox = RetoolSandbox.start()) {
            assertThat(sandbox.baseUrl()).matches("http://127\\.0\\.0\\.1:\\d+").doesNotEndWith("/");
            assertThat(sandbox.apiKey()).isEqualTo("retool_test_key");
            assertThat(sandbox.plan()).isEqualTo(SandboxPlan.BUSINESS);
            assertThat(new TestClient(sandbox).get("/api/v2/user_invites").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void claimingAnInviteMakesAUserCarryingItsAttributesAndGroups() {
        try (RetoolSandbox sandbox = RetoolSandbox.start()) {
            sandbox.defineAttribute("plan", "string");
            TestClient client = new TestClient(sandbox);
            int id = TestClient.json(client.post("/api/v2/user_invites",
                    "{\"email\":\"ada@example.com\",\"defaultGroupIds\":[3],\"metadata\":{\"source\":\"csv\"}}"))
                    .get("data").get("id").asInt();
            client.post("/api/v2/user_invites/" + id + "/user_attributes", "{\"name\":\"plan\",\"value\":\"gold\"}");

            SandboxUser user = sandbox.claimInvite(id);

            assertThat(user.id()).matches("user_[0-9a-f]+");
            assertThat(user.email()).isEqualTo("ada@example.com");
            assertThat(user.metadata()).containsEntry("source", "csv").containsEntry("plan", "gold");
            assertThat(user.groupIds()).containsExactly(3);
            SandboxInvite claimed = sandbox.invite(id);
            assertThat(claimed.claimed()).isTrue();
            assertThat(claimed.claimedBy()).isEqualTo(user.id());
            assertThat(sandbox.pendingInvites()).isEmpty();
            assertThat(sandbox.users()).containsExactly(user);
        }
    }

    @Test
    void refusesToClaimAnInviteTwiceOrAfterItExpired() {
        try (RetoolSandbox sandbox = RetoolSandbox.start()) {
            TestClient client = new TestClient(sandbox);
            client.post("/api/v2/user_invites", "{\"email\":\"ada@example.com\"}");
            client.post("/api/v2/user_invites", "{\"email\":\"bob@example.com\"}");
            sandbox.claimInvite(1);

            assertThatThrownBy(() -> sandbox.claimInvite(1))
                    .isInstanceOf(RejectedOperationException.class).hasMessageContaining("already claimed");
            sandbox.clock().advance(Duration.ofDays(7));
            assertThatThrownBy(() -> sandbox.claimInvite(2))
                    .isInstanceOf(RejectedOperationException.class).hasMessageContaining("expired");
            assertThatThrownBy(() -> sandbox.claimInvite(99))
                    .isInstanceOf(RejectedOperationException.class)
                    .extracting(e -> ((RejectedOperationException) e).reason())
                    .isEqualTo(RejectedOperationException.Reason.NOT_FOUND);
        }
    }

    @Test
    void invitesExpireSevenDaysAfterCreationOnTheSandboxClock() {
        try (RetoolSandbox sandbox = RetoolSandbox.start()) {
            new TestClient(sandbox).post("/api/v2/user_invites", "{\"email\":\"ada@example.com\"}");

            sandbox.clock().advance(Duration.ofDays(6));
            assertThat(sandbox.pendingInvites()).hasSize(1);
            sandbox.clock().advance(Duration.ofDays(1));
            assertThat(sandbox.pendingInvites()).isEmpty();
            assertThat(sandbox.invites()).hasSize(1);
        }
    }

    @Test
    void countsAndLogsRequestsWithoutTheApiKey() {
        try (RetoolSandbox sandbox = RetoolSandbox.start()) {
            TestClient client = new TestClient(sandbox);
            client.post("/api/v2/user_invites", "{\"email\":\"ada@example.com\"}");
            client.get("/api/v2/user_invites?x=1");
            client.get("/api/v2/user_invites/1");

            assertThat(sandbox.requestCount("POST", "/api/v2/user_invites")).isEqualTo(1);
            assertThat(sandbox.requestCount("GET", "/api/v2/user_invites")).isEqualTo(2);
            assertThat(sandbox.requests()).first().isEqualTo(new RecordedRequest("POST", "/api/v2/user_invites",
                    "{\"email\":\"ada@example.com\"}", 200));
            assertThat(sandbox.requests().get(1).path()).isEqualTo("/api/v2/user_invites?x=1");
            assertThat(sandbox.requests().toString()).doesNotContain(sandbox.apiKey());
        }
    }

    @Test
    void resetForgetsStateAndRestoresTheStartingConfiguration() {
        try (RetoolSandbox sandbox = RetoolSandbox.builder().plan(SandboxPlan.ENTERPRISE).faultRate(0.0)
                .rateLimitPerMinute(100).start()) {
            new TestClient(sandbox).post("/api/v2/user_invites", "{\"email\":\"ada@example.com\"}");
            sandbox.addUser("bob@example.com", "Bob", "B");
            sandbox.defineAttribute("plan", "string");
            sandbox.addGroup(42, "Partners");
            sandbox.setPlan(SandboxPlan.BUSINESS);
            sandbox.setRateLimitPerMinute(1);
            sandbox.faults().htmlRate(1.0);
            sandbox.clock().advance(Duration.ofDays(3));

            sandbox.reset();

            assertThat(sandbox.invites()).isEmpty();
            assertThat(sandbox.users()).isEmpty();
            assertThat(sandbox.attributeDefinitions()).isEmpty();
            assertThat(sandbox.requests()).isEmpty();
            assertThat(sandbox.groups()).extracting(SandboxGroup::id).containsExactly(1, 2, 3, 4, 5);
            assertThat(sandbox.plan()).isEqualTo(SandboxPlan.ENTERPRISE);
            assertThat(sandbox.rateLimitPerMinute()).isEqualTo(100);
            assertThat(sandbox.faults().settings()).isEqualTo(FaultSettings.NONE);
            assertThat(sandbox.clock().offset()).isZero();
            HttpResponse<String> fresh = new TestClient(sandbox).post("/api/v2/user_invites",
                    "{\"email\":\"ada@example.com\"}");
            assertThat(TestClient.json(fresh).get("data").get("id").asInt()).isEqualTo(1);
        }
    }

    @Test
    void seedsGroupsThatInvitesMayName() {
        try (RetoolSandbox sandbox = RetoolSandbox.start()) {
            sandbox.addGroup(42, "Partners");

            HttpResponse<String> response = new TestClient(sandbox).post("/api/v2/user_invites",
                    "{\"email\":\"ada@example.com\",\"defaultGroupIds\":[42]}");

            assertThat(TestClient.json(response).get("data").get("groups").get(0).get("name").asText())
                    .isEqualTo("Partners");
        }
    }

    @Test
    void refusesBadSeedsNamingTheField() {
        try (RetoolSandbox sandbox = RetoolSandbox.start()) {
            assertThatThrownBy(() -> sandbox.addUser("not-an-email", "A", "B"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("email");
            assertThatThrownBy(() -> sandbox.defineAttribute("Bad Name", "string"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("name");
            assertThatThrownBy(() -> sandbox.defineAttribute("tier", "date"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dataType");
            assertThatThrownBy(() -> sandbox.addGroup(0, "Zero"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("group id");
            assertThatThrownBy(() -> sandbox.clock().advance(Duration.ofDays(-1)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("duration");
            assertThatThrownBy(() -> sandbox.setRateLimitPerMinute(-5))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rate limit");
            sandbox.addUser("ada@example.com", "Ada", "L");
            assertThatThrownBy(() -> sandbox.addUser("ADA@example.com", "Ada", "L"))
                    .isInstanceOf(RejectedOperationException.class).hasMessageContaining("already exists");
        }
    }

    @Test
    void refusesBadBuilderSettingsNamingTheSetting() {
        assertThatThrownBy(() -> RetoolSandbox.builder().port(70_000))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("port");
        assertThatThrownBy(() -> RetoolSandbox.builder().apiKey(" "))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("apiKey");
        assertThatThrownBy(() -> RetoolSandbox.builder().apiKey("k", "users:delete"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("users:delete");
        assertThatThrownBy(() -> RetoolSandbox.builder().faultRate(2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("serverErrorRate");
        assertThatThrownBy(() -> RetoolSandbox.builder().latencyMs(-1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("latencyMs");
        assertThatThrownBy(() -> RetoolSandbox.builder().rateLimitPerMinute(-1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rateLimitPerMinute");
    }

    @Test
    void refusesAPortThatIsTaken() {
        try (RetoolSandbox first = RetoolSandbox.start()) {
            assertThatThrownBy(() -> RetoolSandbox.builder().port(first.port()).start())
                    .hasMessageContaining(Integer.toString(first.port()));
        }
    }
}
