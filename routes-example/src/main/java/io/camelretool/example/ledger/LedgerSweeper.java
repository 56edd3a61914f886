package io.camelretool.example.ledger;

import java.io.IOException;
import java.time.Duration;

import io.camelretool.example.intake.LogText;
import io.camelretool.example.pipeline.InviteReconciler;
import io.camelretool.example.report.BatchReportWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The steps of the ledger's housekeeping routes ({@code camel/ledger-sweeper.camel.yaml}), registered as the bean
 * {@code ledgerSweeper}: rows left SENDING by a crash are reconciled, settled batches get their reports, and replay
 * records past their signature's window are forgotten.
 */
public final class LedgerSweeper {

    private static final Logger LOG = LoggerFactory.getLogger(LedgerSweeper.class);

    private final Ledger ledger;
    private final InviteReconciler reconciler;
    private final BatchReportWriter reports;
    private final Duration deliveryWindow;

    /** @param deliveryWindow how long a signed delivery is remembered against replays (its signature's tolerance) */
    public LedgerSweeper(Ledger ledger, InviteReconciler reconciler, BatchReportWriter reports,
                         Duration deliveryWindow) {
        this.ledger = ledger;
        this.reconciler = reconciler;
        this.reports = reports;
        this.deliveryWindow = deliveryWindow;
    }

    /** Rows left SENDING longer than the grace are checked against Retool's pending invites, then settled. */
    public void reconcile() {
        reconciler.reconcile();
    }

    /** Writes the report of every batch whose rows are all settled. */
    public void writeReports() throws IOException {
        for (String batchId : ledger.reportableBatches()) {
            writeReport(batchId);
        }
    }

    /**
     * Deliveries past their signature's window are refused before the replay store is asked: forgets them, a window
     * later, so that nodes whose clocks differ a little still find them.
     */
    public void forgetExpiredDeliveries() {
        ledger.deliveries().forgetExpired(deliveryWindow);
    }

    /**
     * Writes the files first and marks the batch reported after: a crash in between writes them again (whole files,
     * replaced atomically), while the other order could leave a batch marked reported with no report on disk.
     */
    private void writeReport(String batchId) throws IOException {
        Batch batch = ledger.batch(batchId).orElseThrow();
        BatchReportWriter.Written written = reports.write(batch, ledger);
        // on several nodes the one that marks it logs it
        if (ledger.markReported(batchId)) {
            LOG.info("Report of batch {} ({} {}): {} signup(s) {}; new seats cost {} {} a month; {}{}", batchId,
                    batch.source(), LogText.of(batch.name()), written.lines(), written.byOutcome(),
                    written.newSeatCost().monthlyTotal(), written.newSeatCost().currency(), written.json(),
                    written.deadLetter() == null ? "" : "; failed signups in " + written.deadLetter());
        }
    }
}
