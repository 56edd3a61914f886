package io.camelretool.component.client;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Spaces requests evenly so that no minute, as the server counts it, holds more than the limit. Waiting requests do
 * not hold a thread: each one reserves the next free slot and its future completes when that slot comes.
 */
public final class RequestRateLimiter {

    /**
     * Added to the minute the limit is spread over. A server counts its window from the arrival of the window's
     * first request, which the client cannot see: when that request is slow to arrive (a fresh TLS connection, code
     * not yet warm on either side), the window opens later than its slot, and the request that the client spaces a
     * minute after it lands just inside the window and is answered 429. A second covers that, and a server that
     * counts in whole seconds, at the cost of 1.6% of the limit.
     */
    static final Duration WINDOW_GUARD = Duration.ofSeconds(1);

    private static final long NANOS_PER_WINDOW = TimeUnit.MINUTES.toNanos(1) + WINDOW_GUARD.toNanos();
    private static final RequestRateLimiter UNLIMITED = new RequestRateLimiter(0, 0, System::nanoTime);

    private final long intervalNanos;
    private final int requestsPerMinute;
    private final LongSupplier nanoClock;
    private final AtomicLong nextFreeSlot = new AtomicLong(Long.MIN_VALUE);
    /** The slots reserved within the last window (and ahead), for {@link #use()}: at most about the limit of them. */
    private final Deque<Long> recentSlots = new ArrayDeque<>();

    private RequestRateLimiter(long intervalNanos, int requestsPerMinute, LongSupplier nanoClock) {
        this.intervalNanos = intervalNanos;
        this.requestsPerMinute = requestsPerMinute;
        this.nanoClock = nanoClock;
    }

    /** A limiter for {@code requestsPerMinute}; 0 or less means no limit. */
    public static RequestRateLimiter perMinute(int requestsPerMinute) {
        return perMinute(requestsPerMinute, System::nanoTime);
    }

    /** The same on another clock, so the spacing can be checked without waiting for it. */
    static RequestRateLimiter perMinute(int requestsPerMinute, LongSupplier nanoClock) {
        if (requestsPerMinute <= 0) {
            return UNLIMITED;
        }
        // rounded up: a slot a nanosecond late is harmless, a minute with one request too many is a 429
        return new RequestRateLimiter((NANOS_PER_WINDOW + requestsPerMinute - 1) / requestsPerMinute,
                requestsPerMinute, nanoClock);
    }

    /** Completes when the caller may send; immediately when a slot is free now. */
    public CompletableFuture<Void> acquire() {
        long waitNanos = reserveSlot();
        if (waitNanos <= 0) {
            return CompletableFuture.completedFuture(null);
        }
        return CompletableFuture.runAsync(() -> { }, CompletableFuture.delayedExecutor(waitNanos, TimeUnit.NANOSECONDS));
    }

    /** Takes the next free slot; answers how long until it comes, 0 or less when it is now. */
    long reserveSlot() {
        if (intervalNanos == 0) {
            return 0;
        }
        long now = nanoClock.getAsLong();
        long slot = nextFreeSlot.accumulateAndGet(now, (reserved, current) -> Math.max(reserved, current) + intervalNanos)
                    - intervalNanos;
        synchronized (recentSlots) {
            recentSlots.addLast(slot);
            forgetSlotsBefore(now - NANOS_PER_WINDOW);
        }
        return slot - now;
    }

    /**
     * How much of the limit is in use now: the requests sent (or reserved) within the last minute, and how long a
     * request asking now would wait for its slot. Nothing is counted without a limit.
     */
    public RateLimitUse use() {
        if (intervalNanos == 0) {
            return new RateLimitUse(0, 0, Duration.ZERO);
        }
        long now = nanoClock.getAsLong();
        int inWindow;
        synchronized (recentSlots) {
            forgetSlotsBefore(now - NANOS_PER_WINDOW);
            inWindow = recentSlots.size();
        }
        long next = nextFreeSlot.get();
        return new RateLimitUse(requestsPerMinute, inWindow,
                Duration.ofNanos(next == Long.MIN_VALUE ? 0 : Math.max(0, next - now)));
    }

    private void forgetSlotsBefore(long oldest) {
        while (!recentSlots.isEmpty() && recentSlots.peekFirst() < oldest) {
            recentSlots.removeFirst();
        }
    }

    public boolean isLimited() {
        return intervalNanos > 0;
    }
}
