package io.camelretool.example;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import io.camelretool.component.RetoolComponent;
import io.camelretool.example.access.EmbedSessionSteps;
import io.camelretool.example.access.Offboarding;
import io.camelretool.example.config.AccessSettings;
import io.camelretool.example.config.ClusterSettings;
import io.camelretool.example.config.Connections;
import io.camelretool.example.config.ConfigurationSummary;
import io.camelretool.example.config.ConsoleSettings;
import io.camelretool.example.config.DemoMailbox;
import io.camelretool.example.config.LedgerInUse;
import io.camelretool.example.config.ListenPort;
import io.camelretool.example.config.StartRefused;
import io.camelretool.example.console.ConsoleAccess;
import io.camelretool.example.console.ConsoleServer;
import io.camelretool.example.config.ExampleSettings;
import io.camelretool.example.config.HttpServerLimits;
import io.camelretool.example.config.LifecycleSettings;
import io.camelretool.example.http.GuardedHttpServerFactory;
import io.camelretool.example.intake.sender.Sender;
import io.camelretool.example.intake.sender.Senders;
import io.camelretool.example.intake.folder.InboxEndpoint;
import io.camelretool.example.http.WebhookUnavailableAnswer;
import org.apache.camel.CamelContext;
import org.apache.camel.component.file.cluster.FileLockClusterService;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.MainListenerSupport;
import org.apache.camel.spi.PropertiesComponent;
import org.apache.camel.spi.Registry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads and checks the settings once {@code application.properties} is loaded, starts the local stand-ins for what
 * is not configured, points the retool component at the Retool in use, and, once everything runs, prints the
 * banner. It runs before Camel Main configures the component and the routes, so both see the final values.
 */
final class ApplicationSetup extends MainListenerSupport {

    private static final Logger LOG = LoggerFactory.getLogger(ApplicationSetup.class);
    /** The webhook's route file, loaded only when the webhook has a secret. */
    private static final String WEBHOOK_ROUTE = "**/webhook-intake.camel.yaml";
    /** The mailbox's route file, loaded only when the mailbox is on. */
    private static final String MAIL_ROUTE = "**/mail-intake.camel.yaml";
    /** The senders' route file, loaded only when one of them has a secret. */
    private static final String SENDER_ROUTES = "**/sender-intake.camel.yaml";
    /** The Embed sessions' route file, loaded only when EMBED_SECRET is set (or generated). */
    private static final String EMBED_ROUTE = "**/embed-sessions.camel.yaml";
    /** The admin API's offboarding route file, loaded only when ADMIN_TOKEN is set (or generated). */
    private static final String OFFBOARDING_API_ROUTE = "**/offboarding-api.camel.yaml";
    /** The read API's route file, loaded only when ADMIN_TOKEN is set (or generated). */
    private static final String PEOPLE_API_ROUTE = "**/people-api.camel.yaml";
    /** The demo host page's route file, loaded only beside the local sandbox with Embed sessions on. */
    private static final String HOST_DEMO_ROUTE = "**/host-demo.camel.yaml";

    /** The registry name of the one {@link Offboarding}: the sweeper's, the admin API's and the console's. */
    private static final String OFFBOARDING = "offboarding";

    private SignupServices services;
    private List<Sender> senders = List.of();
    private ConsoleAccess console;

    @Override
    public void beforeConfigure(BaseMainSupport main) {
        try {
            setUp(main);
        } catch (IllegalArgumentException badSetting) {
            // the settings refuse a value in one line naming its variable (and the value, never a secret's):
            // ExampleApplication prints that line and exits instead of Camel Main's stack trace
            throw new StartRefused(badSetting.getMessage());
        }
    }

    private void setUp(BaseMainSupport main) {
        CamelContext context = main.getCamelContext();
        ExampleSettings settings = ExampleSettings.from(context);
        logConfiguration(context);
        requireFreePorts(context, settings);
        LifecycleSettings lifecycle = LifecycleSettings.from(context);
        AccessSettings access = AccessSettings.read(key -> context.resolvePropertyPlaceholders("{{" + key + ":}}"));
        // Camel Main takes its HTTP servers from this factory: the webhook's server gets timeouts and a connection cap
        context.getRegistry().bind(GuardedHttpServerFactory.REGISTRY_NAME,
                new GuardedHttpServerFactory(HttpServerLimits.from(context)));
        Connections connections = Connections.open(settings,
                context.resolvePropertyPlaceholders("{{mail.demo:}}"),
                DemoMailbox.Ports.read(key -> context.resolvePropertyPlaceholders("{{" + key + ":}}")));
        try {
            context.addService(connections, true, false);
            if (settings.cluster().enabled()) {
                context.addService(clusterService(settings.cluster()));
            }
            services = SignupServices.register(context, settings, access, connections);
            bindServices(context, settings, lifecycle);
        } catch (Exception failed) {
            connections.stop();
            // a second copy on the same data folder: one line naming the folder and SIGNUPS_DIR, not H2's trace
            LedgerInUse.refusal(failed, settings).ifPresent(refusal -> {
                throw refusal;
            });
            throw new IllegalStateException("the application could not be set up: " + failed.getMessage(), failed);
        }
        // one circuit breaker for every retool endpoint: each HTTP attempt asks it, and tells it the outcome
        context.getComponent("retool", RetoolComponent.class).setCallGate(services.outage());
        PropertiesComponent properties = context.getPropertiesComponent();
        // the folder route's endpoint: wrapped in master: when nodes sharing the ledger elect one to read the folder
        properties.addOverrideProperty("intake.folder.uri",
                settings.cluster().intakeUri(ClusterSettings.FOLDER, InboxEndpoint.URI));
        pipelineProperties(properties, settings, lifecycle);
        properties.addOverrideProperty("camel.component.retool.base-url", connections.retool().baseUrl());
        properties.addOverrideProperty("camel.component.retool.api-key", connections.retool().apiKey());
        senders = Senders.configured(key -> context.resolvePropertyPlaceholders("{{" + key + ":}}"),
                Clock.systemUTC());
        List<String> signedPaths = new ArrayList<>();
        List<String> unusedRoutes = new ArrayList<>();
        if (connections.webhookSecret().value().isPresent()) {
            signedPaths.add("/signups");
        } else {
            // no secret, no webhook: its route file (and the bean RouteBeans binds for it) stays unused
            unusedRoutes.add(WEBHOOK_ROUTE);
        }
        // each sender's route is on when its secret is set (its precondition); the file when one of them is
        Senders.NAMES.forEach(name -> properties.addOverrideProperty("intake.sender." + name, String.valueOf(
                senders.stream().anyMatch(sender -> sender.name().equals(name)))));
        senders.forEach(sender -> signedPaths.add(sender.path()));
        if (senders.isEmpty()) {
            unusedRoutes.add(SENDER_ROUTES);
        }
        if (connections.mailbox().enabled()) {
            properties.addOverrideProperty("intake.mail.uri",
                    settings.cluster().intakeUri(ClusterSettings.MAIL, connections.mailbox().endpointUri()));
        } else {
            unusedRoutes.add(MAIL_ROUTE);
        }
        if (services.embedSecret().value().isEmpty()) {
            unusedRoutes.add(EMBED_ROUTE);
        }
        if (services.embedSecret().value().isEmpty() || !connections.retool().isSandbox()) {
            unusedRoutes.add(HOST_DEMO_ROUTE);
        }
        if (!services.adminToken().isSet()) {
            unusedRoutes.add(OFFBOARDING_API_ROUTE);
            unusedRoutes.add(PEOPLE_API_ROUTE);
        }
        if (!unusedRoutes.isEmpty()) {
            // beside any exclusion of the user's own (camel.main.routes-exclude-pattern)
            String own = main.configure().getRoutesExcludePattern();
            if (own != null && !own.isBlank()) {
                unusedRoutes.add(0, own);
            }
            main.configure().withRoutesExcludePattern(String.join(",", unusedRoutes));
        }
        if (services.embedSecret().value().isPresent()) {
            signedPaths.add(EmbedSessionSteps.PATH);
        }
        ConsoleSettings consoleSettings = ConsoleSettings.read(key -> context.resolvePropertyPlaceholders("{{" + key
                                                                                                   + ":}}"));
        console = ConsoleAccess.resolve(consoleSettings.users(), connections.retool().isSandbox(),
                consoleSettings.idleTimeout());
        if (console.enabled()) {
            // like the answer below, it adds its routes to Camel's HTTP server once that server is up
            context.getRegistry().bind("operatorConsole", new ConsoleServer(console, settings, connections.mailbox(),
                    services.ledger(), services.ledgerLifecycle(), services.intake(),
                    context.getRegistry().lookupByNameAndType(OFFBOARDING, Offboarding.class), services.outage(),
                    retoolDescription(connections, context)));
        }
        if (!signedPaths.isEmpty()) {
            // Camel Main registers the event notifiers it finds in the registry with the context it starts
            context.getRegistry().bind("webhookUnavailableAnswer",
                    new WebhookUnavailableAnswer(settings.webhookPort(), signedPaths));
        }
    }

    /**
     * The services the route files' beans take by type (config/AccessBeans, config/PipelineBeans), each bound once
     * under its own name, so that every route, and the console, use the same one; also for anyone copying a route
     * with its beans.
     */
    private void bindServices(CamelContext context, ExampleSettings settings, LifecycleSettings lifecycle) {
        Registry registry = context.getRegistry();
        registry.bind("ledger", services.ledger());
        registry.bind("adminToken", services.adminToken());
        registry.bind("embedSecret", services.embedSecret());
        registry.bind("embedSessions", services.embedSessions());
        // one per context: it knows which offboardings this node has under way, which the sweeper leaves alone
        registry.bind(OFFBOARDING, services.offboarding(context.createProducerTemplate()));
        registry.bind("exampleSettings", settings);
        registry.bind("lifecycleSettings", lifecycle);
        registry.bind("ledgerLifecycle", services.ledgerLifecycle());
        registry.bind("attributeSync", services.attributeSync());
        registry.bind("signupIntake", services.intake());
        registry.bind("retoolOutage", services.outage());
        registry.bind("connections", services.connections());
        registry.bind("inviteReconciler", services.reconciler());
        registry.bind("batchReportWriter", services.reportWriter());
    }

    /** The pipeline's and the lifecycle's route files read these values, checked and computed from the settings. */
    private static void pipelineProperties(PropertiesComponent properties, ExampleSettings settings,
                                           LifecycleSettings lifecycle) {
        // the claims of a chunk's rows are renewed three times within the grace a row left SENDING gets before it is
        // reconciled, and not more often than every 100 ms
        properties.addOverrideProperty("pipeline.claim-renewal-period",
                String.valueOf(Math.max(100, settings.reconcileAfter().toMillis() / 3)));
        properties.addOverrideProperty("pipeline.call-retries", String.valueOf(settings.healing().callRetries()));
        properties.addOverrideProperty("lifecycle.period", String.valueOf(lifecycle.period().toMillis()));
        // renewing an invite writes to Retool: not in a dry run
        properties.addOverrideProperty("lifecycle.renewals-on",
                String.valueOf(lifecycle.renewExpired() && !settings.dryRun()));
    }

    /** The settings in use, resolved and with secrets hidden (Camel's own summary is off: it shows placeholders). */
    private static void logConfiguration(CamelContext context) {
        Set<String> keys = context.getPropertiesComponent().loadProperties().stringPropertyNames();
        LOG.info("Configuration (resolved; secrets show only whether they are set):");
        ConfigurationSummary.lines(keys, key -> context.resolvePropertyPlaceholders("{{" + key + "}}"))
                .forEach(line -> LOG.info("    {}", line));
    }

    /**
     * Every port the application will listen on, tried before anything starts: Camel Main would only log a warning
     * for an HTTP server that cannot bind and start without the webhook and health endpoints. All are tried, and the
     * refusal names every one in the way, so a second copy on the same machine learns all it must move at once.
     */
    private static void requireFreePorts(CamelContext context, ExampleSettings settings) {
        List<ListenPort> ports = new ArrayList<>();
        if (Boolean.parseBoolean(context.resolvePropertyPlaceholders("{{camel.server.enabled:false}}").strip())) {
            ports.add(new ListenPort(context.resolvePropertyPlaceholders("{{camel.server.host:0.0.0.0}}").strip(),
                    settings.webhookPort(), "the webhook, health, console and API server", "WEBHOOK_PORT"));
        }
        if (Boolean.parseBoolean(context.resolvePropertyPlaceholders("{{camel.management.enabled:false}}").strip())) {
            String port = context.resolvePropertyPlaceholders("{{camel.management.port:9876}}").strip();
            ports.add(ListenPort.of(context.resolvePropertyPlaceholders("{{camel.management.host:0.0.0.0}}").strip(),
                    port, "the management server (health in detail, metrics)", "MANAGEMENT_PORT"));
        }
        if (Connections.startsDemoMailbox(settings, context.resolvePropertyPlaceholders("{{mail.demo:}}"))) {
            ports.addAll(DemoMailbox.Ports.read(key -> context.resolvePropertyPlaceholders("{{" + key + ":}}"))
                    .listened());
        }
        ListenPort.requireFree(ports);
    }

    /** What the console says of the Retool in use: never its key. */
    private static Map<String, String> retoolDescription(Connections connections, CamelContext context) {
        Map<String, String> description = new LinkedHashMap<>();
        description.put("Retool", connections.retool().isSandbox()
                ? "LOCAL STAND-IN retool-sandbox (Business plan)" : connections.retool().baseUrl());
        String limit = context.resolvePropertyPlaceholders("{{camel.component.retool.rate-limit-per-minute:45}}");
        description.put("Rate limit", "0".equals(limit.strip()) ? "off" : limit.strip() + " requests a minute");
        return description;
    }

    /** Camel's leader election by file lock: on one machine, or on several sharing the folder (NFSv4, say). */
    private static FileLockClusterService clusterService(ClusterSettings cluster) {
        FileLockClusterService service = new FileLockClusterService();
        service.setRoot(cluster.lockDir());
        if (!cluster.nodeId().isEmpty()) {
            service.setId(cluster.nodeId());
        }
        service.setAcquireLockInterval(cluster.lockInterval().toMillis(), TimeUnit.MILLISECONDS);
        service.setAcquireLockDelay(cluster.lockInterval().toMillis(), TimeUnit.MILLISECONDS);
        return service;
    }

    @Override
    public void afterStart(BaseMainSupport main) {
        CamelContext context = main.getCamelContext();
        System.out.println(Banner.text(services, senders, console, managementAddress(context),
                Boolean.parseBoolean(context.resolvePropertyPlaceholders("{{camel.management.metrics-enabled:false}}")
                        .strip())));
    }

    /**
     * Where the management server listens, as the banner says it: Camel's own summary of its endpoints writes
     * {@code 0.0.0.0} whatever host it is bound to, so log4j2.xml keeps that summary quiet.
     */
    private static String managementAddress(CamelContext context) {
        if (!Boolean.parseBoolean(context.resolvePropertyPlaceholders("{{camel.management.enabled:false}}").strip())) {
            return null;
        }
        String host = context.resolvePropertyPlaceholders("{{camel.management.host:0.0.0.0}}").strip();
        return "http://" + ("0.0.0.0".equals(host) ? "localhost" : host) + ":"
               + context.resolvePropertyPlaceholders("{{camel.management.port:9876}}").strip();
    }
}
