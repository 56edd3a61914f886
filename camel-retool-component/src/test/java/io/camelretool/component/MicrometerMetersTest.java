package io.camelretool.component;

import java.util.List;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With a Micrometer registry in Camel's registry, the component records its calls by Retool endpoint and status,
 * its retries and their waits, the rate limiter's queue time and what each invite came to.
 */
class MicrometerMetersTest extends RetoolTestSupport {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        context.getRegistry().bind("meters", meters);
        return context;
    }

    @Test
    void callsAreCountedByEndpointAndStatusAndInvitesByOutcome() {
        send("retool:invite", "ada@example.com");
        send("retool:invite", "ada@example.com");
        send("retool:invite", List.of("grace@example.com", "broken"));
        send("retool:invite?continueOnError=true", List.of("linus@example.com", "broken"));

        assertThat(meters.get("retool.calls").tags("method", "POST", "endpoint", "/api/v2/user_invites",
                "status", "200").timer().count()).isEqualTo(2);
        assertThat(meters.get("retool.calls").tags("method", "GET", "endpoint", "/api/v2/user_invites/{id}",
                "status", "200").timer().count()).isEqualTo(1);
        assertThat(meters.get("retool.invites").tag("outcome", "INVITED").counter().count()).isEqualTo(2);
        assertThat(meters.get("retool.invites").tag("outcome", "ALREADY_INVITED").counter().count()).isEqualTo(1);
        assertThat(meters.get("retool.invites").tag("outcome", "FAILED").counter().count()).isEqualTo(1);
        assertThat(meters.get("retool.rate.limiter.queue").timer().count())
                .isEqualTo(sandbox().requests().size());
    }

    @Test
    void retriesAndTheirWaitsAreCountedByStatus() {
        sandbox().faults().rateLimitedRate(1.0);

        send("retool:invite?maxRetries=2&skipExisting=false", "ada@example.com");

        assertThat(meters.get("retool.retries").tag("status", "429").counter().count()).isEqualTo(2);
        Timer waits = meters.get("retool.retry.wait").tag("status", "429").timer();
        assertThat(waits.count()).isEqualTo(2);
        assertThat(meters.get("retool.calls").tags("endpoint", "/api/v2/user_invites", "status", "429").timer()
                .count()).isEqualTo(3);
    }

    @Test
    void aCallWithoutAnswerIsStatusZeroAndIdsDoNotMakeMetersOfTheirOwn() {
        send("retool:invite", "ada@example.com");
        send("retool:attributes?inviteId=1&target=invite", java.util.Map.of("plan", "gold"));
        send("retool:invite?baseUrl=http://127.0.0.1:1", "grace@example.com");

        assertThat(meters.get("retool.calls").tags("endpoint", "/api/v2/user_invites/{id}/user_attributes").timer()
                .count()).isEqualTo(1);
        // where the email stands is asked first of the accounts: that look-up found no server, and failed the call
        assertThat(meters.get("retool.calls").tags("method", "GET", "endpoint", "/api/v2/users", "status", "0")
                .timer().count()).isEqualTo(1);
    }
}
