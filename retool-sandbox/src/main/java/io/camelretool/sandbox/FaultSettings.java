package io.camelretool.sandbox;

import java.time.Duration;
import java.util.Objects;

/**
 * A consistent snapshot of the faults the sandbox injects into {@code /api} calls. Each rate is a probability
 * between 0 and 1, drawn independently per request in this order: dropped connection, server error, HTML page,
 * spurious 429.
 *
 * @param serverErrorRate    probability of a 500, 502 or 503 answer (the call has no effect)
 * @param dropConnectionRate probability that the call takes effect and the connection is then closed unanswered
 * @param htmlRate           probability of a 200 {@code text/html} page, as a wrong host would answer
 * @param rateLimitedRate    probability of a 429 with {@code Retry-After: 1} whatever the configured limit
 * @param fixedLatency       delay added to every call
 * @param randomLatency      upper bound of a uniformly drawn extra delay
 */
public record FaultSettings(double serverErrorRate, double dropConnectionRate, double htmlRate,
        double rateLimitedRate, Duration fixedLatency, Duration randomLatency) {

    /** No faults, no latency. */
    public static final FaultSettings NONE = new FaultSettings(0, 0, 0, 0, Duration.ZERO, Duration.ZERO);

    public FaultSettings {
        requireProbability("serverErrorRate", serverErrorRate);
        requireProbability("dropConnectionRate", dropConnectionRate);
        requireProbability("htmlRate", htmlRate);
        requireProbability("rateLimitedRate", rateLimitedRate);
        requireNonNegative("fixedLatency", fixedLatency);
        requireNonNegative("randomLatency", randomLatency);
    }

    public FaultSettings withServerErrorRate(double rate) {
        return new FaultSettings(rate, dropConnectionRate, htmlRate, rateLimitedRate, fixedLatency, randomLatency);
    }

    public FaultSettings withDropConnectionRate(double rate) {
        return new FaultSettings(serverErrorRate, rate, htmlRate, rateLimitedRate, fixedLatency, randomLatency);
    }

    public FaultSettings withHtmlRate(double rate) {
        return new FaultSettings(serverErrorRate, dropConnectionRate, rate, rateLimitedRate, fixedLatency,
                randomLatency);
    }

    public FaultSettings withRateLimitedRate(double rate) {
        return new FaultSettings(serverErrorRate, dropConnectionRate, htmlRate, rate, fixedLatency, randomLatency);
    }

    public FaultSettings withLatency(Duration fixed, Duration random) {
        return new FaultSettings(serverErrorRate, dropConnectionRate, htmlRate, rateLimitedRate, fixed, random);
    }

    private static void requireProbability(String field, double value) {
        if (!(value >= 0.0 && value <= 1.0)) {
            throw new IllegalArgumentException(field + " must be between 0 and 1; got " + value);
        }
    }

    private static void requireNonNegative(String field, Duration value) {
        Objects.requireNonNull(value, field);
        if (value.isNegative()) {
            throw new IllegalArgumentException(field + " must not be negative; got " + value);
        }
    }
}
