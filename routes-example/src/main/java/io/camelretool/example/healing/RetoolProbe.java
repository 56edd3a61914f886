package io.camelretool.example.healing;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.camelretool.component.RetoolEndpoint;
import org.apache.camel.CamelContext;
import org.apache.camel.support.service.ServiceHelper;

/**
 * The one cheap call made while Retool is unreachable: a read of the organisation's attribute definitions (one small
 * page, read-only, through the same client, key and rate limit as the invites, and with no retry of its own). The
 * outage lets it out as its trial and learns its outcome from the client, like every attempt's: any answer from
 * Retool, even a refusal, ends the outage. When another route's attempt took the trial first, this one is held back.
 * The probe route's step ({@code camel/invite-pipeline.camel.yaml}), registered as the bean {@code retoolProbe}.
 */
public final class RetoolProbe {

    /** Read-only and small; Retool answers it (or refuses it with a 403) whatever the key's scopes. */
    static final String PATH = "/api/v2/user_attributes";
    /** The probe's endpoint: the application's Retool, without the component's own retries. */
    static final String ENDPOINT = "retool:invite?maxRetries=0";

    private final CamelContext context;
    private final RetoolOutage outage;
    private final long timeoutMillis;

    public RetoolProbe(CamelContext context, RetoolOutage outage, long timeoutMillis) {
        this.context = context;
        this.outage = outage;
        this.timeoutMillis = timeoutMillis;
    }

    /** Probes Retool once, if an outage's next probe is due; waits for the answer so that probes never overlap. */
    public void probeIfDue() throws InterruptedException {
        if (!outage.probeDue()) {
            return;
        }
        RetoolEndpoint endpoint = context.getEndpoint(ENDPOINT, RetoolEndpoint.class);
        // an endpoint first resolved after the start is started here; a started one is left as it is
        ServiceHelper.startService(endpoint);
        try {
            endpoint.getClient().send("GET", PATH, null).get(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (ExecutionException | CompletionException | TimeoutException outcomeToldToTheOutage) {
            // the client told the outage how the trial went (a slow one is told when its request times out)
        }
    }
}
