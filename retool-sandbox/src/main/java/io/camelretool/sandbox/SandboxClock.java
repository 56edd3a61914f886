package io.camelretool.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The sandbox's idea of "now": the wall clock plus an offset that tests move forward, so that invite expiry and
 * rate-limit windows can be crossed without waiting.
 */
public final class SandboxClock {

    private final AtomicLong offsetMillis = new AtomicLong();

    /** The current sandbox time. */
    public Instant now() {
        return Instant.now().plusMillis(offsetMillis.get());
    }

    /**
     * Moves the sandbox time forward.
     *
     * @throws IllegalArgumentException when the duration is negative: time going backwards would make expired
     *                                  invites pending again, which Retool never does
     */
    public SandboxClock advance(Duration duration) {
        Objects.requireNonNull(duration, "duration");
        if (duration.isNegative()) {
            throw new IllegalArgumentException("duration must not be negative; got " + duration);
        }
        offsetMillis.addAndGet(duration.toMillis());
        return this;
    }

    /** How far the sandbox time is ahead of the wall clock. */
    public Duration offset() {
        return Duration.ofMillis(offsetMillis.get());
    }

    /** Back to the wall clock. */
    public void reset() {
        offsetMillis.set(0);
    }
}
