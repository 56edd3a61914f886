package io.camelretool.example.config;

import io.camelretool.example.access.EmbedSessionSteps;
import io.camelretool.example.access.EmbedSessions;
import io.camelretool.example.access.Offboarding;
import io.camelretool.example.access.OffboardingApi;
import io.camelretool.example.api.AdminGate;
import io.camelretool.example.ledger.Ledger;
import org.apache.camel.BeanInject;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;

/**
 * The named beans of the access routes ({@code camel/embed-sessions.camel.yaml}, {@code offboarding.camel.yaml},
 * {@code offboarding-api.camel.yaml}), bound by Camel Main under the names the routes use. A method's parameters are
 * the application's services, looked up in the registry by type: the application's setup binds them before Camel Main
 * reads this class. The offboarding sweeper calls the service {@code offboarding} itself, the one the admin API's
 * bean and the console use too.
 */
public class AccessBeans implements CamelConfiguration {

    /** EMBED_SECRET's (generated beside the local sandbox); a second {@link WebhookSecret}, hence by name. */
    @BeanInject("embedSecret")
    WebhookSecret embedSecret;

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
}
