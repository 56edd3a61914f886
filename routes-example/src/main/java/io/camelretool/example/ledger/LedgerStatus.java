package io.camelretool.example.ledger;

import java.util.Set;

/** Where one normalised email stands in the ledger. */
public enum LedgerStatus {
    /** Durably accepted; waiting for the pipeline. */
    RECEIVED,
    /** Claimed by the pipeline; the invite call may be in flight (reconciled against Retool after a crash). */
    SENDING,
    /** Retool created an invite (or one was found pending when an uncertain call was reconciled). */
    INVITED,
    /** Retool already had a pending invite for the email; nothing was created. */
    ALREADY_INVITED,
    /** The email already belongs to a Retool account; nothing was created. */
    ALREADY_USER,
    /** Dry run: an invite would have been created. */
    WOULD_INVITE,
    /** An external user given Embed access only: no invite, no seat taken by one. */
    EMBED_ONLY,
    /** Waiting: today's cap on new external seats is used up; tried again when a seat comes free, or another day. */
    OVER_CAP,
    /** Not invited: malformed, blocked or disposable address. */
    REJECTED,
    /** Retool refused the invite for good, or could not be reached until the give-up time; parked with the reason. */
    FAILED,
    /**
     * Waiting to be tried again: Retool could not be reached, failed (5xx) or kept asking to slow down after the
     * component's retries. The row keeps its reason and the time of its next attempt, and is not settled.
     */
    WAITING,
    /** The invite was claimed: the person has a Retool account (user id and joined at are recorded). */
    JOINED,
    /** The invite's seven days passed unclaimed; renewed when RENEW_EXPIRED_INVITES allows, else it stays so. */
    EXPIRED,
    /**
     * Renewal under way: the intent is recorded before the expired invite is revoked, so a stop between the revoke
     * and the new invite is finished at the next start instead of leaving the person without an invite.
     */
    RENEWING,
    /**
     * The invite was revoked: not by this application (someone in Retool's settings, another tool), or by an operator
     * from the console (the row's last error says which).
     */
    REVOKED,
    /**
     * The invite left Retool's list before expiring where Retool does not list claimed invites: accepted or revoked,
     * the API cannot tell which. Never invited again on its own.
     */
    VANISHED,
    /**
     * Being offboarded: the intent (who asked, when, from which status) is committed before any Retool call, so a
     * crash part way is finished by the sweeper instead of leaving access half taken away.
     */
    OFFBOARDING,
    /** Access taken away: invite revoked, Embed sessions refused, account marked (and disabled where the plan can). */
    OFFBOARDED;

    /** Statuses a new signup for the same email starts over from: a failure to replay, a dry run to make real. */
    static final Set<LedgerStatus> RESTARTABLE = Set.of(FAILED, WOULD_INVITE);

    /** Statuses of a person Retool has (or had) an invite or an account for: what the lifecycle follows. */
    public static final Set<LedgerStatus> FOLLOWED = Set.of(INVITED, ALREADY_INVITED, EXPIRED, RENEWING);

    /** True once nothing more will happen to the row unless a new signup arrives for it. */
    public boolean isSettled() {
        return this != RECEIVED && this != SENDING && this != WAITING && this != OFFBOARDING;
    }
}
