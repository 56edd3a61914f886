package io.camelretool.example.ledger;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When a person whose invite call failed for a reason that may pass is tried again, and when the application stops
 * trying. The next wait is about as long as the person has already waited (so the waits double: seconds at first, up
 * to {@code maxDelay}), drawn at random between half and all of it so that a backlog does not come back in one wave.
 *
 * @param firstDelay  the wait after the first failure
 * @param maxDelay    the longest wait between two attempts
 * @param giveUpAfter how long a person may go on failing before being parked as FAILED in the dead-letter file
 */
public record RetryBackoff(Duration firstDelay, Duration maxDelay, Duration giveUpAfter) {

    public RetryBackoff {
        if (firstDelay.isNegative() || firstDelay.isZero() || maxDelay.compareTo(firstDelay) < 0
            || giveUpAfter.isNegative()) {
            throw new IllegalArgumentException("a backoff needs 0 < first delay <= max delay and a give-up time >= 0, "
                                               + "not " + firstDelay + ", " + maxDelay + ", " + giveUpAfter);
        }
    }

    /** The wait before the next attempt of a person who has been failing for {@code failingFor}. */
    public Duration nextDelay(Duration failingFor) {
        long bound = Math.min(maxDelay.toMillis(), Math.max(firstDelay.toMillis(), failingFor.toMillis()));
        return Duration.ofMillis(bound / 2 + ThreadLocalRandom.current().nextLong(bound / 2 + 1));
    }

    /** Whether a person failing for this long is given up on. */
    public boolean givesUp(Duration failingFor) {
        return failingFor.compareTo(giveUpAfter) >= 0;
    }
}
