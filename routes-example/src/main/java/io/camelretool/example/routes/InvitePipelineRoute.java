package io.camelretool.example.routes;

import java.time.Duration;
import java.util.concurrent.ExecutorService;

import io.camelretool.component.RetoolConstants;
import io.camelretool.example.SignupServices;
import io.camelretool.example.healing.RetoolProbe;
import io.camelretool.example.ledger.LedgerException;
import io.camelretool.example.pipeline.InvitePipeline;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.processor.aggregate.GroupedBodyAggregationStrategy;

/**
 * The one pipeline every intake feeds: it takes the ledger's waiting rows (new ones, and those a crash or the daily
 * cap left behind) a chunk at a time, applies the policy, and invites with {@code retool:invite}, the chunk's calls
 * in parallel (the component's rate limiter still spaces them). A call that fails after the component's retries for
 * a reason that may pass (no answer, 5xx, 429) makes its row wait and be taken up again after a backoff; a refusal
 * parks it as FAILED, and the batch report's dead-letter file can replay it. While most calls fail, Retool counts as
 * unreachable: nothing is sent, and one probe at growing intervals says when to resume.
 */
public class InvitePipelineRoute extends RouteBuilder {

    /**
     * Invite calls out at once. The asynchronous producer frees its thread while a call is out, so the split's thread
     * pool alone would let a whole chunk out together; the throttle holds the rest until one is answered, which
     * also bounds what is already out when Retool goes down.
     */
    private static final int PARALLEL_CALLS = 16;
    /** How long a probe may take: a Retool that answers slower than this is not back yet. */
    private static final long PROBE_TIMEOUT_MILLIS = 15_000;

    @Override
    public void configure() {
        SignupServices services = SignupServices.of(getCamelContext());
        InvitePipeline pipeline = services.pipeline();
        RetoolProbe probe = new RetoolProbe(getCamelContext(), services.outage(), PROBE_TIMEOUT_MILLIS);
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

        // the claimed row's call: its answer, or the reason it failed once the component's retries are spent; while
        // Retool is unreachable the call is not made at all, and its person waits
        from("direct:send-invite").routeId("send-invite")
                .throttle(PARALLEL_CALLS).concurrentRequestsMode()
                .process(pipeline::sendable)
                .choice()
                    .when(exchangeProperty(InvitePipeline.HELD_BACK).isEqualTo(true))
                        .process(pipeline::heldBack)
                    .otherwise()
                        .to("direct:try-invite")
                .end();

        from("direct:try-invite").routeId("try-invite")
                .doTry()
                    .to("direct:call-retool")
                    .process(pipeline::answered)
                .doCatch(Exception.class)
                    .process(pipeline::failed)
                .end();

        // a pending invite found for the email gets the row's attributes (an earlier attempt that created it may have
        // stopped before setting them); a row claimed before names the moment its list must have been read since
        // (see InvitePipeline.sendable); a 429 or 503 is retried only a little inside the call, since its person
        // waits and is tried again anyway; a failure goes back to the caller whole
        from("direct:call-retool").routeId("call-retool").errorHandler(noErrorHandler())
                .to("retool:invite?updatePendingAttributes=true&maxRetries="
                    + services.settings().healing().callRetries())
                // the answer keeps the link masked; the header is the plain link, and Camel's error handler prints
                // every header of an exchange that fails later (a ledger write, say), so it goes at once
                .removeHeader(RetoolConstants.INVITE_LINK);

        // while Retool is unreachable, one cheap call at growing intervals says when it is back
        from("timer:retool-probe?synchronous=true&delay=1000&period=1000").routeId("retool-probe")
                .process(exchange -> probe.probeIfDue());
    }
}
