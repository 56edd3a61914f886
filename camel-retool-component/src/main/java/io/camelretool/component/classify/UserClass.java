package io.camelretool.component.classify;

/** What a signup is, for Retool seats. */
public enum UserClass {
    /** Outside the organisation: a paid external seat. */
    EXTERNAL,
    /** Inside the organisation, using apps only. */
    END_USER,
    /** Inside the organisation, with a role that builds apps (editor, admin, builder...). */
    STANDARD_USER,
    /** Malformed, blocked or disposable: not invited. */
    REJECTED
}
