package io.camelretool.example.ledger;

import java.time.Instant;

/**
 * What the ledger knows of a person's access beyond their invite: their Embed sessions and their offboarding.
 *
 * @param emailKey        the normalised email
 * @param status          where the row stands
 * @param externalId      the host application's identifier for the person, bound at their first Embed session
 * @param firstSession    when they first came in through Embed, null before
 * @param lastSession     their latest Embed session, null before
 * @param sessions        how many Embed URLs were minted for them
 * @param offboardedAt    when their access was taken away (the intent, for a row still OFFBOARDING)
 * @param offboardedBy    who or what asked: {@code admin-api}, {@code webhook <request>}, {@code csv <file:line>},
 *                        {@code console <operator>}
 * @param offboardedFrom  the status the row had before, which says what there was to take away in Retool
 * @param offboardNote    what was done, or what is left for a person to do
 * @param accountActive   true when the person's Retool account is known to be still active after offboarding
 *                        (a seat that still costs), false when disabled, null when there is no account or unknown
 * @param userId          the person's Retool account ({@code user_...}) when known: Retool reported their invite
 *                        claimed by it (JOINED, kept after offboarding); null otherwise
 */
public record PersonAccess(String emailKey, LedgerStatus status, String externalId, Instant firstSession,
                           Instant lastSession, int sessions, Instant offboardedAt, String offboardedBy,
                           LedgerStatus offboardedFrom, String offboardNote, Boolean accountActive, String userId) {

    public boolean offboarded() {
        return status == LedgerStatus.OFFBOARDING || status == LedgerStatus.OFFBOARDED;
    }
}
