package io.camelretool.sandbox.http;

import io.camelretool.sandbox.RecordedRequest;
import io.camelretool.sandbox.TestClient;
import io.camelretool.sandbox.junit.RetoolSandboxExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;

import static io.camelretool.sandbox.TestClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FaultInjectionTest {

    private static final String CREATE = "{\"email\":\"ada@example.com\"}";

    @RegisterExtension
    static RetoolSandboxExtension retool = RetoolSandboxExtension.business();

    private TestClient client;

    @BeforeEach
    void connect() {
        client = new TestClient(retool.sandbox());
    }

    @Test
    void answersAServerErrorWithoutCreatingAnything() {
        retool.sandbox().faults().serverErrorRate(1.0);

        HttpResponse<String> response = client.post("/api/v2/user_invites", CREATE);

        assertThat(response.statusCode()).isIn(500, 502, 503);
        assertThat(json(response).get("success").asBoolean()).isFalse();
        assertThat(retool.sandbox().invites()).isEmpty();
    }

    @Test
    void dropsTheConnectionAfterTheCallTookEffect() {
        retool.sandbox().faults().dropConnectionRate(1.0);

        assertThatThrownBy(() -> client.trySend("POST", "/api/v2/user_invites", CREATE))
                .isInstanceOf(IOException.class);

        assertThat(retool.sandbox().invitesFor("ada@example.com")).hasSize(1);
        assertThat(retool.sandbox().requests()).extracting(RecordedRequest::status)
                .containsOnly(RecordedRequest.NO_ANSWER);
    }

    @Test
    void losesTheAnswerOfTheNextMatchingCallOnlyAfterItTookEffect() throws Exception {
        retool.sandbox().faults().dropAnswerOfNext("post", "/api/v2/user_invites");

        HttpResponse<String> listed = client.get("/api/v2/user_invites");
        assertThatThrownBy(() -> client.trySend("POST", "/api/v2/user_invites", CREATE))
                .isInstanceOf(IOException.class);
        HttpResponse<String> second = client.post("/api/v2/user_invites", "{\"email\":\"grace@example.com\"}");

        assertThat(listed.statusCode()).isEqualTo(200);
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(retool.sandbox().invitesFor("ada@example.com")).hasSize(1);
        assertThat(retool.sandbox().requests()).extracting(RecordedRequest::status)
                .containsExactly(200, RecordedRequest.NO_ANSWER, 200);
    }

    @Test
    void answersAnHtmlPageInsteadOfJson() {
        retool.sandbox().faults().htmlRate(1.0);

        HttpResponse<String> response = client.get("/api/v2/user_invites");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("text/html"));
        assertThat(response.body()).startsWith("<!DOCTYPE html>");
    }

    @Test
    void answersASpurious429WithRetryAfterOneSecond() {
        retool.sandbox().faults().rateLimitedRate(1.0);

        HttpResponse<String> response = client.post("/api/v2/user_invites", CREATE);

        assertThat(response.statusCode()).isEqualTo(429);
        assertThat(response.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(retool.sandbox().invites()).isEmpty();
    }

    @Test
    void delaysEveryCallByTheFixedLatency() {
        retool.sandbox().faults().latency(Duration.ofMillis(150), Duration.ZERO);

        long started = System.nanoTime();
        client.get("/api/v2/user_invites");

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(150));
    }

    @Test
    void answersNormallyOnceFaultsAreCleared() {
        retool.sandbox().faults().serverErrorRate(1.0).htmlRate(1.0).dropConnectionRate(1.0);

        retool.sandbox().faults().clear();

        assertThat(client.post("/api/v2/user_invites", CREATE).statusCode()).isEqualTo(200);
    }

    @Test
    void injectsFaultsAtTheConfiguredRate() {
        retool.sandbox().faults().serverErrorRate(0.5);

        int failures = 0;
        for (int i = 0; i < 200; i++) {
            if (client.get("/api/v2/user_invites").statusCode() >= 500) {
                failures++;
            }
        }

        // 200 draws at p=0.5: outside 60..140 happens with a probability far below one in a million
        assertThat(failures).isBetween(60, 140);
    }

    @Test
    void refusesARateOutsideZeroToOne() {
        assertThatThrownBy(() -> retool.sandbox().faults().htmlRate(1.5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("htmlRate");
    }
}
