package io.camelretool.example.ledger;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.camelretool.example.intake.LogText;
import io.camelretool.example.pipeline.InviteReconciler;
import io.camelretool.example.report.BatchReportWriter;
import io.camelretool.example.report.WaitingNoteWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The steps of the ledger's housekeeping routes ({@code camel/ledger-sweeper.camel.yaml}), registered as the bean
 * {@code ledgerSweeper}: rows left SENDING by a crash are reconciled, settled batches get their reports (and batches
 * whose people wait a note saying how many and why), and replay records past their signature's window are forgotten.
 */
public final class LedgerSweeper {

    private static final Logger LOG = LoggerFactory.getLogger(LedgerSweeper.class);

    private final Ledger ledger;
    private final InviteReconciler reconciler;
    private final BatchReportWriter reports;
    private final WaitingNoteWriter waitingNotes;
    private final Duration deliveryWindow;
    /** What each batch's note last said (reasons and counts), so a note is rewritten only when that changes. */
    private final Map<String, Map<String, Long>> noted = new ConcurrentHashMap<>();

    /** @param deliveryWindow how long a signed delivery is remembered against replays (its signature's tolerance) */
    public LedgerSweeper(Ledger ledger, InviteReconciler reconciler, BatchReportWriter reports,
                         WaitingNoteWriter waitingNotes, Duration deliveryWindow) {
        this.ledger = ledger;
        this.reconciler = reconciler;
        this.reports = reports;
        this.waitingNotes = waitingNotes;
        this.deliveryWindow = deliveryWindow;
    }

    /** Rows left SENDING longer than the grace are checked against Retool's pending invites, then settled. */
    public void reconcile() {
        reconciler.reconcile();
    }

    /**
     * Writes the report of every batch whose rows are all settled; then, for every batch not reported because some
     * of its people wait for a next attempt, a note of how many wait and why (rewritten when that changes, removed
     * when nobody of it waits any more: its report replaces it).
     */
    public void writeReports() throws IOException {
        for (String batchId : ledger.reportableBatches()) {
            writeReport(batchId);
        }
        Map<String, Long> waitingByBatch = ledger.waitingSummary().waitingByBatch();
        for (String batchId : waitingByBatch.keySet()) {
            noteWaiting(batchId, waitingByBatch.get(batchId));
        }
        for (String batchId : noted.keySet()) {
            if (!waitingByBatch.containsKey(batchId)) {
                waitingNotes.remove(batchId);
                noted.remove(batchId);
            }
        }
    }

    private void noteWaiting(String batchId, long waiting) throws IOException {
        Batch batch = ledger.batch(batchId).orElse(null);
        if (batch == null || batch.reportedAt() != null) {
            return;
        }
        Map<String, Long> reasons = ledger.waitingReasons(batchId);
        if (!reasons.equals(noted.get(batchId))) {
            waitingNotes.write(batch, waiting, reasons);
            noted.put(batchId, reasons);
            LOG.info("Batch {} ({} {}) is not settled: {} signup(s) wait for a next attempt; why in {}", batchId,
                    batch.source(), LogText.of(batch.name()), waiting,
                    WaitingNoteWriter.file(reports.folder(), batchId));
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
        waitingNotes.remove(batchId);
        noted.remove(batchId);
        // on several nodes the one that marks it logs it
        if (ledger.markReported(batchId)) {
            LOG.info("Report of batch {} ({} {}): {} signup(s) {}; new seats cost {} {} a month; {}{}", batchId,
                    batch.source(), LogText.of(batch.name()), written.lines(), written.byOutcome(),
                    written.newSeatCost().monthlyTotal(), written.newSeatCost().currency(), written.json(),
                    written.deadLetter() == null ? "" : "; failed signups in " + written.deadLetter());
        }
    }
}
