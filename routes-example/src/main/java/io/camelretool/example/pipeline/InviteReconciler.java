package io.camelretool.example.pipeline;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.camelretool.component.model.EmailAddresses;
import io.camelretool.component.model.PendingInvite;
import io.camelretool.example.ledger.Ledger;
import io.camelretool.example.ledger.LedgerEntry;
import io.camelretool.example.ledger.LedgerStatus;
import org.apache.camel.Exchange;
import org.apache.camel.InvalidPayloadException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Settles rows left in {@code SENDING} (the process stopped between claiming a row and recording its outcome)
 * against Retool's own list of pending invites, before anything is sent again: an invite found there is recorded as
 * sent; a row without one goes back to {@code RECEIVED} for the pipeline.
 */
public final class InviteReconciler {

    /** Exchange property: the uncertain rows being reconciled. */
    public static final String UNCERTAIN = "signupUncertainRows";

    private static final Logger LOG = LoggerFactory.getLogger(InviteReconciler.class);

    private final Ledger ledger;
    private final Duration grace;
    private final Clock clock;

    /** @param grace how long a call may legitimately be in flight; younger SENDING rows are left alone */
    public InviteReconciler(Ledger ledger, Duration grace, Clock clock) {
        this.ledger = ledger;
        this.grace = grace;
        this.clock = clock;
    }

    /** Finds the uncertain rows; true when there are any, so the route asks Retool for its pending invites. */
    public boolean findUncertain(Exchange exchange) {
        List<LedgerEntry> uncertain = ledger.uncertain(clock.instant().minus(grace));
        exchange.setProperty(UNCERTAIN, uncertain);
        if (uncertain.isEmpty()) {
            return false;
        }
        LOG.info("Reconciling {} row(s) left SENDING against Retool's pending invites", uncertain.size());
        return true;
    }

    /** Body: the pending invites {@code retool:invite?action=list} returned. */
    public void reconcile(Exchange exchange) throws InvalidPayloadException {
        @SuppressWarnings("unchecked")
        List<LedgerEntry> uncertain = exchange.getProperty(UNCERTAIN, List.class);
        List<?> pending = exchange.getMessage().getMandatoryBody(List.class);
        Map<String, PendingInvite> byEmail = pending.stream().map(PendingInvite.class::cast)
                .collect(Collectors.toMap(invite -> EmailAddresses.key(invite.email()), Function.identity(),
                        (first, second) -> first));
        for (LedgerEntry entry : uncertain) {
            PendingInvite invite = byEmail.get(entry.emailKey());
            if (invite != null) {
                if (ledger.settle(entry.emailKey(), LedgerStatus.SENDING, LedgerStatus.INVITED, (long) invite.id(),
                        invite.expiresAt(), null)) {
                    LOG.info("{} was left SENDING; Retool has its invite {}: INVITED", entry.emailKey(), invite.id());
                }
            } else if (ledger.settle(entry.emailKey(), LedgerStatus.SENDING, LedgerStatus.RECEIVED, null, null,
                    null)) {
                LOG.info("{} was left SENDING; Retool has no invite for it: back to RECEIVED", entry.emailKey());
            }
        }
    }
}
