package io.camelretool.example.console;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down password guessing, per user name and per client address: after {@value #FREE_FAILURES} failed logins
 * each further attempt must wait twice as long as the one before (1 s, 2 s, 4 s, ... at most 15 minutes), and while
 * it waits the password is not even checked. A successful login clears the name's and the address's count.
 */
final class LoginThrottle {

    static final int FREE_FAILURES = 3;
    static final Duration MAX_WAIT = Duration.ofMinutes(15);
    private static final int MAX_TRACKED = 10_000;

    private record Failures(int count, Instant last) {
    }

    private final Map<String, Failures> failures = new ConcurrentHashMap<>();
    private final Clock clock;

    LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    /** How long the next attempt for this name from this address must still wait; zero when it may go ahead. */
    Duration waitFor(String user, String address) {
        Instant now = clock.instant();
        Duration byUser = remaining(failures.get("user:" + user), now);
        Duration byAddress = remaining(failures.get("address:" + address), now);
        return byUser.compareTo(byAddress) >= 0 ? byUser : byAddress;
    }

    void failed(String user, String address) {
        Instant now = clock.instant();
        if (failures.size() >= MAX_TRACKED) {
            failures.values().removeIf(failure -> failure.last().plus(MAX_WAIT).isBefore(now));
        }
        failures.merge("user:" + user, new Failures(1, now), (old, one) -> new Failures(old.count() + 1, now));
        failures.merge("address:" + address, new Failures(1, now), (old, one) -> new Failures(old.count() + 1, now));
    }

    void succeeded(String user, String address) {
        failures.remove("user:" + user);
        failures.remove("address:" + address);
    }

    private static Duration remaining(Failures failure, Instant now) {
        if (failure == null || failure.count() < FREE_FAILURES) {
            return Duration.ZERO;
        }
        long seconds = 1L << Math.min(20, failure.count() - FREE_FAILURES);
        Duration wait = Duration.ofSeconds(seconds).compareTo(MAX_WAIT) > 0 ? MAX_WAIT : Duration.ofSeconds(seconds);
        Duration left = Duration.between(now, failure.last().plus(wait));
        return left.isNegative() ? Duration.ZERO : left;
    }
}
