package io.camelretool.example.routes;

import io.camelretool.example.SignupServices;
import io.camelretool.example.ledger.Ledger;
import io.camelretool.example.pipeline.InvitePipeline;
import org.apache.camel.builder.RouteBuilder;

/**
 * The one pipeline every intake feeds: it takes the ledger's waiting rows (new ones, and those a crash or the daily cap
 * left behind), applies the policy, and invites with {@code retool:invite}. A call that fails after the component's
 * retries parks its row as FAILED; the batch report's dead-letter file can replay it.
 */
public class InvitePipelineRoute extends RouteBuilder {

    /** Rows taken per poll; the next poll follows as soon as these are done. */
    static final int ROWS_PER_POLL = 100;

    @Override
    public void configure() {
        SignupServices services = SignupServices.of(getCamelContext());
        Ledger ledger = services.ledger();
        InvitePipeline pipeline = services.pipeline();

        from("timer:invite-pipeline?delay=500&period={{pipeline.poll-delay}}").routeId("invite-pipeline")
                .process(exchange -> exchange.getMessage().setBody(ledger.waiting(ROWS_PER_POLL)))
                .split(body())
                    .process(pipeline::prepare)
                    .filter(exchangeProperty(InvitePipeline.SEND).isEqualTo(true))
                        .doTry()
                            .to("retool:invite")
                            .process(pipeline::recordInvite)
                        .doCatch(Exception.class)
                            .process(pipeline::recordFailure)
                        .end()
                    .end()
                .end();
    }
}
