package io.camelretool.example.healing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.function.Supplier;

import io.camelretool.component.client.RetoolCallGate;
import io.camelretool.component.error.RetoolException;
import io.camelretool.example.ledger.LedgerException;
import io.camelretool.example.ledger.WaitingSummary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The application's circuit breaker in front of Retool, the {@code retool} component's call gate. It watches the
 * outcome of every HTTP attempt any route makes (invites, their retries, list reads, attribute updates, the
 * lifecycle's reads); when most of the recent ones failed for a reason that may pass, Retool counts as unreachable:
 * every further attempt fails at once without a call (requests already queued behind the rate limiter and retries
 * included), the pipeline stops claiming (its people wait in the ledger), and one attempt at growing intervals goes
 * out as a trial, the probe. The first trial Retool answers ends the outage, and the waiting people become due at
 * once, so the work resumes at full rate. Answers that are not the Retool API (HTML pages) from a Retool that never
 * answered properly since the start are a configuration error (a wrong base URL), said loudly at every failed probe;
 * from one that did, they are a proxy's error pages during an outage.
 */
public final class RetoolOutage implements RetoolCallGate {

    /**
     * What the health check and the logs say about an outage.
     *
     * @param misconfigured whether the answers are not the Retool API's and Retool never answered since the start
     */
    public record State(Instant since, String reason, boolean misconfigured, Instant nextProbeAt, int probes) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(RetoolOutage.class);
    private static final String RULE = "=".repeat(78);

    /**
     * Outcomes remembered; the outage starts when {@link #FAILURES_TO_OPEN} of them are failures. Few, so that it
     * starts before the calls already out have spent much: holding back by mistake costs one probe and a pause of
     * seconds, since the first answer makes every waiting person due again.
     */
    static final int WINDOW = 6;
    static final int FAILURES_TO_OPEN = 4;
    /**
     * How long a trial may stay out before another may go: the client tells every outcome, so this only guards against
     * a trial whose outcome was lost (it is longer than any request timeout a user sets).
     */
    static final Duration TRIAL_PATIENCE = Duration.ofMinutes(2);

    private final Duration firstProbe;
    private final Duration maxProbe;
    private final Clock clock;
    private final Supplier<WaitingSummary> waiting;
    private final Runnable onRecovery;
    private final String baseUrl;

    /** Recent call outcomes, newest last: true for a failure that may pass. */
    private final Deque<Boolean> recent = new ArrayDeque<>();
    private State state;
    private Duration probeInterval;
    /** Whether Retool answered anything since the start: HTML pages after that are an outage, not a wrong URL. */
    private boolean everAnswered;
    /** When the outage's trial attempt went out; null while none is out. */
    private Instant trialSince;

    /**
     * @param firstProbe the wait before the first probe; each failed probe doubles it
     * @param maxProbe   the longest wait between two probes
     * @param waiting    how many people wait, for the logs
     * @param onRecovery what happens when Retool answers again (the waiting people become due)
     * @param baseUrl    the Retool base URL, named when its answers are not the Retool API's
     */
    public RetoolOutage(Duration firstProbe, Duration maxProbe, Clock clock, Supplier<WaitingSummary> waiting,
                        Runnable onRecovery, String baseUrl) {
        this.firstProbe = firstProbe;
        this.maxProbe = maxProbe.compareTo(firstProbe) < 0 ? firstProbe : maxProbe;
        this.clock = clock;
        this.waiting = waiting;
        this.onRecovery = onRecovery;
        this.baseUrl = baseUrl;
    }

    /** True while Retool counts as unreachable: no invite call is to be made, only probes. */
    public synchronized boolean holdsBack() {
        return state != null;
    }

    public synchronized Optional<State> state() {
        return Optional.ofNullable(state);
    }

    /** True when it is time for the next probe of an outage and no trial is out. */
    public synchronized boolean probeDue() {
        return state != null && !clock.instant().isBefore(state.nextProbeAt()) && !trialOut();
    }

    /** Every attempt goes out while Retool answers; during an outage only one trial at a time, when a probe is due. */
    @Override
    public synchronized Admission admit(String method, String path) {
        if (state == null) {
            return Admission.ADMITTED;
        }
        if (!probeDue()) {
            return Admission.REFUSED;
        }
        trialSince = clock.instant();
        return Admission.TRIAL;
    }

    @Override
    public void attempted(Admission admission, RetoolException failure) {
        FailureKind kind = failure == null ? null : FailureKind.of(failure);
        String reason = failure == null ? null : failure.getMessage();
        if (admission == Admission.TRIAL) {
            synchronized (this) {
                trialSince = null;
            }
            probed(kind, reason);
        } else if (kind == null) {
            answered();
        } else {
            failed(kind, reason);
        }
    }

    private boolean trialOut() {
        return trialSince != null && clock.instant().isBefore(trialSince.plus(TRIAL_PATIENCE));
    }

    /**
     * Retool answered a call (even with a refusal). During an outage this does not end it: the call may have been
     * sent before the outage began and answered late (behind the rate limiter), and only a probe sent since says
     * Retool is back.
     */
    private synchronized void answered() {
        everAnswered = true;
        if (state == null) {
            recent.addLast(false);
            trim();
        }
    }

    /** A call failed; only failures that may pass count towards an outage. */
    private void failed(FailureKind kind, String reason) {
        if (!kind.waits()) {
            answered();
            return;
        }
        State opened;
        synchronized (this) {
            recent.addLast(true);
            trim();
            long failures = recent.stream().filter(Boolean::booleanValue).count();
            if (state != null || failures < FAILURES_TO_OPEN) {
                return;
            }
            probeInterval = firstProbe;
            opened = new State(clock.instant(), reason, kind == FailureKind.NOT_RETOOL && !everAnswered,
                    clock.instant().plus(probeInterval), 0);
            state = opened;
        }
        LOG.warn("\n{}\n Retool unreachable since {}, {} people waiting: {}\n Invites are held back; one probe call "
                 + "every {} s or more until Retool answers, then they resume at full rate\n{}", RULE,
                opened.since(), peopleWaiting(), reason, probeInterval.toSeconds(), RULE);
        if (opened.misconfigured()) {
            misconfigured(reason);
        }
    }

    /** The outcome of a trial: null when Retool answered, else the failure's kind and reason. */
    private void probed(FailureKind failureKind, String reason) {
        if (failureKind == null || !failureKind.waits()) {
            boolean recovered;
            synchronized (this) {
                everAnswered = true;
                recovered = state != null;
                end();
            }
            if (recovered) {
                recovered("a probe was answered");
            }
            return;
        }
        State still;
        synchronized (this) {
            if (state == null) {
                return;
            }
            probeInterval = probeInterval.multipliedBy(2).compareTo(maxProbe) > 0 ? maxProbe
                    : probeInterval.multipliedBy(2);
            state = new State(state.since(), reason, failureKind == FailureKind.NOT_RETOOL && !everAnswered,
                    clock.instant().plus(probeInterval), state.probes() + 1);
            still = state;
        }
        LOG.warn("Retool unreachable since {}, {} people waiting ({} probe(s) so far): {}; next probe in {} s",
                still.since(), peopleWaiting(), still.probes(), reason, probeInterval.toSeconds());
        if (still.misconfigured()) {
            misconfigured(reason);
        }
    }

    private void misconfigured(String reason) {
        LOG.error("\n{}\n CONFIGURATION? {} answers with pages that are not the Retool API: {}\n Check RETOOL_BASE_URL "
                  + "(it should be your organisation's https://<name>.retool.com); people wait meanwhile and are\n "
                  + "given up on after RETRY_GIVE_UP_AFTER\n{}", RULE, baseUrl, reason, RULE);
    }

    private void recovered(String how) {
        try {
            onRecovery.run();
        } catch (LedgerException unreachable) {
            // the waiting people are due at their own next attempt instead; the ledger's trouble is logged elsewhere
            LOG.warn("The waiting people could not be made due at once: {}", unreachable.getMessage());
        }
        LOG.info("\n{}\n Retool answers again ({}); {} people waiting resume now\n{}", RULE, how, peopleWaiting(),
                RULE);
    }

    /** For the logs only: an unreachable ledger must not stop the outage from being noticed or ended. */
    private String peopleWaiting() {
        try {
            return String.valueOf(waiting.get().people());
        } catch (LedgerException unreachable) {
            return "an unknown number of";
        }
    }

    private void end() {
        state = null;
        trialSince = null;
        recent.clear();
    }

    private void trim() {
        while (recent.size() > WINDOW) {
            recent.removeFirst();
        }
    }
}
