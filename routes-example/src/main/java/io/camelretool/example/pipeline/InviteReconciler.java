package io.camelretool.example.pipeline;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import io.camelretool.example.ledger.Ledger;
import io.camelretool.example.ledger.LedgerEntry;
import io.camelretool.example.ledger.LedgerStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes up rows left in {@code SENDING} (the process stopped between claiming a row and recording its outcome, or a
 * call outlived the grace): each goes back to the pipeline, which claims it again and, because it was claimed before,
 * checks it against Retool's pending invites read after the row was put back (see {@link InvitePipeline#sendable}).
 * That one read serves every row taken up in the same round, however many a crash left behind; an invite that did
 * reach Retool is counted as the row's invite and gets those of the row's attributes it does not already hold (the
 * stopped call may not have set them all), rather than being sent twice. Where the list cannot be read (Retool
 * down), the row's call fails before any create, and the row waits.
 */
public final class InviteReconciler {

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

    /** Puts the rows left SENDING longer than the grace back to RECEIVED, for the pipeline to check and send. */
    public void reconcile() {
        List<LedgerEntry> uncertain = ledger.uncertain(clock.instant().minus(grace));
        if (uncertain.isEmpty()) {
            return;
        }
        LOG.info("Reconciling {} row(s) left SENDING: the pipeline checks them against one fresh read of Retool's "
                 + "pending invites before sending anything", uncertain.size());
        for (LedgerEntry entry : uncertain) {
            if (ledger.settle(entry.emailKey(), LedgerStatus.SENDING, LedgerStatus.RECEIVED, null, null, null)) {
                LOG.info("{} was left SENDING; taken up again", entry.emailKey());
            }
        }
    }
}
