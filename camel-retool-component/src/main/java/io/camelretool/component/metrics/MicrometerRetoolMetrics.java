package io.camelretool.component.metrics;

import java.time.Duration;

import io.camelretool.component.model.InviteStatus;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The component's meters in a Micrometer registry. Prometheus shows them as {@code retool_calls_seconds},
 * {@code retool_retries_total}, {@code retool_retry_wait_seconds}, {@code retool_rate_limiter_queue_seconds} and
 * {@code retool_invites_total}. Loaded only when Micrometer is on the class path.
 */
final class MicrometerRetoolMetrics implements RetoolMetrics {

    private final MeterRegistry registry;

    MicrometerRetoolMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void call(String method, String endpoint, int status, Duration took) {
        Timer.builder("retool.calls").description("Calls to the Retool API by endpoint and HTTP status (0: no answer)")
                .tags("method", method, "endpoint", endpoint, "status", String.valueOf(status))
                .register(registry).record(took);
    }

    @Override
    public void retry(int status, Duration wait) {
        Counter.builder("retool.retries").description("Calls sent again after a 429 or 503 answer")
                .tags("status", String.valueOf(status)).register(registry).increment();
        Timer.builder("retool.retry.wait").description("Waits before a retry: Retry-After, else backoff")
                .tags("status", String.valueOf(status)).register(registry).record(wait);
    }

    @Override
    public void queued(Duration waited) {
        Timer.builder("retool.rate.limiter.queue")
                .description("Time a call waited for the client-side rate limiter before it was sent")
                .register(registry).record(waited);
    }

    @Override
    public void invite(InviteStatus outcome) {
        Counter.builder("retool.invites").description("What retool:invite did per email")
                .tags("outcome", outcome.name()).register(registry).increment();
    }
}
