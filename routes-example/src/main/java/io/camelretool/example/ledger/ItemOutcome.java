package io.camelretool.example.ledger;

/**
 * What became of one signup of a batch, as its report line says. A line is {@link #PENDING} until the ledger row it
 * owns is settled; every other outcome is final.
 */
public enum ItemOutcome {
    PENDING,
    INVITED,
    ALREADY_INVITED,
    ALREADY_USER,
    WOULD_INVITE,
    EMBED_ONLY,
    OVER_CAP,
    REJECTED,
    FAILED,
    /** The email was already known to the ledger (another batch, source or line owns it). */
    DUPLICATE,
    /** The intake could not read a signup from this line or item. */
    INVALID,
    /**
     * The email was already known and its attributes differed from those last applied: the new values were applied
     * in Retool (to the pending invite or the user); the reason says what changed.
     */
    UPDATED;

    static ItemOutcome of(LedgerStatus status) {
        return status.isSettled() ? valueOf(status.name()) : PENDING;
    }
}
