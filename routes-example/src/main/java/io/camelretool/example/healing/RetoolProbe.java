package io.camelretool.example.healing;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.camelretool.component.RetoolEndpoint;
import io.camelretool.component.client.RetoolClient;
import org.apache.camel.CamelContext;
import org.apache.camel.support.service.ServiceHelper;

/**
 * The one cheap call made while Retool is unreachable: a read of the organisation's attribute definitions (one small
 * page, read-only, through the same client, key and rate limit as the invites, and with no retry of its own). Any
 * answer from Retool, even a refusal, ends the outage; the probe's failure says why it goes on.
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

    /** Probes Retool once, if an outage's next probe is due. */
    public void probeIfDue() throws InterruptedException {
        if (!outage.probeDue()) {
            return;
        }
        RetoolEndpoint endpoint = context.getEndpoint(ENDPOINT, RetoolEndpoint.class);
        // an endpoint first resolved after the start is started here; a started one is left as it is
        ServiceHelper.startService(endpoint);
        RetoolClient client = endpoint.getClient();
        try {
            client.send("GET", PATH, null).get(timeoutMillis, TimeUnit.MILLISECONDS);
            outage.probed(null, null);
        } catch (ExecutionException | CompletionException failed) {
            Throwable cause = failed.getCause() == null ? failed : failed.getCause();
            outage.probed(FailureKind.of(cause), cause.getMessage());
        } catch (TimeoutException slow) {
            outage.probed(FailureKind.TRANSIENT, "Retool did not answer a probe within " + timeoutMillis + " ms");
        }
    }
}
