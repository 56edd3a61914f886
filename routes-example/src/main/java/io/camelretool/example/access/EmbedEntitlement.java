package io.camelretool.example.access;

import java.util.Optional;
import java.util.Set;

import io.camelretool.example.ledger.LedgerEntry;
import io.camelretool.example.ledger.LedgerStatus;
import io.camelretool.example.ledger.PersonAccess;

/**
 * Whether the ledger lets a person in through Embed: an external person recorded {@code EMBED_ONLY} always; by
 * policy ({@code EMBED_FOR_INVITED}) anyone invited or with an account, JOINED included (Retool reported their invite
 * claimed, so the ledger knows their account); an offboarded person never.
 */
final class EmbedEntitlement {

    /** Invited, or with an account: Embed-entitled only when the policy says so. */
    private static final Set<LedgerStatus> INVITED = Set.of(LedgerStatus.INVITED, LedgerStatus.ALREADY_INVITED,
            LedgerStatus.ALREADY_USER, LedgerStatus.JOINED);

    private final boolean embedForInvited;

    EmbedEntitlement(boolean embedForInvited) {
        this.embedForInvited = embedForInvited;
    }

    /** Empty when the person may have a session; else why not, as the 403 says it. */
    Optional<String> refusal(LedgerEntry entry, PersonAccess access) {
        LedgerStatus status = entry.status();
        if (access.offboarded()) {
            return Optional.of("offboarded" + (access.offboardedAt() == null ? "" : " at " + access.offboardedAt())
                               + (access.offboardedBy() == null ? "" : " by " + access.offboardedBy()));
        }
        if (status == LedgerStatus.EMBED_ONLY) {
            return Optional.empty();
        }
        if (INVITED.contains(status)) {
            return embedForInvited ? Optional.empty() : Optional.of("has a Retool invite or account (" + status
                    + "), not Embed access; EMBED_FOR_INVITED=true lets such people in through Embed too");
        }
        return Optional.of(switch (status) {
            case REJECTED -> "not admitted: " + entry.lastError();
            case OVER_CAP -> "waiting: today's new external seats are taken (MAX_NEW_EXTERNAL_SEATS_PER_DAY)";
            case FAILED -> "the signup failed and waits for a replay: " + entry.lastError();
            case WOULD_INVITE -> "dry run: nobody gets access (DRY_RUN=true)";
            case EXPIRED, RENEWING -> "their invite expired unclaimed" + (status == LedgerStatus.RENEWING
                    ? " and is being renewed" : "");
            case REVOKED -> "their invite was revoked in Retool";
            case VANISHED -> "their invite left Retool's list; whether they joined is not known";
            default -> "not entitled (" + status + ")";
        });
    }
}
