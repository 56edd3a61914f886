package io.camelretool.component.consumer;

import java.time.Instant;

/**
 * One change the {@code retool:invite} consumer emits: the body of its exchange. Never carries an invite link.
 *
 * @param kind      CLAIMED, EXPIRED, REVOKED or VANISHED
 * @param inviteId  the invite
 * @param email     the invited email, trimmed and lower-cased as the component compares emails
 * @param userId    for CLAIMED, the user it led to ({@code user_...})
 * @param claimedAt for CLAIMED, when
 * @param expiresAt when the invite expires or expired, when known
 */
public record InviteChange(InviteChangeKind kind, int inviteId, String email, String userId, Instant claimedAt,
                           Instant expiresAt) {
}
