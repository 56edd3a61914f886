package io.camelretool.component;

/** What {@code retool:invite} does; the constants are spelled exactly as users type them. */
public enum InviteAction {
    /** Invite the body's email(s), skipping those already invited or already users (the default). */
    create,
    /** Answer every unclaimed invite Retool lists. */
    list,
    /** Revoke the invite(s) of an id or an email. */
    revoke,
    /** Revoke an invite and create it again with the same groups and metadata. */
    renew,
    /** Answer where each email stands in Retool (NONE, PENDING, EXPIRED, ACCOUNT), without any write call. */
    lookup,
    /** Answer what the key and plan allow. */
    capabilities
}
