package io.camelretool.example.config;

import io.camelretool.example.SignupServices;
import io.camelretool.example.intake.folder.FolderIntake;
import io.camelretool.example.intake.folder.InboxEntryFilter;
import io.camelretool.example.intake.mail.MailIntake;
import io.camelretool.example.intake.webhook.WebhookIntake;
import io.camelretool.example.ledger.LedgerSweeper;
import io.camelretool.example.report.WaitingNoteWriter;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.PropertyInject;

/**
 * The named beans the YAML routes ({@code src/main/resources/camel/*.camel.yaml}) call, bound by Camel Main under the
 * names the routes use. A method's parameters are looked up in the registry by type: {@link SignupServices} is bound
 * by the application's setup before Camel Main reads this class.
 */
public class RouteBeans implements CamelConfiguration {

    /** The folder route's {@code filter}: only regular files of the inbox are read. */
    @BindToRegistry("inboxEntryFilter")
    public InboxEntryFilter inboxEntryFilter() {
        return new InboxEntryFilter();
    }

    /** MAIL_MAX_BYTES: a larger mail is set aside for review from its size, before any of it is fetched. */
    @PropertyInject(value = "mail.max-bytes", defaultValue = "16777216")
    long maxMailBytes;

    /** The mailbox route's step: one polled mail into the ledger, or to review with its reason. */
    @BindToRegistry("mailIntake")
    public MailIntake mailIntake(SignupServices services) {
        return new MailIntake(services.intake(), services.connections().mailbox(), services.settings().signupsDir(),
                maxMailBytes);
    }

    /** The webhook route's steps: its checks, refusals and acceptance; its secret is WEBHOOK_SECRET's. */
    @BindToRegistry("webhookIntake")
    public WebhookIntake webhookIntake(SignupServices services) {
        return new WebhookIntake(services.connections().webhookSecret().value().orElse(null), services.intake());
    }

    /** The housekeeping routes' steps: reconcile, write reports, forget expired replay records. */
    @BindToRegistry("ledgerSweeper")
    public LedgerSweeper ledgerSweeper(SignupServices services) {
        return new LedgerSweeper(services.ledger(), services.reconciler(), services.reportWriter(),
                new WaitingNoteWriter(services.reportWriter().folder()), WebhookIntake.TOLERANCE);
    }

    /** The folder route's steps: accept a CSV, or set it aside with its reason. */
    @BindToRegistry("folderIntake")
    public FolderIntake folderIntake(SignupServices services) {
        return new FolderIntake(services.intake());
    }
}
