package io.camelretool.example;

import java.time.Clock;
import javax.sql.DataSource;

import io.camelretool.example.config.ExampleSettings;
import io.camelretool.example.ledger.Ledger;
import io.camelretool.example.ledger.LedgerDataSource;
import io.camelretool.example.pipeline.InvitePipeline;
import io.camelretool.example.pipeline.InviteReconciler;
import io.camelretool.example.pipeline.SignupIntake;
import io.camelretool.example.report.BatchReportWriter;
import org.apache.camel.CamelContext;
import org.apache.camel.support.service.ServiceSupport;

/**
 * What the routes share, made once per Camel context from its settings: the ledger and the steps of the pipeline.
 * The ledger's tables are created when it is made, before any route starts; its database is closed with the context.
 */
public final class SignupServices extends ServiceSupport {

    private static final String REGISTRY_NAME = "signupServices";

    private final ExampleSettings settings;
    private final DataSource dataSource;
    private final Ledger ledger;
    private final Clock clock;

    private SignupServices(ExampleSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.dataSource = LedgerDataSource.forUrl(settings.ledgerUrl(), settings.ledgerUsername(),
                settings.ledgerPassword());
        this.ledger = new Ledger(dataSource, clock);
        ledger.createSchema();
    }

    /** The context's services, made on first use by the first route that needs them. */
    public static synchronized SignupServices of(CamelContext context) {
        SignupServices existing = context.getRegistry().lookupByNameAndType(REGISTRY_NAME, SignupServices.class);
        if (existing != null) {
            return existing;
        }
        SignupServices created = new SignupServices(ExampleSettings.from(context), Clock.systemUTC());
        context.getRegistry().bind(REGISTRY_NAME, created);
        try {
            context.addService(created, true);
        } catch (Exception e) {
            throw new IllegalStateException("the ledger could not be registered with Camel: " + e.getMessage(), e);
        }
        return created;
    }

    public ExampleSettings settings() {
        return settings;
    }

    public Ledger ledger() {
        return ledger;
    }

    public SignupIntake intake() {
        return new SignupIntake(ledger, settings.classifier());
    }

    public InvitePipeline pipeline() {
        return new InvitePipeline(ledger, settings.policy());
    }

    public InviteReconciler reconciler() {
        return new InviteReconciler(ledger, settings.reconcileAfter(), clock);
    }

    public BatchReportWriter reportWriter() {
        return new BatchReportWriter(settings.reports(), settings.deadLetter(), settings.prices(), settings.dryRun());
    }

    @Override
    protected void doStop() {
        LedgerDataSource.close(dataSource);
    }
}
