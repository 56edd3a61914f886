package io.camelretool.component.consumer;

import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import io.camelretool.component.error.RetoolConnectionException;
import io.camelretool.component.error.RetoolHeldBackException;
import io.camelretool.component.error.RetoolRateLimitedException;
import io.camelretool.component.error.RetoolServerException;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckResultBuilder;

/**
 * The {@code retool:invite} consumer's health: Camel's check of a polling consumer, except that a poll Retool could
 * not answer (no answer, a timeout, a 5xx, a 429 that outlived the retries, or a read the component's call gate held
 * back) leaves it UP. Retool being away for a while is not this process's fault: a restart would not help
 * (liveness), and the routes that take signups keep working (readiness), while the next poll reads the list again.
 * A refused key or an answer that is not the Retool API still makes it DOWN: those need a human.
 */
final class InviteListHealthCheck implements HealthCheck {

    private final HealthCheck polls;
    private final Supplier<Throwable> lastError;

    InviteListHealthCheck(HealthCheck polls, Supplier<Throwable> lastError) {
        this.polls = polls;
        this.lastError = lastError;
    }

    @Override
    public String getGroup() {
        return polls.getGroup();
    }

    @Override
    public String getId() {
        return polls.getId();
    }

    @Override
    public boolean isEnabled() {
        return polls.isEnabled();
    }

    @Override
    public void setEnabled(boolean enabled) {
        polls.setEnabled(enabled);
    }

    @Override
    public Result call(Map<String, Object> options) {
        Result polled = polls.call(options);
        Throwable cause = lastError.get();
        if (polled.getState() != State.DOWN || !retoolAway(cause)) {
            return polled;
        }
        HealthCheckResultBuilder builder = HealthCheckResultBuilder.on(this);
        builder.details(polled.getDetails());
        return builder.message("Retool did not answer the last read of its invite list; the next poll reads it "
                               + "again: " + cause.getMessage()).up().build();
    }

    private static boolean retoolAway(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof RetoolConnectionException || cause instanceof RetoolServerException
                || cause instanceof RetoolRateLimitedException || cause instanceof RetoolHeldBackException
                || cause instanceof TimeoutException) {
                return true;
            }
        }
        return false;
    }
}
