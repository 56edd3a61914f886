package io.camelretool.example.lifecycle;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import io.camelretool.component.RetoolConstants;
import io.camelretool.component.error.RetoolNotFoundException;
import io.camelretool.component.model.InviteResult;
import io.camelretool.example.ledger.LedgerEntry;
import io.camelretool.example.ledger.LedgerLifecycle;
import io.camelretool.example.policy.SignupPolicy;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renews expired invites: revokes the old one and creates it again with the same groups and attributes, up to
 * MAX_INVITE_RENEWALS times a person. Crash-safe: the row is claimed RENEWING, naming the invite to revoke, before
 * anything is revoked, so a stop between the revoke and the create leaves a RENEWING row that the next round (on any
 * node) finishes once it is stale: the revoke again (a 404 means done) and the create, which finds an invite created
 * by the earlier attempt instead of making a second one. Two nodes never renew one invite twice: the claim is a
 * conditional update only one wins. A renewal takes no seat from the daily cap.
 */
public final class InviteRenewals {

    private static final Logger LOG = LoggerFactory.getLogger(InviteRenewals.class);
    private static final int PER_ROUND = 100;

    private final LedgerLifecycle ledger;
    private final SignupPolicy policy;
    private final int maxRenewals;
    private final Duration staleAfter;
    private final Clock clock;

    /** @param staleAfter how long a RENEWING row is left to the node that claimed it before another takes it over */
    public InviteRenewals(LedgerLifecycle ledger, SignupPolicy policy, int maxRenewals, Duration staleAfter,
                          Clock clock) {
        this.ledger = ledger;
        this.policy = policy;
        this.maxRenewals = maxRenewals;
        this.staleAfter = staleAfter;
        this.clock = clock;
    }

    /** One round: renews what is due, through {@code retool:invite}; @return how many were renewed */
    public int renewDue(ProducerTemplate retool) {
        Instant staleBefore = clock.instant().minus(staleAfter);
        int renewed = 0;
        for (LedgerEntry entry : ledger.renewable(maxRenewals, staleBefore, PER_ROUND)) {
            if (ledger.claimRenewal(entry, maxRenewals, staleBefore) && renew(retool, entry)) {
                renewed++;
            }
        }
        return renewed;
    }

    /**
     * Renews one person's invite now, because an operator asked (the console): their pending, expired, revoked or
     * vanished invite is revoked and made again, the same way a round renews an expired one.
     *
     * @param entry the row as the operator saw it: renewed only while it still holds the same invite
     * @return false when the row no longer holds that invite, or another renewal of it is under way
     */
    public boolean renewNow(ProducerTemplate retool, LedgerEntry entry) {
        if (entry.inviteId() == null
            || !ledger.claimRenewalNow(entry.emailKey(), entry.inviteId(), clock.instant().minus(staleAfter))) {
            return false;
        }
        renew(retool, entry);
        return true;
    }

    private boolean renew(ProducerTemplate retool, LedgerEntry entry) {
        String key = entry.emailKey();
        long old = ledger.renewingInvite(key).orElse(entry.inviteId());
        try {
            revoke(retool, old);
            InviteResult result = retool.requestBody("retool:invite", policy.renewal(entry), InviteResult.class);
            return switch (result.status()) {
                case INVITED, ALREADY_INVITED -> {
                    if (!ledger.renewed(key, result.inviteId(), result.expiresAt())) {
                        revokeIfOffboarded(retool, key, result.inviteId());
                        yield false;
                    }
                    LOG.info("{}: expired invite {} renewed as {}", key, old, result.inviteId());
                    yield true;
                }
                case ALREADY_USER -> {
                    ledger.joinedWhileRenewing(key, result.userId());
                    yield false;
                }
                default -> {
                    ledger.renewalFailed(key, "renewing gave " + result.status() + ": " + result.error());
                    yield false;
                }
            };
        } catch (RuntimeException failed) {
            Throwable cause = failed.getCause() == null ? failed : failed.getCause();
            ledger.renewalFailed(key, "renewing invite " + old + " failed: " + cause.getMessage());
            LOG.warn("{}: renewing expired invite {} failed, tried again in a later round: {}", key, old,
                    cause.getMessage());
            return false;
        }
    }

    /**
     * The row left RENEWING while the new invite was being created: offboarded meanwhile (whose sweeper may have
     * revoked the person's invites before this one existed), the new invite is revoked too; otherwise another node
     * finished the renewal and the invite is the person's.
     */
    private void revokeIfOffboarded(ProducerTemplate retool, String key, long inviteId) {
        if (ledger.person(key).filter(person -> person.access().offboarded()).isPresent()) {
            revoke(retool, inviteId);
            LOG.info("{}: offboarded while their invite was renewed: the new invite {} revoked", key, inviteId);
        }
    }

    /** Revokes an invite; one already gone (revoked by an earlier attempt) is what was wanted. */
    public static void revoke(ProducerTemplate retool, long inviteId) {
        Exchange answer = retool.request("retool:invite?inviteAction=revoke",
                exchange -> exchange.getMessage().setHeader(RetoolConstants.INVITE_ID, (int) inviteId));
        Exception failure = answer.getException();
        if (failure != null && !(failure instanceof RetoolNotFoundException)) {
            throw new IllegalStateException(failure.getMessage(), failure);
        }
    }
}
