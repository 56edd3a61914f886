package io.camelretool.example.console;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.camelretool.component.RetoolEndpoint;
import io.camelretool.component.client.RateLimitUse;
import io.camelretool.component.client.RetoolCapabilities;
import io.camelretool.component.client.RetoolClient;
import io.camelretool.example.healing.RetoolOutage;
import org.apache.camel.ProducerTemplate;

/**
 * What the overview says of Retool's health: whether it is reachable (the healing's outage state, which every call
 * and probe feeds) and what the plan and key allow (the component's capability probe, made once and shared by every
 * endpoint, so a page view costs no call after the first), and how much of the client-side rate limit is in use
 * (the limiter every endpoint with the same base URL and key shares).
 */
final class RetoolStatus {

    private static final String CAPABILITIES = "retool:invite?inviteAction=capabilities";
    /** How long a page waits for the first capability probe before it says "not known yet". */
    private static final Duration PROBE_WAIT = Duration.ofSeconds(3);

    private final RetoolOutage outage;
    private final ProducerTemplate retool;

    RetoolStatus(RetoolOutage outage, ProducerTemplate retool) {
        this.outage = outage;
        this.retool = retool;
    }

    Map<String, String> describe() {
        Map<String, String> status = new LinkedHashMap<>();
        status.put("Reachable", outage.state().map(state -> "NO, held back since " + Layout.time(state.since())
                + ": " + state.reason() + " (next probe " + Layout.time(state.nextProbeAt()) + ")").orElse("yes"));
        status.put("Plan and key allow", capabilities());
        status.put("Rate limit in use", rateLimit());
        return status;
    }

    private String capabilities() {
        try {
            CompletableFuture<RetoolCapabilities> probe = retool.asyncRequestBody(CAPABILITIES, null,
                    RetoolCapabilities.class);
            RetoolCapabilities known = probe.get(PROBE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            List<String> allowed = new ArrayList<>();
            List<String> refused = new ArrayList<>();
            (known.canManageInvites() ? allowed : refused).add("invites");
            (known.canSetAttributes() ? allowed : refused).add("user attributes");
            (known.canListUsers() ? allowed : refused).add("looking users up (Enterprise)");
            (known.canMintEmbedUrls() ? allowed : refused).add("Embed URLs");
            return String.join(", ", allowed) + (refused.isEmpty() ? "" : "; not: " + String.join(", ", refused));
        } catch (java.util.concurrent.TimeoutException slow) {
            return "not known yet: Retool has not answered the probe";
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return "not known";
        } catch (Exception failed) {
            Throwable cause = failed.getCause() == null ? failed : failed.getCause();
            while (cause.getCause() != null && cause != cause.getCause()) {
                cause = cause.getCause();
            }
            return "not known: the probe failed (" + cause.getMessage() + ")";
        }
    }

    /** The probe's endpoint shares the limiter of every endpoint with the same base URL and key. */
    private String rateLimit() {
        RetoolClient client = retool.getCamelContext().getEndpoint(CAPABILITIES, RetoolEndpoint.class).getClient();
        if (client == null) {
            return "not known yet";
        }
        RateLimitUse use = client.rateLimitUse();
        if (!use.isLimited()) {
            return "no client-side limit (rateLimitPerMinute=0)";
        }
        long waitSeconds = use.waitForNextSlot().toSeconds();
        return use.inLastMinute() + " of " + use.perMinute() + " requests a minute"
               + (waitSeconds > 0 ? "; a request now waits " + waitSeconds + " s for its slot" : "");
    }
}
