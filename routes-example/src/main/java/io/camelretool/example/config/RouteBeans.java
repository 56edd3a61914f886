package io.camelretool.example.config;

import io.camelretool.example.intake.folder.FolderIntake;
import io.camelretool.example.intake.folder.InboxEndpoint;
import io.camelretool.example.intake.folder.InboxEntryFilter;
import io.camelretool.example.intake.mail.MailIntake;
import io.camelretool.example.intake.webhook.WebhookIntake;
import io.camelretool.example.ledger.Ledger;
import io.camelretool.example.ledger.LedgerSweeper;
import io.camelretool.example.pipeline.InviteReconciler;
import io.camelretool.example.pipeline.SignupIntake;
import io.camelretool.example.report.BatchReportWriter;
import io.camelretool.example.report.WaitingNoteWriter;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.PropertyInject;

/**
 * The named beans the YAML routes ({@code src/main/resources/camel/*.camel.yaml}) call, bound by Camel Main under the
 * names the routes use. A method's parameters are looked up in the registry by type: the application's setup binds
 * the services they take (the ledger, the intake, the settings, what it connects to) before Camel Main reads this
 * class; a route test binds its own.
 */
public class RouteBeans implements CamelConfiguration {

    /** The folder route's {@code filter}: only regular files of the inbox are read. */
    @BindToRegistry(InboxEndpoint.FILTER)
    public InboxEntryFilter inboxEntryFilter() {
        return new InboxEntryFilter();
    }

    /** MAIL_MAX_BYTES: a larger mail is set aside for review from its size, before any of it is fetched. */
    @PropertyInject(value = "mail.max-bytes", defaultValue = "16777216")
    long maxMailBytes;

    /** The mailbox route's step: one polled mail into the ledger, or to review with its reason. */
    @BindToRegistry("mailIntake")
    public MailIntake mailIntake(SignupIntake intake, Connections connections, ExampleSettings settings) {
        return new MailIntake(intake, connections.mailbox(), settings.signupsDir(), maxMailBytes);
    }

    /** The webhook route's steps: its checks, refusals and acceptance; its secret is WEBHOOK_SECRET's. */
    @BindToRegistry("webhookIntake")
    public WebhookIntake webhookIntake(SignupIntake intake, Connections connections) {
        return new WebhookIntake(connections.webhookSecret().value().orElse(null), intake);
    }

    /** The housekeeping routes' steps: reconcile, write reports, forget expired replay records. */
    @BindToRegistry("ledgerSweeper")
    public LedgerSweeper ledgerSweeper(Ledger ledger, InviteReconciler reconciler, BatchReportWriter reports) {
        return new LedgerSweeper(ledger, reconciler, reports, new WaitingNoteWriter(reports.folder()),
                WebhookIntake.TOLERANCE);
    }

    /** The folder route's steps: accept a CSV, or set it aside with its reason. */
    @BindToRegistry("folderIntake")
    public FolderIntake folderIntake(SignupIntake intake) {
        return new FolderIntake(intake);
    }
}
