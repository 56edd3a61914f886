package io.camelretool.component.client;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The limiter's schedule on a clock the test moves, so the spacing is checked without waiting for it. */
class RequestRateLimiterTest {

    private static final long MINUTE = TimeUnit.MINUTES.toNanos(1);

    private final AtomicLong clock = new AtomicLong(TimeUnit.HOURS.toNanos(1));

    @Test
    void aBurstGetsTheLimitInAMinuteAndTheNextRequestWaitsBeyondTheMinuteAndItsGuard() {
        RequestRateLimiter limiter = RequestRateLimiter.perMinute(600, clock::get);

        long[] waits = LongStream.range(0, 601).map(i -> limiter.reserveSlot()).toArray();

        long guardedMinute = MINUTE + RequestRateLimiter.WINDOW_GUARD.toNanos();
        assertThat(waits[0]).isZero();
        assertThat(waits[599]).isLessThan(guardedMinute);
        assertThat(waits[600]).isGreaterThanOrEqualTo(guardedMinute);
    }

    @Test
    void spacesRequestsEvenlyOverTheMinuteAndItsGuard() {
        RequestRateLimiter limiter = RequestRateLimiter.perMinute(45, clock::get);

        long first = limiter.reserveSlot();
        long second = limiter.reserveSlot();

        assertThat(Duration.ofNanos(second - first)).isEqualTo(Duration.ofNanos(
                (MINUTE + RequestRateLimiter.WINDOW_GUARD.toNanos() + 44) / 45));
    }

    @Test
    void aRequestAfterAQuietSpellGoesAtOnce() {
        RequestRateLimiter limiter = RequestRateLimiter.perMinute(45, clock::get);
        limiter.reserveSlot();
        limiter.reserveSlot();

        clock.addAndGet(MINUTE);

        assertThat(limiter.acquire()).isDone();
    }

    @Test
    void noLimitNeverWaits() {
        RequestRateLimiter limiter = RequestRateLimiter.perMinute(0, clock::get);

        assertThat(LongStream.range(0, 10_000).map(i -> limiter.reserveSlot())).allMatch(wait -> wait <= 0);
        assertThat(limiter.isLimited()).isFalse();
    }

    @Test
    void saysHowMuchOfTheLimitTheLastMinuteUsedAndHowLongTheNextRequestWouldWait() {
        RequestRateLimiter limiter = RequestRateLimiter.perMinute(60, clock::get);
        assertThat(limiter.use()).isEqualTo(new RateLimitUse(60, 0, Duration.ZERO));

        LongStream.range(0, 90).forEach(i -> limiter.reserveSlot());
        RateLimitUse busy = limiter.use();

        assertThat(busy.perMinute()).isEqualTo(60);
        assertThat(busy.inLastMinute()).isEqualTo(90);
        // 90 slots a second apart (and a little): the next one is a minute and a half away
        assertThat(busy.waitForNextSlot()).isBetween(Duration.ofSeconds(90), Duration.ofSeconds(92));

        clock.addAndGet(3 * MINUTE);
        assertThat(limiter.use()).isEqualTo(new RateLimitUse(60, 0, Duration.ZERO));
    }

    @Test
    void withoutALimitNothingIsCounted() {
        RequestRateLimiter limiter = RequestRateLimiter.perMinute(0, clock::get);
        LongStream.range(0, 100).forEach(i -> limiter.reserveSlot());

        assertThat(limiter.use().isLimited()).isFalse();
        assertThat(limiter.use().inLastMinute()).isZero();
    }
}
