package io.camelretool.example.pipeline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.camelretool.component.RetoolConstants;
import io.camelretool.component.classify.UserClass;
import io.camelretool.component.model.InviteResult;
import io.camelretool.example.healing.FailureKind;
import io.camelretool.example.healing.RetoolOutage;
import io.camelretool.example.intake.LogText;
import io.camelretool.example.ledger.Ledger;
import io.camelretool.example.ledger.LedgerEntry;
import io.camelretool.example.ledger.LedgerStatus;
import io.camelretool.example.ledger.Postponement;
import io.camelretool.example.ledger.RetryBackoff;
import io.camelretool.example.ledger.Settlement;
import io.camelretool.example.ledger.WaitingSummary;
import io.camelretool.example.policy.SeatBudget;
import io.camelretool.example.policy.SignupPolicy;
import org.apache.camel.Exchange;
import org.apache.camel.InvalidPayloadException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The steps around the invite calls, a chunk of ledger rows at a time: read the waiting rows, apply the policy,
 * record what is not to be sent and claim what is ({@code SENDING} is written before any call), then, once the
 * chunk's calls are answered, record every outcome. Each step is one transaction however large the chunk, so a
 * million signups cost a few thousand transactions rather than millions. The steps of the pipeline's routes
 * ({@code camel/invite-pipeline.camel.yaml}), registered as the bean {@code invitePipeline}.
 */
public final class InvitePipeline {

    /** Exchange property: true while a full chunk came back, so the next follows at once. */
    public static final String MORE = "signupMoreWaiting";
    /** Exchange property: today's room for new external seats in this round. */
    public static final String SEATS = "signupSeatBudget";
    /** Exchange property: the call a {@code send-invite} exchange is making. */
    public static final String CALL = "signupInviteCall";
    /** Exchange property: true when Retool is unreachable and the call is not made; its person waits. */
    public static final String HELD_BACK = "signupHeldBack";

    private static final Logger LOG = LoggerFactory.getLogger(InvitePipeline.class);

    private final Ledger ledger;
    private final SignupPolicy policy;
    private final int chunkSize;
    private final boolean dryRun;
    private final RetoolOutage outage;
    private final RetryBackoff backoff;
    /** The rows whose calls this node has out right now; their claims are renewed until they are recorded. */
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();

    /**
     * @param chunkSize rows taken at a time: with a rate limit, about ten seconds' worth of calls
     * @param dryRun    whether {@code retool:invite} only reports what it would do (rows are then not claimed)
     * @param outage    whether Retool is reachable (the component's call gate learns it from every attempt)
     * @param backoff   when a person whose call failed for a reason that may pass is tried again, or given up on
     */
    public InvitePipeline(Ledger ledger, SignupPolicy policy, int chunkSize, boolean dryRun, RetoolOutage outage,
                          RetryBackoff backoff) {
        this.ledger = ledger;
        this.policy = policy;
        this.chunkSize = chunkSize;
        this.dryRun = dryRun;
        this.outage = outage;
        this.backoff = backoff;
    }

    /** A round of the pipeline: today's seats are counted at most once in it. */
    public void startRound(Exchange exchange) {
        exchange.setProperty(SEATS, policy.seatBudget(ledger::externalSeatsClaimedToday));
        exchange.setProperty(MORE, true);
    }

    /** Body: the chunk's claimed calls, for this node to send. */
    public void claimChunk(Exchange exchange) {
        if (outage.holdsBack() && !dryRun) {
            // Retool is down: nobody is claimed, so nobody waits in SENDING; the outage's probe says when to go on,
            // and whoever has been failing for the give-up time is parked meanwhile
            ledger.giveUpWaiting(backoff).forEach(key -> LOG.warn("{}: FAILED - still failing after the give-up time "
                                                                 + "(RETRY_GIVE_UP_AFTER)", key));
            exchange.setProperty(MORE, false);
            exchange.getMessage().setBody(List.of());
            return;
        }
        SeatBudget seats = exchange.getProperty(SEATS, SeatBudget.class);
        List<LedgerEntry> waiting = new ArrayList<>(ledger.waiting(chunkSize));
        if (waiting.size() < chunkSize) {
            // today's room can come back (a claimed seat's invite failed for good): those held over the cap today are
            // taken up again, but only while the round has room, so that a full day does not churn them every round
            List<LedgerEntry> heldToday = ledger.overCapToday(chunkSize - waiting.size());
            if (!heldToday.isEmpty() && seats.hasRoom()) {
                waiting.addAll(heldToday);
            }
        }
        exchange.setProperty(MORE, waiting.size() == chunkSize);
        List<Settlement> holds = new ArrayList<>();
        Map<String, LedgerEntry> held = new LinkedHashMap<>();
        Map<String, InviteCall> toSend = new LinkedHashMap<>();
        List<String> externals = waiting.stream().filter(entry -> entry.userClass() == UserClass.EXTERNAL)
                .map(LedgerEntry::emailKey).toList();
        Set<String> pastCap = ledger.queries().pastCapToday(externals);
        Set<String> seatHeld = ledger.queries().waitingOnTodaysSeat(waiting.stream()
                .filter(entry -> entry.status() == LedgerStatus.WAITING && entry.userClass() == UserClass.EXTERNAL)
                .map(LedgerEntry::emailKey).toList(), ledger.startOfToday());
        for (LedgerEntry entry : waiting) {
            // an operator let this person past today's cap (in the console), or their seat was claimed today before
            // a failure that may pass (today's count holds it still): no seat is taken from today's room
            SignupPolicy.Decision decision = policy.decide(entry, pastCap.contains(entry.emailKey())
                    || seatHeld.contains(entry.emailKey()) ? SeatBudget.unbounded() : seats);
            if (decision instanceof SignupPolicy.Hold hold) {
                holds.add(new Settlement(entry.emailKey(), Set.of(entry.status()), hold.status(), null, null,
                        hold.reason()));
                held.put(entry.emailKey(), entry);
            } else {
                toSend.put(entry.emailKey(), InviteCall.of(entry, ((SignupPolicy.Invite) decision).request()));
            }
        }
        Set<String> recorded = ledger.settleAll(holds);
        holds.stream().filter(hold -> recorded.contains(hold.emailKey()))
                .forEach(hold -> logOutcome(held.get(hold.emailKey()), hold.to(), hold.error()));
        if (dryRun) {
            // nothing will be written to Retool, so there is nothing to guard: the outcomes settle the rows directly
            exchange.getMessage().setBody(List.copyOf(toSend.values()));
            return;
        }
        Map<String, LedgerStatus> claims = new LinkedHashMap<>();
        toSend.values().forEach(call -> claims.put(call.entry().emailKey(), call.entry().status()));
        // the conditional claim decides between nodes (or a reconciliation and a fresh round) reaching a row at once
        Set<String> won = ledger.claimAll(claims);
        inFlight.clear();
        inFlight.addAll(won);
        exchange.getMessage().setBody(toSend.values().stream().filter(call -> won.contains(call.entry().emailKey()))
                .toList());
    }

    /** Renews the claims of the rows whose calls are still out (a chunk may take longer than the reconcile grace). */
    public void renewClaims() {
        ledger.renewClaims(Set.copyOf(inFlight));
    }

    /**
     * Body: an {@link InviteCall}; becomes the call's request for {@code retool:invite}. A row claimed before (a
     * crash, a reconciliation, a failure that may pass, a replay) must be checked against Retool's pending invites
     * read after it last changed: another node, or an earlier life of this one, may have created its invite after an
     * older list was read. Rows asking for the same or an older moment share one read of the list.
     */
    public void sendable(Exchange exchange) throws InvalidPayloadException {
        InviteCall call = exchange.getMessage().getMandatoryBody(InviteCall.class);
        exchange.setProperty(CALL, call);
        exchange.setProperty(HELD_BACK, outage.holdsBack() && !dryRun);
        if (call.entry().attempts() > 0) {
            exchange.getMessage().setHeader(RetoolConstants.PENDING_INVITES_READ_SINCE, call.entry().updatedAt());
        }
        exchange.getMessage().setBody(call.request());
    }

    /** Body: the component's {@link InviteResult}; becomes the answered call. */
    public void answered(Exchange exchange) throws InvalidPayloadException {
        InviteResult result = exchange.getMessage().getMandatoryBody(InviteResult.class);
        exchange.getMessage().setBody(exchange.getProperty(CALL, InviteCall.class).answered(result));
    }

    /** The call failed after the component's retries: the call carries the reason, and whether it may pass. */
    public void failed(Exchange exchange) {
        Exception failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        String reason = failure == null ? "the invite call failed without a reason" : failure.getMessage();
        FailureKind kind = failure == null ? FailureKind.PERMANENT : FailureKind.of(failure);
        exchange.getMessage().setBody(exchange.getProperty(CALL, InviteCall.class).failed(reason, kind));
    }

    /** Retool is unreachable: the call is not made, and its person waits. */
    public void heldBack(Exchange exchange) {
        String reason = outage.state().map(state -> "held back: Retool unreachable since " + state.since() + " ("
                + state.reason() + ")").orElse("held back: Retool unreachable");
        exchange.getMessage().setBody(exchange.getProperty(CALL, InviteCall.class)
                .failed(reason, FailureKind.TRANSIENT));
    }

    /** Body: the chunk's answered and failed calls; each outcome is recorded, all in one transaction. */
    public void recordChunk(Exchange exchange) throws InvalidPayloadException {
        List<?> calls = exchange.getMessage().getMandatoryBody(List.class);
        List<Settlement> outcomes = new ArrayList<>();
        List<Postponement> postponed = new ArrayList<>();
        Map<String, InviteCall> byEmail = new LinkedHashMap<>();
        for (Object item : calls) {
            InviteCall call = (InviteCall) item;
            byEmail.put(call.entry().emailKey(), call);
            if (call.failure() != null && call.failureKind().waits()) {
                postponed.add(new Postponement(call.entry().emailKey(), call.failure()));
            } else {
                outcomes.add(outcome(call));
            }
        }
        Set<String> recorded = ledger.settleAll(outcomes);
        Map<String, LedgerStatus> waitingOrGivenUp = ledger.postponeAll(postponed, backoff);
        inFlight.clear();
        waitingOrGivenUp.forEach((key, status) -> logOutcome(byEmail.get(key).entry(), status,
                status == LedgerStatus.FAILED ? "given up on after RETRY_GIVE_UP_AFTER" : byEmail.get(key).failure()));
        if (!postponed.isEmpty()) {
            logWaiting(postponed);
        }
        for (Settlement outcome : outcomes) {
            if (recorded.contains(outcome.emailKey())) {
                logOutcome(byEmail.get(outcome.emailKey()).entry(), outcome.to(), outcome.inviteId() == null
                        ? outcome.error() : "invite " + outcome.inviteId());
            }
        }
    }

    /**
     * The row's new status. A call that outlived the reconcile grace finds its row put back to RECEIVED; its answer
     * still counts. A pending invite found for a row this pipeline tried before is the one that earlier attempt
     * created and lost the answer of: it counts as the row's invite.
     */
    private static Settlement outcome(InviteCall call) {
        String key = call.entry().emailKey();
        if (call.failure() != null) {
            return Settlement.ofCall(key, LedgerStatus.FAILED, null, null, call.failure());
        }
        InviteResult result = call.answer();
        LedgerStatus status = switch (result.status()) {
            case INVITED -> LedgerStatus.INVITED;
            case ALREADY_INVITED -> call.entry().attempts() > 0 ? LedgerStatus.INVITED : LedgerStatus.ALREADY_INVITED;
            case ALREADY_USER -> LedgerStatus.ALREADY_USER;
            case WOULD_INVITE -> LedgerStatus.WOULD_INVITE;
            case FAILED, REVOKED -> LedgerStatus.FAILED;
        };
        Long inviteId = result.inviteId() == null ? null : result.inviteId().longValue();
        // an invite already claimed names its user: what attribute sync and offboarding address them by
        return Settlement.ofCall(key, status, inviteId, result.expiresAt(), result.error(),
                status == LedgerStatus.ALREADY_USER ? result.userId() : null);
    }

    /** The logs say how many people wait and why, and which batches' reports wait for them. */
    private void logWaiting(List<Postponement> postponed) {
        WaitingSummary summary = ledger.waitingSummary();
        LOG.warn("{} call(s) of this chunk failed for a reason that may pass; {} people wait for a next attempt "
                 + "(the earliest at {}), {} more not yet taken up. Latest reason: {}. Reports waiting: {}",
                postponed.size(), summary.waiting(), summary.nextAttemptAt(), summary.received(),
                postponed.get(postponed.size() - 1).reason(), summary.waitingByBatch());
    }

    /** One line per outcome (a dry run's at debug level: there may be a million); the invite link stays out. */
    private static void logOutcome(LedgerEntry entry, LedgerStatus status, String detail) {
        String line = "{} {} ({} {}): {}{}";
        Object[] values = { entry.emailKey(), entry.userClass(), entry.signup().source(),
            LogText.of(entry.signup().sourceRef()), status, detail == null ? "" : " - " + LogText.of(detail) };
        if (status == LedgerStatus.FAILED) {
            LOG.warn(line, values);
        } else if (status == LedgerStatus.WOULD_INVITE || status == LedgerStatus.WAITING) {
            LOG.debug(line, values);
        } else {
            LOG.info(line, values);
        }
    }
}
