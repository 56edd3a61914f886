package io.camelretool.sandbox.http;

import io.camelretool.sandbox.SandboxClock;

import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A per-key limit of requests a minute, counted in a window that opens with a key's first request, the way
 * common API gateways count. Runs on the sandbox clock, so a test can move past a window instead of waiting.
 */
public final class RateLimiter {

    private static final long WINDOW_MILLIS = 60_000;

    private final SandboxClock clock;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();
    private volatile int perMinute;

    public RateLimiter(SandboxClock clock, int perMinute) {
        this.clock = clock;
        setPerMinute(perMinute);
    }

    public int perMinute() {
        return perMinute;
    }

    /** Changes the limit and starts every key afresh; 0 turns limiting off. */
    public void setPerMinute(int requestsPerMinute) {
        if (requestsPerMinute < 0) {
            throw new IllegalArgumentException("rate limit per minute must be 0 (off) or more; got "
                    + requestsPerMinute);
        }
        this.perMinute = requestsPerMinute;
        windows.clear();
    }

    /** @return empty when the request may go ahead, otherwise the whole seconds to wait before trying again */
    public OptionalLong admit(String key) {
        int limit = perMinute;
        if (limit == 0) {
            return OptionalLong.empty();
        }
        return windows.computeIfAbsent(key, k -> new Window()).admit(clock.now().toEpochMilli(), limit);
    }

    public void reset() {
        windows.clear();
    }

    private static final class Window {

        private long openedAtMillis = Long.MIN_VALUE;
        private int admitted;

        synchronized OptionalLong admit(long nowMillis, int limit) {
            if (openedAtMillis == Long.MIN_VALUE || nowMillis - openedAtMillis >= WINDOW_MILLIS) {
                openedAtMillis = nowMillis;
                admitted = 0;
            }
            if (admitted < limit) {
                admitted++;
                return OptionalLong.empty();
            }
            long waitMillis = openedAtMillis + WINDOW_MILLIS - nowMillis;
            return OptionalLong.of(Math.max(1, (waitMillis + 999) / 1000));
        }
    }
}
