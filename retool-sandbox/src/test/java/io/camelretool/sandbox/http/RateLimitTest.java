package io.camelretool.sandbox.http;

import io.camelretool.sandbox.TestClient;
import io.camelretool.sandbox.junit.RetoolSandboxExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpResponse;
import java.time.Duration;

import static io.camelretool.sandbox.TestClient.json;
import static org.assertj.core.api.Assertions.assertThat;

class RateLimitTest {

    @RegisterExtension
    static RetoolSandboxExtension retool = RetoolSandboxExtension.with(builder -> builder
            .apiKey("retool_one")
            .apiKey("retool_two")
            .rateLimitPerMinute(3));

    private TestClient one;

    @BeforeEach
    void connect() {
        one = new TestClient(retool.sandbox());
    }

    @Test
    void answers429WithRetryAfterOnceAKeyIsOverItsLimit() {
        for (int i = 0; i < 3; i++) {
            assertThat(one.get("/api/v2/user_invites").statusCode()).isEqualTo(200);
        }

        HttpResponse<String> limited = one.post("/api/v2/user_invites", "{\"email\":\"ada@example.com\"}");

        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).hasValueSatisfying(seconds ->
                assertThat(Integer.parseInt(seconds)).isBetween(1, 60));
        assertThat(json(limited).get("success").asBoolean()).isFalse();
        assertThat(json(limited).get("message").asText()).contains("Rate limit");
        assertThat(retool.sandbox().invites()).isEmpty();
    }

    @Test
    void countsEachKeySeparately() {
        for (int i = 0; i < 4; i++) {
            one.get("/api/v2/user_invites");
        }

        assertThat(one.withKey("retool_two").get("/api/v2/user_invites").statusCode()).isEqualTo(200);
    }

    @Test
    void admitsAgainOnceTheMinuteHasPassed() {
        for (int i = 0; i < 4; i++) {
            one.get("/api/v2/user_invites");
        }

        retool.sandbox().clock().advance(Duration.ofSeconds(61));

        assertThat(one.get("/api/v2/user_invites").statusCode()).isEqualTo(200);
    }

    @Test
    void canBeSwitchedOffAtRuntime() {
        retool.sandbox().setRateLimitPerMinute(0);

        for (int i = 0; i < 10; i++) {
            assertThat(one.get("/api/v2/user_invites").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void resetRestoresTheConfiguredLimit() {
        retool.sandbox().setRateLimitPerMinute(0);

        retool.sandbox().reset();

        assertThat(retool.sandbox().rateLimitPerMinute()).isEqualTo(3);
    }

    @Test
    void doesNotCountRequestsWithAnUnknownKey() {
        for (int i = 0; i < 5; i++) {
            assertThat(one.withKey("retool_unknown").get("/api/v2/user_invites").statusCode()).isEqualTo(401);
        }

        assertThat(one.get("/api/v2/user_invites").statusCode()).isEqualTo(200);
    }
}
