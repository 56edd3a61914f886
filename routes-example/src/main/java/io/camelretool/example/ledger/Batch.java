package io.camelretool.example.ledger;

import java.time.Instant;

import io.camelretool.example.signup.SignupSource;

/**
 * The signups that arrived together (a CSV file, a mail, a webhook request): the unit a report is written for.
 *
 * @param name     what the intake calls it: the file name, the mail's Message-ID, the webhook request id
 * @param closedAt when the intake finished handing its items over; null while it still reads
 */
public record Batch(String id, SignupSource source, String name, Instant createdAt, Instant closedAt,
                    Instant reportedAt) {

    public boolean isClosed() {
        return closedAt != null;
    }
}
