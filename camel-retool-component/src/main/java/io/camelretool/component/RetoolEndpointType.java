package io.camelretool.component;

/** What a {@code retool:} endpoint does; the constants are spelled exactly as users type them in the URI. */
public enum RetoolEndpointType {
    /** Create, list, revoke and renew user invites. */
    invite,
    /** Set or delete user-attribute values on an account or a pending invite. */
    attributes,
    /** Mint a single-use Retool Embed URL for an external user. */
    embedToken,
    /** Act on an account: disable it (Enterprise plans with user management). */
    user
}
