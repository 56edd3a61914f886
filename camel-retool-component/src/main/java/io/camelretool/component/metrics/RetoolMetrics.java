package io.camelretool.component.metrics;

import java.time.Duration;

import io.camelretool.component.model.InviteStatus;

/**
 * What the component measures, in its own words, so that Micrometer stays optional: without it (or without a
 * {@code MeterRegistry} in Camel's registry) {@link #NONE} records nothing.
 */
public interface RetoolMetrics {

    RetoolMetrics NONE = new RetoolMetrics() {
    };

    /**
     * One HTTP call to Retool and its answer.
     *
     * @param endpoint the API path with ids replaced by {@code {id}}, so meters do not grow per invite or user
     * @param status   the HTTP status, 0 when no answer came
     */
    default void call(String method, String endpoint, int status, Duration took) {
    }

    /** A call answered 429 or 503 is sent again after {@code wait} (Retry-After, else backoff). */
    default void retry(int status, Duration wait) {
    }

    /** How long a call waited for the shared rate limiter before it was sent. */
    default void queued(Duration waited) {
    }

    /** What {@code retool:invite} did for one email. */
    default void invite(InviteStatus outcome) {
    }
}
