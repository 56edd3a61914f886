package io.camelretool.component.model;

import java.time.Instant;
import java.util.List;

/**
 * The outcome of {@code retool:invite} for one email.
 *
 * @param status   what was done
 * @param email    the email as requested
 * @param inviteId the Retool invite id (created, found or revoked); null when none exists
 * @param link     the link the person follows to claim the invite, when Retool gave one
 * @param expiresAt when the invite expires
 * @param groupIds the groups the invite joins
 * @param error    why the item failed; null unless status is FAILED
 * @param userId   for ALREADY_USER, the account's id ({@code user_...}) when Retool named it
 *
 * The link claims a Retool account, so {@link #toString()} shows it masked: a route that logs {@code ${body}}
 * writes no claim link into its logs.
 */
public record InviteResult(InviteStatus status, String email, Integer inviteId, String link, Instant expiresAt,
                           List<Integer> groupIds, String error, String userId) {

    public InviteResult {
        groupIds = groupIds == null ? List.of() : List.copyOf(groupIds);
    }

    /** A result that names no user. */
    public InviteResult(InviteStatus status, String email, Integer inviteId, String link, Instant expiresAt,
                        List<Integer> groupIds, String error) {
        this(status, email, inviteId, link, expiresAt, groupIds, error, null);
    }

    public static InviteResult failed(String email, String error) {
        return new InviteResult(InviteStatus.FAILED, email, null, null, null, List.of(), error);
    }

    @Override
    public String toString() {
        return "InviteResult[status=" + status + ", email=" + email + ", inviteId=" + inviteId + ", link="
               + SecretUrls.masked(link) + ", expiresAt=" + expiresAt + ", groupIds=" + groupIds + ", error=" + error
               + ", userId=" + userId + "]";
    }
}
