package io.camelretool.example.ledger;

import java.time.Instant;

import io.camelretool.component.classify.UserClass;
import io.camelretool.example.signup.Signup;

/**
 * One line of a batch's report.
 *
 * @param userClass       null for an item that could not be read
 * @param inviteId        the invite the email has in Retool, when known
 * @param signup          the signup the ledger holds for the email (what a dead-letter line replays); null for an
 *                        item that never entered the ledger
 */
public record BatchLine(long itemNo, String sourceRef, String email, UserClass userClass, ItemOutcome outcome,
                        String reason, Long inviteId, Instant inviteExpiresAt, Signup signup) {
}
