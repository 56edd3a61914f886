package io.camelretool.example.config;

import java.time.Clock;

import io.camelretool.example.access.EmbedSessionSteps;
import io.camelretool.example.access.EmbedSessions;
import io.camelretool.example.access.HostDemo;
import io.camelretool.example.access.Offboarding;
import io.camelretool.example.access.OffboardingApi;
import io.camelretool.example.api.AdminGate;
import io.camelretool.example.api.PeopleApi;
import io.camelretool.example.api.ReadApi;
import io.camelretool.example.ledger.Ledger;
import io.camelretool.example.ledger.LedgerLifecycle;
import io.camelretool.example.report.SeatsReportWriter;
import org.apache.camel.BeanInject;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.PropertyInject;

/**
 * The named beans of the access routes ({@code camel/embed-sessions.camel.yaml}, {@code offboarding.camel.yaml},
 * {@code offboarding-api.camel.yaml}, {@code people-api.camel.yaml}, {@code host-demo.camel.yaml}), bound by Camel
 * Main under the names the routes use. A method's parameters are the application's services, looked up in the
 * registry by type: the application's setup binds them before Camel Main reads this class. The offboarding sweeper
 * calls the service {@code offboarding} itself, the one the admin API's bean and the console use too.
 */
public class AccessBeans implements CamelConfiguration {

    /** EMBED_SECRET's (generated beside the local sandbox); a second {@link WebhookSecret}, hence by name. */
    @BeanInject("embedSecret")
    WebhookSecret embedSecret;

    /** The application's HTTP port (WEBHOOK_PORT), where the demo host's backend asks for Embed sessions. */
    @PropertyInject(value = "camel.server.port", defaultValue = "8080")
    int httpPort;

    /** The Embed sessions route's steps: its checks, the admission, the answers around the mint. */
    @BindToRegistry("embedSessionSteps")
    public EmbedSessionSteps embedSessionSteps(EmbedSessions sessions, Ledger ledger) {
        return new EmbedSessionSteps(embedSecret.value().orElse(null), sessions, ledger.deliveries());
    }

    /** The admin API's first step: 401 without {@code Authorization: Bearer <ADMIN_TOKEN>}. */
    @BindToRegistry("adminGate")
    public AdminGate adminGate(AdminToken token) {
        return new AdminGate(token);
    }

    /** The admin API's offboarding and re-admission, through the application's one {@link Offboarding}. */
    @BindToRegistry("offboardingApi")
    public OffboardingApi offboardingApi(Offboarding offboarding) {
        return new OffboardingApi(offboarding);
    }

    /** The read API's steps; the seats reports go to a folder of their own beside the batch reports. */
    @BindToRegistry("readApi")
    public ReadApi readApi(Ledger ledger, LedgerLifecycle lifecycle, ExampleSettings settings) {
        // a folder of their own, so that whatever counts batch reports does not count these
        return new ReadApi(new PeopleApi(lifecycle, ledger, settings.policy(), settings.prices()),
                new SeatsReportWriter(settings.reports().resolve("seats"), Clock.systemUTC()));
    }

    /** The demo host page and its backend, signing with the Embed secret as a real host backend does. */
    @BindToRegistry("hostDemo")
    public HostDemo hostDemo() {
        return new HostDemo(embedSecret.value().orElse(null), httpPort);
    }
}
