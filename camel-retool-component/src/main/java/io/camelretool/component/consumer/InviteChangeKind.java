package io.camelretool.component.consumer;

/** What the {@code retool:invite} consumer saw change about an invite since its last poll. */
public enum InviteChangeKind {
    /** Accepted: the invite names the user it led to. */
    CLAIMED,
    /** Its seven days passed unclaimed; the person cannot join without a new invite. */
    EXPIRED,
    /** Gone from Retool's list where a claim would have stayed listed (or after it expired): revoked. */
    REVOKED,
    /**
     * Gone from Retool's list before expiring, where claimed invites are not (known to be) listed: accepted or
     * revoked, and the API cannot tell which.
     */
    VANISHED
}
