package io.camelretool.example.console;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.camelretool.component.client.RetoolCapabilities;
import io.camelretool.example.healing.RetoolOutage;
import org.apache.camel.ProducerTemplate;

/**
 * What the overview says of Retool's health: whether it is reachable (the healing's outage state, which every call
 * and probe feeds) and what the plan and key allow (the component's capability probe, made once and shared by every
 * endpoint, so a page view costs no call after the first).
 */
final class RetoolStatus {

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
        return status;
    }

    private String capabilities() {
        try {
            CompletableFuture<RetoolCapabilities> probe = retool.asyncRequestBody(
                    "retool:invite?inviteAction=capabilities", null, RetoolCapabilities.class);
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
}
