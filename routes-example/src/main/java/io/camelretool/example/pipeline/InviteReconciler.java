package io.camelretool.example.pipeline;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
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
 * Takes up rows left in {@code SENDING} (the process stopped between claiming a row and recording its outcome, or a
 * call outlived the grace): Retool's pending invites are read afresh first, then each row goes back to the
 * pipeline. Its invite call checks that fresh list (shared by every {@code retool:invite} endpoint of the same
 * Retool) before creating anything, so an invite that did reach Retool is not sent twice; it is counted as the
 * row's invite and gets the row's attributes, which the stopped call may not have set yet.
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

    /** Finds the uncertain rows; true when there are any, so the route reads Retool's pending invites afresh. */
    public boolean findUncertain(Exchange exchange) {
        List<LedgerEntry> uncertain = ledger.uncertain(clock.instant().minus(grace));
        exchange.setProperty(UNCERTAIN, uncertain);
        if (uncertain.isEmpty()) {
            return false;
        }
        LOG.info("Reconciling {} row(s) left SENDING against Retool's pending invites", uncertain.size());
        return true;
    }

    /** Body: the pending invites {@code retool:invite?inviteAction=list} returned. */
    public void reconcile(Exchange exchange) throws InvalidPayloadException {
        @SuppressWarnings("unchecked")
        List<LedgerEntry> uncertain = exchange.getProperty(UNCERTAIN, List.class);
        List<?> pending = exchange.getMessage().getMandatoryBody(List.class);
        Set<String> invited = pending.stream().map(invite -> EmailAddresses.key(((PendingInvite) invite).email()))
                .collect(Collectors.toSet());
        for (LedgerEntry entry : uncertain) {
            if (ledger.settle(entry.emailKey(), LedgerStatus.SENDING, LedgerStatus.RECEIVED, null, null, null)) {
                LOG.info("{} was left SENDING; {}", entry.emailKey(), invited.contains(entry.emailKey())
                        ? "Retool has its invite: the pipeline records it and completes its attributes"
                        : "Retool has no invite for it: the pipeline sends it again");
            }
        }
    }
}
