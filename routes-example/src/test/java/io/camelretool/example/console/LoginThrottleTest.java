package io.camelretool.example.console;

import java.time.Duration;
import java.time.Instant;

import io.camelretool.example.ledger.MovableClock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Failed logins slow down the next attempts for the same user name from anywhere, and from the same address. */
class LoginThrottleTest {

    private final MovableClock clock = new MovableClock(Instant.parse("2026-12-01T00:00:00Z"));
    private final LoginThrottle throttle = new LoginThrottle(clock);

    @Test
    void guessesAtOneUserFromManyAddressesSlowDownThatUserEverywhere() {
        for (int i = 0; i < LoginThrottle.FREE_FAILURES; i++) {
            assertThat(throttle.waitFor("alice", "10.0.0." + i)).isZero();
            throttle.failed("alice", "10.0.0." + i);
        }
        assertThat(throttle.waitFor("alice", "10.0.0.99")).isEqualTo(Duration.ofSeconds(1));
        assertThat(throttle.waitFor("bob", "10.0.0.99")).isZero();
        throttle.failed("alice", "10.0.0.98");
        assertThat(throttle.waitFor("alice", "10.0.0.97")).isEqualTo(Duration.ofSeconds(2));
        clock.advance(Duration.ofSeconds(2));
        assertThat(throttle.waitFor("alice", "10.0.0.97")).isZero();
    }

    @Test
    void guessesFromOneAddressAtManyUsersSlowDownThatAddress() {
        for (String user : new String[] { "alice", "bob", "carol" }) {
            throttle.failed(user, "203.0.113.7");
        }
        assertThat(throttle.waitFor("dave", "203.0.113.7")).isEqualTo(Duration.ofSeconds(1));
        assertThat(throttle.waitFor("dave", "198.51.100.1")).isZero();
    }

    @Test
    void theWaitDoublesUpToFifteenMinutesAndASuccessClearsIt() {
        for (int i = 0; i < 40; i++) {
            throttle.failed("alice", "10.0.0.1");
        }
        assertThat(throttle.waitFor("alice", "10.0.0.1")).isEqualTo(LoginThrottle.MAX_WAIT);
        throttle.succeeded("alice", "10.0.0.1");
        assertThat(throttle.waitFor("alice", "10.0.0.1")).isZero();
    }
}
