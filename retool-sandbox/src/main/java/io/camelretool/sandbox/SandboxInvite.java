package io.camelretool.sandbox;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A user invite as the sandbox holds it. Immutable: every change produces a new value.
 *
 * @param id         the invite id, an integer as in Retool
 * @param email      the invited email, as it was sent
 * @param groupIds   the groups the user joins when the invite is claimed
 * @param metadata   the user attributes set on the invite; copied to the user on claim
 * @param invitedBy  who sent the invite
 * @param inviteLink the link the invitee follows
 * @param createdAt  when the invite was created (sandbox clock)
 * @param expiresAt  always seven days after {@code createdAt}
 * @param claimedBy  the id of the user who claimed it, {@code null} while unclaimed
 * @param claimedAt  when it was claimed, {@code null} while unclaimed
 */
public record SandboxInvite(int id, String email, List<Integer> groupIds, Map<String, Object> metadata,
        String invitedBy, String inviteLink, Instant createdAt, Instant expiresAt, String claimedBy,
        Instant claimedAt) {

    public SandboxInvite {
        groupIds = List.copyOf(groupIds);
        // attribute values may be null, which Map.copyOf refuses
        metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    }

    /** Whether a user has accepted this invite. */
    public boolean claimed() {
        return claimedBy != null;
    }

    /** Whether the invite can still be accepted at the given time: neither claimed nor expired. */
    public boolean pendingAt(Instant now) {
        return !claimed() && now.isBefore(expiresAt);
    }

    /** This invite with different attribute values. */
    public SandboxInvite withMetadata(Map<String, Object> newMetadata) {
        return new SandboxInvite(id, email, groupIds, newMetadata, invitedBy, inviteLink, createdAt, expiresAt,
                claimedBy, claimedAt);
    }

    /** This invite, its seven days over at the given time (as if it had been created seven days earlier). */
    public SandboxInvite expiredAt(Instant at) {
        return new SandboxInvite(id, email, groupIds, metadata, invitedBy, inviteLink,
                at.minus(java.time.Duration.between(createdAt, expiresAt)), at, claimedBy, claimedAt);
    }

    /** This invite, accepted by the given user at the given time. */
    public SandboxInvite claimedBy(String userId, Instant at) {
        return new SandboxInvite(id, email, groupIds, metadata, invitedBy, inviteLink, createdAt, expiresAt, userId,
                at);
    }
}
