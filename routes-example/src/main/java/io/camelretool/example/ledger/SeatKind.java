package io.camelretool.example.ledger;

/**
 * What kind of seat a person holds, as the read API and the seats summary count them. An Embed user is a seat of its
 * own kind (a portal user Retool creates at their first session, not an invited account), and an offboarded account
 * that Retool's API could not disable is one too: it still costs until an admin disables it in Retool.
 */
public enum SeatKind {
    /** A Retool account: JOINED, or the email already had one. */
    ACCOUNT,
    /** A live invite (or one being sent or renewed): a seat on its way. */
    INVITE,
    /** Access through Retool Embed only (EMBED_ONLY): no invite, no account of their own. */
    EMBED,
    /** Offboarded here, but the account is still active in Retool (Business plan): disable it in Retool's settings. */
    OFFBOARDED_STILL_ACTIVE,
    /** No seat: not yet decided, refused, failed, expired, offboarded with nothing left active. */
    NONE;

    /** @param accountActive see {@link PersonAccess#accountActive()} */
    public static SeatKind of(LedgerStatus status, Boolean accountActive) {
        return switch (status) {
            case JOINED, ALREADY_USER -> ACCOUNT;
            case INVITED, ALREADY_INVITED, SENDING, RENEWING -> INVITE;
            case EMBED_ONLY -> EMBED;
            case OFFBOARDED -> Boolean.TRUE.equals(accountActive) ? OFFBOARDED_STILL_ACTIVE : NONE;
            default -> NONE;
        };
    }
}
