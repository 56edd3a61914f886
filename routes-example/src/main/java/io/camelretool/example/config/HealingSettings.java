package io.camelretool.example.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.camelretool.example.ledger.RetryBackoff;

import static io.camelretool.example.config.SettingValues.nonNegative;
import static io.camelretool.example.config.SettingValues.orDefault;

/**
 * How the application heals from Retool failing: when a person whose call failed for a reason that may pass is tried
 * again and when given up on, and how often Retool is probed while it is unreachable.
 *
 * @param backoff        the waits between a person's attempts, and the give-up time
 * @param firstProbe     the wait before the first probe of an outage; it doubles with every failed probe
 * @param maxProbe       the longest wait between two probes
 * @param callRetries    how often one invite call retries a 429 or 503 itself before its person waits: few, since
 *                       every retry of every call in flight is spent before the application can hold back
 */
public record HealingSettings(RetryBackoff backoff, Duration firstProbe, Duration maxProbe, int callRetries) {

    private static final Pattern AMOUNT = Pattern.compile("(\\d{1,9})\\s*([smhd]?)");
    /** Longer than anyone means (ten years), and short enough for every computation with it to stay exact. */
    private static final Duration LONGEST = Duration.ofDays(3650);

    static HealingSettings read(UnaryOperator<String> property) {
        Duration first = duration(orDefault(property.apply("retry.first-delay"), "5s"), "RETRY_FIRST_DELAY");
        Duration max = duration(orDefault(property.apply("retry.max-delay"), "1h"), "RETRY_MAX_DELAY");
        Duration giveUp = duration(orDefault(property.apply("retry.give-up-after"), "24h"), "RETRY_GIVE_UP_AFTER");
        Duration firstProbe = duration(orDefault(property.apply("retool.probe.first-interval"), "5s"),
                "RETOOL_PROBE_FIRST_INTERVAL");
        Duration maxProbe = duration(orDefault(property.apply("retool.probe.max-interval"), "60s"),
                "RETOOL_PROBE_MAX_INTERVAL");
        if (first.isZero() || firstProbe.isZero()) {
            throw new IllegalArgumentException((first.isZero() ? "RETRY_FIRST_DELAY" : "RETOOL_PROBE_FIRST_INTERVAL")
                                               + ": must be at least 1s");
        }
        if (max.compareTo(first) < 0) {
            throw new IllegalArgumentException("RETRY_MAX_DELAY: must not be shorter than RETRY_FIRST_DELAY ("
                                               + first.toSeconds() + "s)");
        }
        if (maxProbe.compareTo(firstProbe) < 0) {
            throw new IllegalArgumentException("RETOOL_PROBE_MAX_INTERVAL: must not be shorter than "
                                               + "RETOOL_PROBE_FIRST_INTERVAL (" + firstProbe.toSeconds() + "s)");
        }
        int callRetries = nonNegative(orDefault(property.apply("pipeline.call-retries"), "2"), "RETOOL_CALL_RETRIES");
        return new HealingSettings(new RetryBackoff(first, max, giveUp), firstProbe, maxProbe, callRetries);
    }

    /**
     * A duration as people write it: {@code 90} or {@code 90s} (seconds), {@code 15m}, {@code 24h}, {@code 2d}, or
     * ISO-8601 ({@code PT24H}).
     */
    static Duration duration(String text, String variable) {
        String trimmed = text.strip().toLowerCase(Locale.ROOT);
        Matcher amount = AMOUNT.matcher(trimmed);
        Duration parsed = null;
        if (amount.matches()) {
            long value = Long.parseLong(amount.group(1));
            parsed = switch (amount.group(2)) {
                case "m" -> Duration.ofMinutes(value);
                case "h" -> Duration.ofHours(value);
                case "d" -> Duration.ofDays(value);
                default -> Duration.ofSeconds(value);
            };
        } else {
            try {
                parsed = Duration.parse(trimmed.toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException notIso) {
                // the message below names the forms that are accepted
            }
        }
        if (parsed != null && !parsed.isNegative() && parsed.compareTo(LONGEST) <= 0) {
            return parsed;
        }
        throw new IllegalArgumentException(variable + ": '" + abbreviated(text)
                                           + "' is not a duration of at most 3650 days; write e.g. 30s, 15m, 24h, 2d or PT24H");
    }

    private static String abbreviated(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }
}
