package io.camelretool.example;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import javax.sql.DataSource;

import io.camelretool.example.access.EmbedSessions;
import io.camelretool.example.access.Offboarding;
import io.camelretool.example.config.AccessSettings;
import io.camelretool.example.config.AdminToken;
import io.camelretool.example.config.Connections;
import io.camelretool.example.config.ExampleSettings;
import io.camelretool.example.config.RetoolTarget;
import io.camelretool.example.config.WebhookSecret;
import io.camelretool.example.config.HealingSettings;
import io.camelretool.example.healing.RetoolOutage;
import io.camelretool.example.healing.RetoolReachabilityCheck;
import io.camelretool.example.intake.folder.InboxEndpoint;
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
import org.apache.camel.ProducerTemplate;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.support.service.ServiceSupport;

/**
 * What the routes share, made once per Camel context before its routes are configured: the settings, what the
 * application talks to, the ledger and the steps of the pipeline. The ledger's tables are created when it is made;
 * its database is closed with the context. It is no locator: the application's setup binds each service in Camel's
 * registry under its own name, and the route files' beans ({@code config/*Beans}) take them by type.
 */
public final class SignupServices extends ServiceSupport {

    private final ExampleSettings settings;
    private final Connections connections;
    private final DataSource dataSource;
    private final Ledger ledger;
    private final Clock clock;
    private final AccessSettings access;
    private final WebhookSecret embedSecret;
    private final AdminToken adminToken;
    private final RetoolOutage outage;
    private CamelContext context;

    private SignupServices(ExampleSettings settings, AccessSettings access, Connections connections, Clock clock)
            throws IOException {
        this.settings = settings;
        this.connections = connections;
        this.clock = clock;
        this.access = access;
        boolean local = connections.retool().isSandbox();
        this.embedSecret = WebhookSecret.resolve(access.embedSecret(), local, "EMBED_SECRET");
        this.adminToken = AdminToken.resolve(access.adminToken(), local);
        // first, so that no folder made below makes the data folder as any folder
        InboxEndpoint.createFolders(settings.signupsDir());
        // the embedded ledger holds every person's data in plain text: its folder and files are the user's alone
        boolean embedded = settings.ledgerUrl().equals(LedgerDataSource.embeddedUrl(settings.signupsDir()));
        Path ledgerFolder = settings.signupsDir().resolve("ledger");
        if (embedded) {
            PrivateFiles.directory(ledgerFolder);
        }
        this.dataSource = LedgerDataSource.forUrl(settings.ledgerUrl(), settings.ledgerUsername(),
                settings.ledgerPassword());
        this.ledger = new Ledger(dataSource, clock);
        ledger.readmitOffboarded(access.readmitOffboarded());
        ledger.createSchema();
        if (embedded) {
            PrivateFiles.restrictTree(ledgerFolder);
        }
        HealingSettings healing = settings.healing();
        this.outage = new RetoolOutage(healing.firstProbe(), healing.maxProbe(), clock, ledger::waitingSummary,
                ledger::wakeWaiting, connections.retool().baseUrl());
    }

    /** Makes the context's services and registers them, so they stop with it. */
    static SignupServices register(CamelContext context, ExampleSettings settings, AccessSettings access,
                                   Connections connections) throws Exception {
        SignupServices services = new SignupServices(settings, access, connections, Clock.systemUTC());
        services.context = context;
        context.addService(services, true, false);
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

    public AccessSettings access() {
        return access;
    }

    /** The secret host backends sign Embed session requests with; empty when the endpoint is off. */
    public WebhookSecret embedSecret() {
        return embedSecret;
    }

    /** The admin API's bearer token; not enabled when the API is off. */
    public AdminToken adminToken() {
        return adminToken;
    }

    /** The landing page an Embed session opens when the request names none; a demo page against the sandbox. */
    public String defaultLandingPage() {
        if (access.landingPageUuid().isEmpty() && connections.retool().isSandbox()) {
            return AccessSettings.DEMO_LANDING_PAGE;
        }
        return access.landingPageUuid();
    }

    /**
     * The groups of an Embed user whose class has none configured: in a local run the sandbox's "External Users"
     * group, so the demo works without configuration; against a real Retool none (such a session is refused).
     */
    public List<Integer> fallbackEmbedGroups() {
        return connections.retool().isSandbox() ? List.of(RetoolTarget.DEMO_EMBED_GROUP) : List.of();
    }

    public EmbedSessions embedSessions() {
        return new EmbedSessions(ledger, intake(), settings.policy(), access, defaultLandingPage(),
                fallbackEmbedGroups());
    }

    public Offboarding offboarding(ProducerTemplate retool) {
        return new Offboarding(ledger, retool, access.offboardAttribute(), clock);
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
