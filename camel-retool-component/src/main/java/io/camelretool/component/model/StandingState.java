package io.camelretool.component.model;

/** Where an email stands in Retool, as the {@code lookup} action and the email resolution answer it. */
public enum StandingState {
    /** Retool holds neither an account nor an invite for the email (that the API can show). */
    NONE,
    /** An unclaimed invite that can still be accepted. */
    PENDING,
    /** Only unclaimed invites whose seven days have passed; the person cannot join without a new invite. */
    EXPIRED,
    /** An account: found by a user look-up where the plan allows it, or named by a claimed invite. */
    ACCOUNT
}
