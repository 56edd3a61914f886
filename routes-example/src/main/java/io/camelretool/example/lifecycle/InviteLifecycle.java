package io.camelretool.example.lifecycle;

import io.camelretool.component.consumer.InviteChange;
import io.camelretool.example.ledger.LedgerLifecycle;
import org.apache.camel.Exchange;
import org.apache.camel.InvalidPayloadException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies what the {@code retool:invite} consumer saw change to the ledger's row of that invite: CLAIMED makes it
 * JOINED with the user id, EXPIRED, REVOKED and VANISHED take those statuses. A change for an invite the ledger does
 * not hold (sent by someone else), or whose row has moved on (renewed meanwhile), changes nothing; a change seen twice
 * (a restart, a second node) changes the row once. The lifecycle route's step ({@code camel/lifecycle.camel.yaml}),
 * registered as the bean {@code inviteLifecycle}.
 */
public final class InviteLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(InviteLifecycle.class);

    private final LedgerLifecycle ledger;

    public InviteLifecycle(LedgerLifecycle ledger) {
        this.ledger = ledger;
    }

    /** Body: an {@link InviteChange}. */
    public void apply(Exchange exchange) throws InvalidPayloadException {
        InviteChange change = exchange.getMessage().getMandatoryBody(InviteChange.class);
        boolean changed = switch (change.kind()) {
            case CLAIMED -> ledger.joined(change.inviteId(), change.userId(), change.claimedAt());
            case EXPIRED -> ledger.expired(change.inviteId());
            case REVOKED -> ledger.revoked(change.inviteId());
            case VANISHED -> ledger.vanished(change.inviteId());
        };
        if (changed) {
            LOG.info("{}: invite {} {}{}", change.email(), change.inviteId(), change.kind(),
                    change.userId() == null ? "" : " by " + change.userId());
        }
    }
}
