package io.camelretool.example.routes;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

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

    /** Rows taken at a time; while pages come back full, the next follows at once instead of at the next poll. */
    private static final int ROWS_PER_PAGE = 100;
    private static final String NEXT_PAGE_NOW = "signupNextPageNow";

    @Override
    public void configure() {
        SignupServices services = SignupServices.of(getCamelContext());
        Ledger ledger = services.ledger();
        InvitePipeline pipeline = services.pipeline();

        // synchronous: a tick waits until the previous one is done, so one node never races itself over a row
        from("timer:invite-pipeline?synchronous=true&delay=500&period={{pipeline.poll-delay}}")
                .routeId("invite-pipeline")
                .loopDoWhile(exchangeProperty(NEXT_PAGE_NOW).isNotEqualTo(false))
                    .process(exchange -> {
                        List<String> page = ledger.waiting(ROWS_PER_PAGE);
                        exchange.getMessage().setBody(page);
                        exchange.setProperty(NEXT_PAGE_NOW, page.size() == ROWS_PER_PAGE);
                        exchange.setProperty(InvitePipeline.ROW_LEFT, new AtomicBoolean());
                    })
                    .split(body())
                        .doTry()
                            .process(pipeline::prepare)
                            .filter(exchangeProperty(InvitePipeline.SEND).isEqualTo(true))
                                .to("direct:send-invite")
                            .end()
                        .endDoTry()
                        .doCatch(Exception.class)
                            .process(pipeline::leaveForLater)
                        .end()
                    .end()
                    // a row left behind would come back at once in the next page: wait for the next poll instead
                    .process(exchange -> exchange.setProperty(NEXT_PAGE_NOW,
                            exchange.getProperty(NEXT_PAGE_NOW, Boolean.class)
                            && !exchange.getProperty(InvitePipeline.ROW_LEFT, AtomicBoolean.class).get()))
                .end();

        // the claimed row gets the call's outcome, or FAILED with the reason once the component's retries are spent
        from("direct:send-invite").routeId("send-invite")
                .doTry()
                    // a pending invite found for the email gets the row's attributes: an earlier attempt that
                    // created it may have stopped before setting them
                    .to("retool:invite?updatePendingAttributes=true")
                    .process(pipeline::recordInvite)
                .doCatch(Exception.class)
                    .process(pipeline::recordFailure)
                .end();
    }
}
