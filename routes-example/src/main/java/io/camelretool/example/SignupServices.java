package io.camelretool.example;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import javax.sql.DataSource;

import io.camelretool.example.config.Connections;
import io.camelretool.example.config.ExampleSettings;
import io.camelretool.example.config.HealingSettings;
import io.camelretool.example.healing.RetoolOutage;
import io.camelretool.example.healing.RetoolReachabilityCheck;
import io.camelretool.example.files.PrivateFiles;
import io.camelretool.example.ledger.Ledger;
import io.camelretool.example.ledger.AttributeSync;
import io.camelretool.example.ledger.LedgerDataSource;
import io.camelretool.example.ledger.LedgerLifecycle;
import io.camelretool.example.pipeline.InvitePipeline;
import io.camelretool.example.pipeline.InviteReconciler;
import io.camelretool.example.pipeline.SignupIntake;
import io.camelretool.example.report.BatchReportWriter;
import org.apache.camel.CamelContext;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.support.service.ServiceSupport;

/**
 * What the routes share, made once per Camel context before its routes are configured: the settings, what the
 * application talks to, the ledger and the steps of the pipeline. The ledger's tables are created when it is made;
 * its database is closed with the context.
 */
public final class SignupServices extends ServiceSupport {

    private static final String REGISTRY_NAME = "signupServices";

    private final ExampleSettings settings;
    private final Connections connections;
    private final DataSource dataSource;
    private final Ledger ledger;
    private final Clock clock;
    private final RetoolOutage outage;
    private CamelContext context;

    private SignupServices(ExampleSettings settings, Connections connections, Clock clock) throws IOException {
        this.settings = settings;
        this.connections = connections;
        this.clock = clock;
        // the embedded ledger holds every person's data in plain text: its folder and files are the user's alone
        boolean embedded = settings.ledgerUrl().equals(LedgerDataSource.embeddedUrl(settings.signupsDir()));
        Path ledgerFolder = settings.signupsDir().resolve("ledger");
        if (embedded) {
            PrivateFiles.directory(ledgerFolder);
        }
        this.dataSource = LedgerDataSource.forUrl(settings.ledgerUrl(), settings.ledgerUsername(),
                settings.ledgerPassword());
        this.ledger = new Ledger(dataSource, clock);
        ledger.createSchema();
        if (embedded) {
            PrivateFiles.restrictTree(ledgerFolder);
        }
        HealingSettings healing = settings.healing();
        this.outage = new RetoolOutage(healing.firstProbe(), healing.maxProbe(), clock, ledger::waitingSummary,
                ledger::wakeWaiting, connections.retool().baseUrl());
    }

    /** Makes the context's services and registers them, so they stop with it. */
    static SignupServices register(CamelContext context, ExampleSettings settings, Connections connections)
            throws Exception {
        SignupServices services = new SignupServices(settings, connections, Clock.systemUTC());
        context.getRegistry().bind(REGISTRY_NAME, services);
        services.context = context;
        context.addService(services, true, false);
        return services;
    }

    /** The context's services, registered when the application was set up. */
    public static SignupServices of(CamelContext context) {
        SignupServices services = context.getRegistry().lookupByNameAndType(REGISTRY_NAME, SignupServices.class);
        if (services == null) {
            throw new IllegalStateException("the signup services are made by ExampleApplication.newMain(); "
                                            + "start the application through it");
        }
        return services;
    }

    public ExampleSettings settings() {
        return settings;
    }

    public Connections connections() {
        return connections;
    }

    public Ledger ledger() {
        return ledger;
    }

    /** The ledger after the invite: joined, expired, revoked, vanished, renewals. */
    public LedgerLifecycle ledgerLifecycle() {
        return new LedgerLifecycle(dataSource, clock);
    }

    /** Later signups whose attributes differ, waiting to be applied in Retool. */
    public AttributeSync attributeSync() {
        return new AttributeSync(dataSource, clock);
    }

    public SignupIntake intake() {
        return new SignupIntake(ledger, settings.classifier());
    }

    public InvitePipeline pipeline() {
        return new InvitePipeline(ledger, settings.policy(), settings.pipelineChunkSize(), settings.dryRun(), outage,
                settings.healing().backoff());
    }

    /** Whether Retool is reachable, as the invite calls and the probes found; one per context. */
    public RetoolOutage outage() {
        return outage;
    }

    public InviteReconciler reconciler() {
        return new InviteReconciler(ledger, settings.reconcileAfter(), clock);
    }

    public BatchReportWriter reportWriter() {
        return new BatchReportWriter(settings.reports(), settings.deadLetter(), settings.prices(), settings.dryRun());
    }

    /** Camel Main sets up the health checks while configuring the context: by its start, their registry is there. */
    @Override
    protected void doStart() {
        HealthCheckRegistry health = HealthCheckRegistry.get(context);
        if (health != null) {
            health.register(new RetoolReachabilityCheck(outage, ledger));
        }
    }

    @Override
    protected void doStop() {
        LedgerDataSource.close(dataSource);
    }
}
