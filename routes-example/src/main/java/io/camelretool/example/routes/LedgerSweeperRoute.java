package io.camelretool.example.routes;

import java.io.IOException;

import io.camelretool.example.SignupServices;
import io.camelretool.example.intake.LogText;
import io.camelretool.example.intake.webhook.WebhookIntake;
import io.camelretool.example.ledger.Batch;
import io.camelretool.example.ledger.Ledger;
import io.camelretool.example.pipeline.InviteReconciler;
import io.camelretool.example.report.BatchReportWriter;
import org.apache.camel.builder.RouteBuilder;

/**
 * Timers that keep the ledger honest: one takes up again rows a crash left in SENDING (a second after a start,
 * then regularly), for the pipeline to check against Retool's pending invites; one writes the report of every batch
 * whose signups are all settled; and one forgets the webhook deliveries whose signatures have expired.
 */
public class LedgerSweeperRoute extends RouteBuilder {

    @Override
    public void configure() {
        SignupServices services = SignupServices.of(getCamelContext());
        Ledger ledger = services.ledger();
        InviteReconciler reconciler = services.reconciler();
        BatchReportWriter reports = services.reportWriter();

        // synchronous: a tick waits until the previous one is done; the first comes a second after the start
        from("timer:ledger-reconcile?synchronous=true&period={{ledger.reconcile-period}}")
                .routeId("ledger-reconcile")
                .process(exchange -> reconciler.reconcile());

        from("timer:batch-reports?synchronous=true&delay=1000&period={{pipeline.poll-delay}}")
                .routeId("batch-reports")
                .process(exchange -> {
                    for (String batchId : ledger.reportableBatches()) {
                        writeReport(ledger, reports, batchId);
                    }
                });

        // deliveries past their signature's window are refused before the replay store is asked: forget them, a
        // window later, so that nodes whose clocks differ a little still find them
        from("timer:delivery-expiry?synchronous=true&period={{ledger.reconcile-period}}")
                .routeId("delivery-expiry")
                .process(exchange -> ledger.deliveries().forgetExpired(WebhookIntake.TOLERANCE));
    }

    /**
     * Writes the files first and marks the batch reported after: a crash in between writes them again (whole files,
     * replaced atomically), while the other order could leave a batch marked reported with no report on disk.
     */
    private void writeReport(Ledger ledger, BatchReportWriter reports, String batchId) throws IOException {
        Batch batch = ledger.batch(batchId).orElseThrow();
        BatchReportWriter.Written written = reports.write(batch, ledger);
        // on several nodes the one that marks it logs it
        if (ledger.markReported(batchId)) {
            log.info("Report of batch {} ({} {}): {} signup(s) {}; new seats cost {} {} a month; {}{}", batchId,
                    batch.source(), LogText.of(batch.name()), written.lines(), written.byOutcome(),
                    written.newSeatCost().monthlyTotal(), written.newSeatCost().currency(), written.json(),
                    written.deadLetter() == null ? "" : "; failed signups in " + written.deadLetter());
        }
    }
}
