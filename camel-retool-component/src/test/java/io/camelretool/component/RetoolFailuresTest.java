package io.camelretool.component;

import java.time.Duration;
import java.util.Map;

import io.camelretool.component.error.NotRetoolApiException;
import io.camelretool.component.error.RetoolAuthenticationException;
import io.camelretool.component.error.RetoolConflictException;
import io.camelretool.component.error.RetoolConnectionException;
import io.camelretool.component.error.RetoolException;
import io.camelretool.component.error.RetoolPermissionException;
import io.camelretool.component.error.RetoolRateLimitedException;
import io.camelretool.component.error.RetoolServerException;
import io.camelretool.component.error.RetoolValidationException;
import io.camelretool.component.model.InviteResult;
import io.camelretool.component.model.InviteStatus;
import io.camelretool.sandbox.RetoolSandbox;
import io.camelretool.sandbox.SandboxPlan;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Every way a call to Retool can fail ends the exchange with the typed exception that says what to do. */
class RetoolFailuresTest extends RetoolTestSupport {

    @Test
    void aWrongKeyIsAnAuthenticationError() {
        Exchange exchange = send("retool:invite?apiKey=RAW(retool_wrong)", "a@example.com");

        // the first call, where the email stands, asks for an account first
        assertThat(exchange.getException()).isInstanceOf(RetoolAuthenticationException.class)
                .hasMessageContaining("GET /api/v2/users").hasMessageContaining("401");
        assertThat(((RetoolException) exchange.getException()).getStatus()).isEqualTo(401);
    }

    @Test
    void aKeyWithoutTheScopeIsAPermissionErrorNamingTheScope() throws Exception {
        try (RetoolSandbox readOnly = RetoolSandbox.builder().apiKey("retool_reader", "users:read").start()) {
            Exchange exchange = send("retool:invite?apiKey=RAW(retool_reader)&baseUrl=" + readOnly.baseUrl(),
                    "a@example.com");

            assertThat(exchange.getException()).isInstanceOf(RetoolPermissionException.class)
                    .hasMessageContaining("users:write").hasMessageContaining("POST /api/v2/user_invites");
        }
    }

    @Test
    void aCallOutsideThePlanIsAPermissionErrorSayingSo() {
        sandbox().setPlan(SandboxPlan.BUSINESS);
        var client = startEndpoint("retool:invite");

        Throwable failure = failureOf(client.findUsersByEmail("a@example.com"));

        assertThat(failure).isInstanceOf(RetoolPermissionException.class).hasMessageContaining("plan")
                .hasMessageContaining("nterprise");
    }

    @Test
    void aDuplicateAttributeDefinitionIsAConflict() {
        var client = startEndpoint("retool:invite");
        Map<String, Object> definition = Map.of("name", "plan", "label", "Plan", "dataType", "string");
        client.send("POST", "/api/v2/user_attributes", definition).join();

        assertThat(failureOf(client.send("POST", "/api/v2/user_attributes", definition)))
                .isInstanceOf(RetoolConflictException.class);
    }

    @Test
    void aGroupRetoolDoesNotKnowIsAValidationErrorWithRetoolsMessage() {
        Exchange exchange = send("retool:invite?defaultGroupIds=999", "a@example.com");

        assertThat(exchange.getException()).isInstanceOf(RetoolValidationException.class).hasMessageContaining("999");
        assertThat(((RetoolException) exchange.getException()).getRetoolMessage()).isNotBlank();
    }

    @Test
    void anHtmlAnswerIsNotTheRetoolApiAndNamesTheUrl() {
        sandbox().faults().htmlRate(1.0);

        Exchange exchange = send("retool:invite", "a@example.com");

        assertThat(exchange.getException()).isInstanceOf(NotRetoolApiException.class)
                .hasMessageContaining(retool.baseUrl() + "/api/v2/users")
                .hasMessageContaining("base URL is probably wrong");
    }

    @Test
    void aDroppedConnectionIsAConnectionError() {
        sandbox().faults().dropConnectionRate(1.0);

        assertThat(send("retool:invite", "a@example.com").getException())
                .isInstanceOf(RetoolConnectionException.class);
    }

    @Test
    void noAnswerWithinTheRequestTimeoutIsAConnectionError() {
        sandbox().faults().latency(Duration.ofMillis(1500), Duration.ZERO);

        assertThat(send("retool:invite?requestTimeout=300", "a@example.com").getException())
                .isInstanceOf(RetoolConnectionException.class).hasMessageContaining("did not answer in time");
    }

    @Test
    void aRefusedConnectionIsAConnectionError() {
        assertThat(send("retool:invite?baseUrl=http://127.0.0.1:1", "a@example.com").getException())
                .isInstanceOf(RetoolConnectionException.class).hasMessageContaining("Could not reach Retool");
    }

    @Test
    void aServerErrorIsAServerErrorAndIsNotRetried() {
        sandbox().faults().serverErrorRate(1.0);

        Exchange exchange = send("retool:invite?maxRetries=0", "a@example.com");

        assertThat(exchange.getException()).isInstanceOf(RetoolException.class);
        int status = ((RetoolException) exchange.getException()).getStatus();
        assertThat(status).isBetween(500, 503);
        assertThat(exchange.getException()).isInstanceOf(status == 503 ? RetoolRateLimitedException.class
                : RetoolServerException.class);
    }

    @Test
    void rateLimitedAnswersAreRetriedHonouringRetryAfterUntilTheyStop() throws Exception {
        sandbox().faults().rateLimitedRate(1.0);
        Thread lifter = new Thread(() -> {
            try {
                Thread.sleep(1200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            sandbox().faults().clear();
        });
        lifter.start();

        Exchange exchange = send("retool:invite?maxRetries=5", "a@example.com");
        lifter.join();

        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getMessage().getBody(InviteResult.class).status()).isEqualTo(InviteStatus.INVITED);
        assertThat(sandbox().requests()).anyMatch(request -> request.status() == 429);
    }

    @Test
    void rateLimitedAfterEveryRetryIsARateLimitedError() {
        sandbox().faults().rateLimitedRate(1.0);

        Exchange exchange = send("retool:invite?maxRetries=1", "a@example.com");

        assertThat(exchange.getException()).isInstanceOf(RetoolRateLimitedException.class);
        // the account look-up, asked first, gets one try and one retry and fails the call; filtered by status
        // because a slow answer of an earlier test may still be logged
        assertThat(sandbox().requests()).filteredOn(request -> request.status() == 429).hasSize(2);
    }

    @Test
    void plainHttpToANonLoopbackHostIsRefusedUnlessAllowed() {
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> send("retool:invite?baseUrl=http://retool.example.com", "a@example.com"))
                .hasStackTraceContaining("allowInsecureHttp=true");
        org.assertj.core.api.Assertions.assertThatCode(
                () -> context.getEndpoint("retool:invite?baseUrl=http://retool.example.com&allowInsecureHttp=true").start())
                .doesNotThrowAnyException();
    }

    private io.camelretool.component.client.RetoolClient startEndpoint(String uri) {
        RetoolEndpoint endpoint = (RetoolEndpoint) context.getEndpoint(uri);
        endpoint.start();
        return endpoint.getClient();
    }

    private static Throwable failureOf(java.util.concurrent.CompletableFuture<?> future) {
        try {
            future.join();
            return null;
        } catch (java.util.concurrent.CompletionException e) {
            return e.getCause();
        }
    }
}
