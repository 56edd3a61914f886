package io.camelretool.example.ledger;

import java.time.Instant;

import io.camelretool.component.classify.UserClass;
import io.camelretool.example.signup.Signup;

/**
 * One row of the ledger: everything the application knows about one normalised email, because on the Business plan
 * Retool cannot be asked.
 *
 * @param emailKey        the email trimmed and lower-cased: the identity of a person
 * @param userClass       the classifier's label
 * @param status          where it stands
 * @param inviteId        Retool's invite id once one is known
 * @param inviteExpiresAt when that invite expires
 * @param attempts        how many times the pipeline claimed it for an invite call
 * @param lastError       why it failed, when it did
 * @param signup          the signup that owns the row (its names, groups, attributes, source and source ref)
 */
public record LedgerEntry(String emailKey, UserClass userClass, LedgerStatus status, Long inviteId,
                          Instant inviteExpiresAt, int attempts, String lastError, Signup signup, Instant createdAt,
                          Instant updatedAt) {
}
