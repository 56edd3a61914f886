package io.camelretool.component.client;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Spaces requests evenly so that no rolling minute holds more than the limit. Waiting requests do not hold a
 * thread: each one reserves the next free slot and its future completes when that slot comes.
 */
public final class RequestRateLimiter {

    private static final long NANOS_PER_MINUTE = TimeUnit.MINUTES.toNanos(1);
    private static final RequestRateLimiter UNLIMITED = new RequestRateLimiter(0);

    private final long intervalNanos;
    private final AtomicLong nextFreeSlot = new AtomicLong(Long.MIN_VALUE);

    private RequestRateLimiter(long intervalNanos) {
        this.intervalNanos = intervalNanos;
    }

    /** A limiter for {@code requestsPerMinute}; 0 or less means no limit. */
    public static RequestRateLimiter perMinute(int requestsPerMinute) {
        if (requestsPerMinute <= 0) {
            return UNLIMITED;
        }
        // rounded up: a slot a nanosecond late is harmless, a minute with one request too many is a 429
        return new RequestRateLimiter((NANOS_PER_MINUTE + requestsPerMinute - 1) / requestsPerMinute);
    }

    /** Completes when the caller may send; immediately when a slot is free now. */
    public CompletableFuture<Void> acquire() {
        if (intervalNanos == 0) {
            return CompletableFuture.completedFuture(null);
        }
        long now = System.nanoTime();
        long slot = nextFreeSlot.accumulateAndGet(now, (reserved, current) -> Math.max(reserved, current) + intervalNanos)
                    - intervalNanos;
        long waitNanos = slot - now;
        if (waitNanos <= 0) {
            return CompletableFuture.completedFuture(null);
        }
        return CompletableFuture.runAsync(() -> { }, CompletableFuture.delayedExecutor(waitNanos, TimeUnit.NANOSECONDS));
    }

    public boolean isLimited() {
        return intervalNanos > 0;
    }
}
