package io.camelretool.example.routes;

import java.util.List;

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

    /** Rows taken at a time; while a page comes back full, the next follows at once instead of at the next poll. */
    static final int ROWS_PER_PAGE = 100;
    private static final String FULL_PAGE = "signupPageWasFull";

    @Override
    public void configure() {
        SignupServices services = SignupServices.of(getCamelContext());
        Ledger ledger = services.ledger();
        InvitePipeline pipeline = services.pipeline();

        // synchronous: a tick waits until the previous one is done, so one node never races itself over a row
        from("timer:invite-pipeline?synchronous=true&delay=500&period={{pipeline.poll-delay}}")
                .routeId("invite-pipeline")
                .loopDoWhile(exchangeProperty(FULL_PAGE).isNotEqualTo(false))
                    .process(exchange -> {
                        List<String> page = ledger.waiting(ROWS_PER_PAGE);
                        exchange.getMessage().setBody(page);
                        exchange.setProperty(FULL_PAGE, page.size() == ROWS_PER_PAGE);
                    })
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
                    .end()
                .end();
    }
}
