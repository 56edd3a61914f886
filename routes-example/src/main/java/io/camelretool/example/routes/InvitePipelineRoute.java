package io.camelretool.example.routes;

import java.time.Duration;
import java.util.concurrent.ExecutorService;

import io.camelretool.example.SignupServices;
import io.camelretool.example.ledger.LedgerException;
import io.camelretool.example.pipeline.InvitePipeline;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.processor.aggregate.GroupedBodyAggregationStrategy;

/**
 * The one pipeline every intake feeds: it takes the ledger's waiting rows (new ones, and those a crash or the daily
 * cap left behind) a chunk at a time, applies the policy, and invites with {@code retool:invite}, the chunk's calls
 * in parallel (the component's rate limiter still spaces them). A call that fails after the component's retries
 * parks its row as FAILED; the batch report's dead-letter file can replay it.
 */
public class InvitePipelineRoute extends RouteBuilder {

    /** Calls in flight at once; the asynchronous producer holds no thread while a call is out. */
    private static final int PARALLEL_CALLS = 16;

    @Override
    public void configure() {
        SignupServices services = SignupServices.of(getCamelContext());
        InvitePipeline pipeline = services.pipeline();
        // three renewals within the grace a row left SENDING gets before it is reconciled
        Duration leaseRenewal = Duration.ofMillis(Math.max(100, services.settings().reconcileAfter().toMillis() / 3));
        ExecutorService calls = getCamelContext().getExecutorServiceManager()
                .newFixedThreadPool(this, "invite-calls", PARALLEL_CALLS);

        // synchronous: a round waits until the previous one is done, so one node never races itself over a row
        from("timer:invite-pipeline?synchronous=true&delay=500&period={{pipeline.poll-delay}}")
                .routeId("invite-pipeline")
                // rows claimed before the ledger went away stay SENDING and are reconciled; the rest wait
                .onException(LedgerException.class).handled(true).logStackTrace(false)
                    .log(LoggingLevel.WARN, "The pipeline cannot reach the ledger; next round in "
                                            + "{{pipeline.poll-delay}} ms: ${exception.message}")
                .end()
                .process(pipeline::startRound)
                .loopDoWhile(exchangeProperty(InvitePipeline.MORE).isEqualTo(true))
                    .process(pipeline::claimChunk)
                    .split(body(), new GroupedBodyAggregationStrategy()).parallelProcessing()
                            .executorService(calls)
                        .to("direct:send-invite")
                    .end()
                    .process(pipeline::recordChunk)
                .end();

        // while a chunk's calls are out, its rows' claims are renewed: only a stopped node's rows get reconciled
        from("timer:invite-claims?synchronous=true&period=" + leaseRenewal.toMillis()).routeId("invite-claims")
                .process(exchange -> pipeline.renewClaims());

        // the claimed row's call: its answer, or the reason it failed once the component's retries are spent
        from("direct:send-invite").routeId("send-invite")
                .process(pipeline::sendable)
                .doTry()
                    .to("direct:call-retool")
                    .process(pipeline::answered)
                .doCatch(Exception.class)
                    .process(pipeline::failed)
                .end();

        // a row claimed before looks at Retool's pending invites afresh; a pending invite found for the email gets
        // the row's attributes (an earlier attempt that created it may have stopped before setting them); a failure
        // goes back to the caller whole
        from("direct:call-retool").routeId("call-retool").errorHandler(noErrorHandler())
                .choice()
                    .when(exchangeProperty(InvitePipeline.LOOK_AFRESH).isEqualTo(true))
                        .to("retool:invite?updatePendingAttributes=true&pendingInvitesCacheTtl=0")
                    .otherwise()
                        .to("retool:invite?updatePendingAttributes=true")
                .end();
    }
}
