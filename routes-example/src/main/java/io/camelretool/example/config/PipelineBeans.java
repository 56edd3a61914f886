package io.camelretool.example.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.ExecutorService;

import io.camelretool.example.files.PrivateFiles;
import io.camelretool.example.healing.RetoolOutage;
import io.camelretool.example.healing.RetoolProbe;
import io.camelretool.example.intake.sender.SenderIntakes;
import io.camelretool.example.intake.sender.Senders;
import io.camelretool.example.ledger.AttributeSync;
import io.camelretool.example.ledger.Ledger;
import io.camelretool.example.ledger.LedgerLifecycle;
import io.camelretool.example.lifecycle.AttributeSyncer;
import io.camelretool.example.lifecycle.InviteLifecycle;
import io.camelretool.example.lifecycle.InviteRenewals;
import io.camelretool.example.lifecycle.RenewalRound;
import io.camelretool.example.pipeline.InvitePipeline;
import io.camelretool.example.pipeline.SignupIntake;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.processor.aggregate.GroupedBodyAggregationStrategy;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.processor.state.FileStateRepository;

/**
 * The named beans of the invite pipeline's, the lifecycle's and the senders' route files (in {@code camel/}:
 * {@code invite-pipeline}, {@code lifecycle}, {@code sender-intake .camel.yaml}), bound by Camel Main under the names
 * the routes use. A method's parameters are the services it needs, looked up in the registry by type: the
 * application's setup binds them before Camel Main reads this class; a route test binds its own (a ledger in memory,
 * say).
 */
public class PipelineBeans implements CamelConfiguration {

    /**
     * Invite calls out at once: the size of {@code inviteCalls}, and the pipeline route's throttle. The asynchronous
     * producer frees its thread while a call is out, so the split's thread pool alone would let a whole chunk out
     * together; the throttle holds the rest until one is answered, which also bounds what is already out when
     * Retool goes down.
     */
    public static final int PARALLEL_CALLS = 16;
    /** How long a probe may take: a Retool that answers slower than this is not back yet. */
    static final long PROBE_TIMEOUT_MILLIS = 15_000;

    /** The pipeline route's steps: start a round, claim a chunk, send or hold back each call, record the chunk. */
    @BindToRegistry("invitePipeline")
    public InvitePipeline invitePipeline(Ledger ledger, ExampleSettings settings, RetoolOutage outage) {
        return new InvitePipeline(ledger, settings.policy(), settings.pipelineChunkSize(), settings.dryRun(), outage,
                settings.healing().backoff());
    }

    /** The thread pool of a chunk's parallel calls; Camel shuts it down with the context. */
    @BindToRegistry("inviteCalls")
    public ExecutorService inviteCalls(CamelContext context) {
        return context.getExecutorServiceManager().newFixedThreadPool(this, "invite-calls", PARALLEL_CALLS);
    }

    /** Gathers a chunk's answered and failed calls into one list, in the order of the chunk, for recordChunk. */
    @BindToRegistry("inviteOutcomes")
    public GroupedBodyAggregationStrategy inviteOutcomes() {
        return new GroupedBodyAggregationStrategy();
    }

    /** The probe route's step: while Retool is unreachable, one cheap call when the next probe is due. */
    @BindToRegistry("retoolProbe")
    public RetoolProbe retoolProbe(CamelContext context, RetoolOutage outage) {
        return new RetoolProbe(context, outage, PROBE_TIMEOUT_MILLIS);
    }

    /** The lifecycle route's step: one change of an invite moves its person's row. */
    @BindToRegistry("inviteLifecycle")
    public InviteLifecycle inviteLifecycle(LedgerLifecycle lifecycle) {
        return new InviteLifecycle(lifecycle);
    }

    /**
     * The lifecycle consumer's position, in {@code <signups.dir>/lifecycle/invites.state}: a restart neither misses
     * nor repeats a change.
     */
    @BindToRegistry("lifecycleInviteState")
    public StateRepository<String, String> lifecycleInviteState(ExampleSettings settings) throws Exception {
        Path stateFile = PrivateFiles.directory(settings.signupsDir().resolve("lifecycle")).resolve("invites.state");
        if (!Files.exists(stateFile)) {
            // made private before Camel's repository writes to it (it keeps the file's mode)
            PrivateFiles.write(stateFile, "");
        }
        return FileStateRepository.fileStateRepository(stateFile.toFile());
    }

    /** The attribute route's step: later signups' attributes applied to their person's invite or user. */
    @BindToRegistry("attributeSyncer")
    public AttributeSyncer attributeSyncer(CamelContext context, AttributeSync sync, ExampleSettings settings) {
        return new AttributeSyncer(sync, settings.dryRun(), context.createProducerTemplate());
    }

    /** The renewal route's step: expired invites renewed, up to MAX_INVITE_RENEWALS times a person. */
    @BindToRegistry("renewalRound")
    public RenewalRound renewalRound(CamelContext context, LedgerLifecycle lifecycle, ExampleSettings settings,
                                     LifecycleSettings lifecycleSettings) {
        return new RenewalRound(new InviteRenewals(lifecycle, settings.policy(), lifecycleSettings.maxRenewals(),
                settings.reconcileAfter(), Clock.systemUTC()), context.createProducerTemplate());
    }

    /**
     * The senders' routes' steps: each sender whose secret is set ({@code sources.<sender>.*}), checking its own
     * signature and handing mapped events to the same intake as every other signup.
     */
    @BindToRegistry("senderIntakes")
    public SenderIntakes senderIntakes(CamelContext context, SignupIntake intake) {
        return new SenderIntakes(Senders.configured(key -> context.resolvePropertyPlaceholders("{{" + key + ":}}"),
                Clock.systemUTC()), intake, Clock.systemUTC());
    }
}
