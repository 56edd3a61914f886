package io.camelretool.component;

/** Which kind of target {@code retool:attributes} resolves an email to. */
public enum AttributesTarget {
    /** The account where the plan allows looking users up, else the pending invite (the default). */
    auto,
    /** Only an account. */
    user,
    /** Only a pending invite. */
    invite
}
