package io.camelretool.example.ledger;

import java.time.Instant;
import java.util.Map;

import io.camelretool.component.classify.UserClass;

/**
 * One person as the read API shows them: the ledger row after the invite. Never an invite link, a key or a secret.
 *
 * @param source     the intake whose signup owns the row
 * @param attributes the attributes last applied in Retool (on the invite, or the user)
 * @param renewals   how many times an expired invite was renewed
 * @param access     their Embed sessions and offboarding
 */
public record Person(String email, UserClass userClass, LedgerStatus status, String source, Long inviteId,
                     Instant inviteExpiresAt, String userId, Instant joinedAt, int renewals, int attempts,
                     String lastError, Map<String, String> attributes, Instant createdAt, Instant updatedAt,
                     PersonAccess access) {

    /** The kind of seat they hold. */
    public SeatKind seat() {
        return SeatKind.of(status, access.accountActive());
    }
}
