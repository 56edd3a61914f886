package io.camelretool.example.console;

import java.util.Optional;
import java.util.Set;

import io.camelretool.example.access.Offboarding;
import io.camelretool.example.ledger.Ledger;
import io.camelretool.example.ledger.LedgerEntry;
import io.camelretool.example.ledger.LedgerLifecycle;
import io.camelretool.example.ledger.LedgerStatus;
import io.camelretool.example.ledger.PersonAccess;
import io.camelretool.example.lifecycle.InviteRenewals;
import org.apache.camel.ProducerTemplate;

/**
 * The console's actions on one person, each through the code that does it elsewhere: a renewal as the lifecycle
 * renews an expired invite ({@link InviteRenewals}), a revocation with the lifecycle's revoke call and its REVOKED
 * move, an offboarding as the admin API's {@code DELETE /api/people/{email}} does it ({@link Offboarding}). Each
 * looks at where the person stands first, so a second click finds nothing left to do.
 */
final class PersonActions {

    /** Statuses with an invite an operator may renew: pending, expired, revoked or vanished. */
    static final Set<LedgerStatus> RENEWABLE = Set.of(LedgerStatus.INVITED, LedgerStatus.ALREADY_INVITED,
            LedgerStatus.EXPIRED, LedgerStatus.REVOKED, LedgerStatus.VANISHED);
    /** Statuses with an invite still in Retool's list to revoke. */
    static final Set<LedgerStatus> REVOCABLE = Set.of(LedgerStatus.INVITED, LedgerStatus.ALREADY_INVITED,
            LedgerStatus.EXPIRED);
    /** Statuses an offboarding cannot start from now (done, under way, or an invite call in flight). */
    static final Set<LedgerStatus> NOT_OFFBOARDABLE = Set.of(LedgerStatus.OFFBOARDING, LedgerStatus.OFFBOARDED,
            LedgerStatus.SENDING);

    private final Ledger ledger;
    private final LedgerLifecycle lifecycle;
    private final InviteRenewals renewals;
    private final Offboarding offboarding;
    private final ProducerTemplate retool;

    PersonActions(Ledger ledger, LedgerLifecycle lifecycle, InviteRenewals renewals, Offboarding offboarding,
                  ProducerTemplate retool) {
        this.ledger = ledger;
        this.lifecycle = lifecycle;
        this.renewals = renewals;
        this.offboarding = offboarding;
        this.retool = retool;
    }

    /** Whether the row names an invite in Retool (invite ids are positive; a row without one reads null). */
    static boolean hasInvite(LedgerEntry entry) {
        return entry.inviteId() != null && entry.inviteId() > 0;
    }

    static boolean renewable(LedgerEntry entry) {
        return hasInvite(entry) && RENEWABLE.contains(entry.status());
    }

    static boolean revocable(LedgerEntry entry) {
        return hasInvite(entry) && REVOCABLE.contains(entry.status());
    }

    static boolean offboardable(LedgerEntry entry) {
        return !NOT_OFFBOARDABLE.contains(entry.status());
    }

    /**
     * Revokes the person's invite and makes a new one, with the same groups and attributes.
     *
     * @param invite the invite the operator confirmed renewing: once it is replaced, a second click does nothing
     */
    String renew(String emailKey, long invite) {
        Optional<LedgerEntry> entry = ledger.find(emailKey);
        if (entry.isEmpty()) {
            return "nothing to do: the ledger does not know " + emailKey;
        }
        if (!Long.valueOf(invite).equals(entry.get().inviteId())) {
            return "nothing to do: invite " + invite + " is no longer " + emailKey + "'s (now "
                   + entry.get().inviteId() + ", " + entry.get().status() + ")";
        }
        if (!renewable(entry.get()) && entry.get().status() != LedgerStatus.RENEWING) {
            return "nothing to do: " + emailKey + " is " + entry.get().status() + ", with no invite to renew";
        }
        if (!renewals.renewNow(retool, entry.get())) {
            return "nothing to do: a renewal of " + emailKey + "'s invite is under way";
        }
        LedgerEntry after = ledger.find(emailKey).orElseThrow();
        return switch (after.status()) {
            case INVITED -> "renewed: invite " + entry.get().inviteId() + " revoked, new invite " + after.inviteId()
                            + " expires " + Layout.time(after.inviteExpiresAt());
            case JOINED -> "nothing renewed: " + emailKey + " already has a Retool account (now JOINED)";
            default -> "not renewed yet, " + after.status() + ": " + after.lastError();
        };
    }

    /** Revokes the person's pending invite in Retool and marks their row REVOKED. */
    String revoke(String emailKey, String operator) {
        Optional<LedgerEntry> entry = ledger.find(emailKey);
        if (entry.isEmpty()) {
            return "nothing to do: the ledger does not know " + emailKey;
        }
        if (!revocable(entry.get())) {
            return "nothing to do: " + emailKey + " is " + entry.get().status() + ", with no invite to revoke";
        }
        long invite = entry.get().inviteId();
        InviteRenewals.revoke(retool, invite);
        if (!lifecycle.revokedByOperator(invite, "the invite was revoked from the console by " + operator)) {
            // the lifecycle may have seen the revoked invite first and marked the row itself
            return "invite " + invite + " revoked in Retool; " + emailKey + " is now "
                   + ledger.find(emailKey).map(LedgerEntry::status).orElse(null);
        }
        return "invite " + invite + " revoked; " + emailKey + " is REVOKED";
    }

    /**
     * Lets an offboarded person in again, as the admin API's {@code POST /api/people/{email}/readmit} does: the
     * offboarding mark comes off their account and their row starts over, for the pipeline to invite them.
     */
    String readmit(String emailKey, String operator) {
        return switch (offboarding.readmit(emailKey, "console " + operator)) {
            case UNKNOWN -> "nothing to do: the ledger does not know " + emailKey;
            case NOT_OFFBOARDED -> "nothing to do: " + emailKey + " is "
                                   + ledger.find(emailKey).map(LedgerEntry::status).orElse(null) + ", not OFFBOARDED";
            case READMITTED -> "re-admitted: " + emailKey + " starts over and is invited like a new signup"
                               + ledger.access().find(emailKey).map(PersonAccess::offboardNote)
                                       .filter(note -> note.contains("Retool")).map(note -> "; " + note).orElse("");
        };
    }

    /** Takes the person's access away, as the admin API's DELETE does. */
    String offboard(String emailKey, String operator) {
        Offboarding.Result result = offboarding.offboard(emailKey, "console " + operator, null);
        return switch (result.start()) {
            case UNKNOWN -> "nothing to do: the ledger does not know " + emailKey;
            case BUSY -> "not now: an invite call for " + emailKey + " is in flight; try again in a moment";
            case ALREADY -> "nothing to do: " + emailKey + " is already "
                            + result.person().map(PersonAccess::status).orElse(null);
            case STARTED -> result.person().map(person -> person.status() == LedgerStatus.OFFBOARDED
                    ? person.offboardNote()
                    : "recorded, OFFBOARDING: Retool's part is finished in the background once Retool answers")
                    .orElse("recorded");
        };
    }
}
