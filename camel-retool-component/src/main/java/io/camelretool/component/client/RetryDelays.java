package io.camelretool.component.client;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.concurrent.ThreadLocalRandom;

/** How long to wait before retrying a 429 or 503: Retool's Retry-After when given, else backoff with jitter. */
final class RetryDelays {

    static final Duration FIRST_BACKOFF = Duration.ofMillis(500);
    static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    private RetryDelays() {
    }

    static Duration before(int retry, HttpHeaders headers) {
        Duration told = retryAfter(headers.firstValue("Retry-After").orElse(null));
        return told != null ? told : backoff(retry);
    }

    /** Full jitter: a random delay up to an exponentially growing bound, so many clients do not retry in step. */
    static Duration backoff(int retry) {
        long bound = Math.min(MAX_BACKOFF.toMillis(), FIRST_BACKOFF.toMillis() << Math.min(retry, 16));
        return Duration.ofMillis(bound / 2 + ThreadLocalRandom.current().nextLong(bound / 2 + 1));
    }

    static Duration retryAfter(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.trim();
        try {
            long seconds = Long.parseLong(trimmed);
            return seconds < 0 ? null : Duration.ofSeconds(Math.min(seconds, MAX_BACKOFF.toSeconds()));
        } catch (NumberFormatException notSeconds) {
            try {
                Duration until = Duration.between(ZonedDateTime.now(),
                        ZonedDateTime.parse(trimmed, DateTimeFormatter.RFC_1123_DATE_TIME));
                return until.isNegative() ? Duration.ZERO : until.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : until;
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }
    }
}
