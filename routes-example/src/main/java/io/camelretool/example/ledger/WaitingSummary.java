package io.camelretool.example.ledger;

import java.time.Instant;
import java.util.Map;

/**
 * The people the pipeline has not settled yet: what the health check, the logs and the banner-style outage lines say.
 *
 * @param waiting       rows WAITING for a next attempt after a failure that may pass
 * @param received      rows RECEIVED and not yet taken up
 * @param sending       rows claimed for an invite call that has not been recorded yet
 * @param nextAttemptAt the earliest next attempt of a WAITING row, null when none waits
 * @param latestReason  the reason the most recent WAITING row gave, null when none waits
 * @param waitingByBatch the WAITING rows by the batch whose report waits for them
 */
public record WaitingSummary(long waiting, long received, long sending, Instant nextAttemptAt, String latestReason,
                             Map<String, Long> waitingByBatch) {

    public WaitingSummary {
        waitingByBatch = Map.copyOf(waitingByBatch);
    }

    /** Everyone the pipeline still owes an outcome. */
    public long people() {
        return waiting + received + sending;
    }
}
