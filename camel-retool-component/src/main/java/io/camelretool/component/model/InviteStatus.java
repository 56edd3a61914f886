package io.camelretool.component.model;

/** What {@code retool:invite} did with one email. */
public enum InviteStatus {
    /** A new invite was created. */
    INVITED,
    /** A pending invite for the email already existed; nothing was created. */
    ALREADY_INVITED,
    /** The email already belongs to an account; nothing was created. */
    ALREADY_USER,
    /** Dry run: an invite would have been created. */
    WOULD_INVITE,
    /** An existing invite was revoked. */
    REVOKED,
    /** The item failed; the result carries the error. */
    FAILED
}
