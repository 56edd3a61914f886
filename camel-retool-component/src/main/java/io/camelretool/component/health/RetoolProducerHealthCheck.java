package io.camelretool.component.health;

import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.camelretool.component.client.RetoolClient;
import io.camelretool.component.error.NotRetoolApiException;
import io.camelretool.component.error.RetoolAuthenticationException;
import io.camelretool.component.error.RetoolConnectionException;
import io.camelretool.component.error.RetoolException;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * Tells whether a retool endpoint can reach Retool with its key, by reading the attribute definitions: a small,
 * read-only, authenticated call. A key that lacks that call's scope still proves itself authenticated, so it is
 * up; a refused key, no answer, or an answer that is not the Retool API is down.
 */
public class RetoolProducerHealthCheck extends AbstractHealthCheck {

    static final String PROBE_PATH = "/api/v2/user_attributes";

    private final RetoolClient client;
    private final long timeoutMillis;

    public RetoolProducerHealthCheck(String endpointId, RetoolClient client, long timeoutMillis) {
        super("camel", "producer:retool-" + endpointId);
        this.client = client;
        this.timeoutMillis = timeoutMillis;
    }

    @Override
    public boolean isLiveness() {
        // Retool being away does not make this process need a restart
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        builder.detail("retool.base.url", client.getBaseUri().toString());
        try {
            client.send("GET", PROBE_PATH, null).get(timeoutMillis, TimeUnit.MILLISECONDS);
            builder.up();
        } catch (ExecutionException | CompletionException failed) {
            judge(builder, failed.getCause());
        } catch (TimeoutException slow) {
            builder.message("Retool did not answer within " + timeoutMillis + " ms").down();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            builder.message("interrupted while asking Retool").down();
        }
    }

    private static void judge(HealthCheckResultBuilder builder, Throwable failure) {
        if (!(failure instanceof RetoolException retool)) {
            builder.message(String.valueOf(failure)).down();
            return;
        }
        builder.detail("http.status.code", retool.getStatus());
        boolean down = retool instanceof RetoolAuthenticationException || retool instanceof RetoolConnectionException
                       || retool instanceof NotRetoolApiException || retool.getStatus() >= 500;
        builder.message(retool.getMessage());
        if (down) {
            builder.error(retool).down();
        } else {
            builder.up();
        }
    }
}
