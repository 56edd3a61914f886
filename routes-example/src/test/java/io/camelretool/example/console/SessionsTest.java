package io.camelretool.example.console;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import io.camelretool.example.ledger.MovableClock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Sessions end when idle, at their maximum age and at logout; failed logins slow the next attempts down. */
class SessionsTest {

    @Test
    void aSessionEndsAfterItsIdleTimeButNotWhileItIsUsed() {
        MovableClock clock = new MovableClock(Instant.parse("2026-12-01T00:00:00Z"));
        Sessions sessions = new Sessions(Duration.ofMinutes(30), clock);
        String token = sessions.open("operator");
        clock.advance(Duration.ofMinutes(29));
        assertThat(sessions.find(token)).isPresent();
        clock.advance(Duration.ofMinutes(29));
        assertThat(sessions.find(token)).isPresent();
        clock.advance(Duration.ofMinutes(31));
        assertThat(sessions.find(token)).isEmpty();
    }

    @Test
    void aSessionInUseStillEndsAtItsMaximumAge() {
        MovableClock clock = new MovableClock(Instant.parse("2026-12-01T00:00:00Z"));
        Sessions sessions = new Sessions(Duration.ofMinutes(30), clock);
        String token = sessions.open("operator");
        for (int i = 0; i < 12 * 3; i++) {
            clock.advance(Duration.ofMinutes(20));
            sessions.find(token);
        }
        clock.advance(Duration.ofMinutes(1));
        assertThat(sessions.find(token)).isEmpty();
    }

    @Test
    void logoutEndsTheSessionAndTokensAreNeitherGuessableNorShared() {
        Sessions sessions = new Sessions(Duration.ofMinutes(30), Clock.systemUTC());
        String first = sessions.open("operator");
        String second = sessions.open("operator");
        assertThat(first).isNotEqualTo(second).hasSizeGreaterThanOrEqualTo(43);
        assertThat(sessions.find(first).orElseThrow().csrf).isNotEqualTo(sessions.find(second).orElseThrow().csrf);
        sessions.close(first);
        assertThat(sessions.find(first)).isEmpty();
        assertThat(sessions.find(second)).isPresent();
        assertThat(sessions.find(null)).isEmpty();
        assertThat(sessions.find("forged")).isEmpty();
        assertThat(sessions.find(second).orElseThrow().csrfMatches(null)).isFalse();
    }

    @Test
    void failedLoginsMakeTheNextAttemptsWaitLongerPerUserAndPerAddress() {
        MovableClock clock = new MovableClock(Instant.parse("2026-12-01T00:00:00Z"));
        LoginThrottle throttle = new LoginThrottle(clock);
        for (int i = 0; i < LoginThrottle.FREE_FAILURES; i++) {
            assertThat(throttle.waitFor("operator", "10.0.0.1")).isZero();
            throttle.failed("operator", "10.0.0.1");
        }
        assertThat(throttle.waitFor("operator", "10.0.0.1")).isEqualTo(Duration.ofSeconds(1));
        // the same name from elsewhere, and elsewhere with another name, wait too
        assertThat(throttle.waitFor("operator", "10.0.0.2")).isPositive();
        assertThat(throttle.waitFor("someone", "10.0.0.1")).isPositive();
        assertThat(throttle.waitFor("someone", "10.0.0.2")).isZero();
        clock.advance(Duration.ofSeconds(1));
        throttle.failed("operator", "10.0.0.1");
        assertThat(throttle.waitFor("operator", "10.0.0.1")).isEqualTo(Duration.ofSeconds(2));
        for (int i = 0; i < 30; i++) {
            throttle.failed("operator", "10.0.0.1");
        }
        assertThat(throttle.waitFor("operator", "10.0.0.1")).isEqualTo(LoginThrottle.MAX_WAIT);
        throttle.succeeded("operator", "10.0.0.1");
        assertThat(throttle.waitFor("operator", "10.0.0.1")).isZero();
    }
}
