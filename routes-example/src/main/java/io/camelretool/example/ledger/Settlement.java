package io.camelretool.example.ledger;

import java.time.Instant;
import java.util.Set;

/**
 * An outcome for one ledger row, recorded only if the row is still in one of the statuses {@code from} (another node
 * or a reconciliation may have moved it on meanwhile).
 *
 * @param error the reason the report gives for the outcome; null keeps the reason its lines have
 * @param userId the Retool user the outcome names (an invite already claimed by them); null keeps the row's
 */
public record Settlement(String emailKey, Set<LedgerStatus> from, LedgerStatus to, Long inviteId,
                         Instant inviteExpiresAt, String error, String userId) {

    public Settlement {
        from = Set.copyOf(from);
        if (from.isEmpty() || from.size() > 2) {
            throw new IllegalArgumentException("a settlement moves a row from one or two statuses, not " + from);
        }
    }

    /** An outcome that names no Retool user. */
    public Settlement(String emailKey, Set<LedgerStatus> from, LedgerStatus to, Long inviteId, Instant inviteExpiresAt,
                      String error) {
        this(emailKey, from, to, inviteId, inviteExpiresAt, error, null);
    }

    /** The outcome of an invite call: the claimed row, or the same row put back by a reconciliation meanwhile. */
    public static Settlement ofCall(String emailKey, LedgerStatus to, Long inviteId, Instant inviteExpiresAt,
                                    String error) {
        return ofCall(emailKey, to, inviteId, inviteExpiresAt, error, null);
    }

    /** The outcome of an invite call that names the Retool user (already a user: their invite was claimed). */
    public static Settlement ofCall(String emailKey, LedgerStatus to, Long inviteId, Instant inviteExpiresAt,
                                    String error, String userId) {
        return new Settlement(emailKey, Set.of(LedgerStatus.SENDING, LedgerStatus.RECEIVED), to, inviteId,
                inviteExpiresAt, error, userId);
    }
}
