package io.camelretool.component.model;

import java.time.Instant;

/**
 * Where one email stands in Retool: the typed answer of {@code retool:invite?inviteAction=lookup}, and what
 * {@code retool:invite} create and {@code retool:attributes} by email decide on. Never carries an invite link.
 *
 * @param email     the email as asked
 * @param state     NONE, PENDING, EXPIRED or ACCOUNT
 * @param inviteId  the invite the answer rests on (the live one, the newest expired one, or the claimed one); null
 *                  when none
 * @param userId    the account's id ({@code user_...}) when the state is ACCOUNT and Retool said it
 * @param expiresAt when the invite expires or expired; null without an invite
 * @param claimedAt when the invite was claimed, for an account known from its claimed invite
 */
public record EmailStanding(String email, StandingState state, Integer inviteId, String userId, Instant expiresAt,
                            Instant claimedAt) {

    public static EmailStanding none(String email) {
        return new EmailStanding(email, StandingState.NONE, null, null, null, null);
    }

    public static EmailStanding account(String email, String userId) {
        return new EmailStanding(email, StandingState.ACCOUNT, null, userId, null, null);
    }

    public static EmailStanding claimed(String email, int inviteId, String userId, Instant claimedAt) {
        return new EmailStanding(email, StandingState.ACCOUNT, inviteId, userId, null, claimedAt);
    }

    public static EmailStanding pending(String email, int inviteId, Instant expiresAt) {
        return new EmailStanding(email, StandingState.PENDING, inviteId, null, expiresAt, null);
    }

    public static EmailStanding expired(String email, int inviteId, Instant expiresAt) {
        return new EmailStanding(email, StandingState.EXPIRED, inviteId, null, expiresAt, null);
    }
}
