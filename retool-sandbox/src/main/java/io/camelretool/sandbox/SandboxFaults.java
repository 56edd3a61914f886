package io.camelretool.sandbox;

import java.time.Duration;
import java.util.Locale;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The faults the running sandbox injects, switchable at any time from any thread. Setters return {@code this} so
 * that a test can describe a flaky Retool in one statement.
 */
public final class SandboxFaults {

    private final AtomicReference<FaultSettings> settings;
    /** Calls whose answer is to be lost once, as {@code METHOD path-prefix}, in the order they were asked for. */
    private final Queue<String> droppedAnswers = new ConcurrentLinkedQueue<>();

    SandboxFaults(FaultSettings initial) {
        this.settings = new AtomicReference<>(initial);
    }

    /** What is injected right now. */
    public FaultSettings settings() {
        return settings.get();
    }

    /** Probability of a 500, 502 or 503 answer. */
    public SandboxFaults serverErrorRate(double rate) {
        settings.updateAndGet(current -> current.withServerErrorRate(rate));
        return this;
    }

    /** Probability that a call takes effect and its connection is then closed with no answer. */
    public SandboxFaults dropConnectionRate(double rate) {
        settings.updateAndGet(current -> current.withDropConnectionRate(rate));
        return this;
    }

    /** Probability of a 200 {@code text/html} page instead of JSON. */
    public SandboxFaults htmlRate(double rate) {
        settings.updateAndGet(current -> current.withHtmlRate(rate));
        return this;
    }

    /** Probability of a 429 with {@code Retry-After: 1}, regardless of the configured rate limit. */
    public SandboxFaults rateLimitedRate(double rate) {
        settings.updateAndGet(current -> current.withRateLimitedRate(rate));
        return this;
    }

    /** Delay every call by {@code fixed} plus a uniformly drawn extra of up to {@code random}. */
    public SandboxFaults latency(Duration fixed, Duration random) {
        settings.updateAndGet(current -> current.withLatency(fixed, random));
        return this;
    }

    /** Replaces every setting at once. */
    public SandboxFaults set(FaultSettings newSettings) {
        if (newSettings == null) {
            throw new IllegalArgumentException("fault settings must not be null");
        }
        settings.set(newSettings);
        return this;
    }

    /**
     * The next call with this method whose path starts with {@code pathPrefix} takes effect and its connection is
     * then closed with no answer, once: the lost answer a client cannot tell from a timeout, on a call of the test's
     * choosing rather than at random.
     */
    public SandboxFaults dropAnswerOfNext(String method, String pathPrefix) {
        droppedAnswers.add(method.toUpperCase(Locale.ROOT) + " " + pathPrefix);
        return this;
    }

    /** True, once, for the call a {@link #dropAnswerOfNext} is waiting for. */
    public boolean takeDroppedAnswer(String method, String path) {
        for (String call : droppedAnswers) {
            int space = call.indexOf(' ');
            if (call.substring(0, space).equalsIgnoreCase(method) && path.startsWith(call.substring(space + 1))
                && droppedAnswers.remove(call)) {
                return true;
            }
        }
        return false;
    }

    /** No faults and no latency, and no dropped answer waiting. */
    public SandboxFaults clear() {
        droppedAnswers.clear();
        return set(FaultSettings.NONE);
    }
}
