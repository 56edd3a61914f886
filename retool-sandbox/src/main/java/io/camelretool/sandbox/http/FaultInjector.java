package io.camelretool.sandbox.http;

import io.camelretool.sandbox.FaultSettings;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/** Turns the current {@link FaultSettings} into a decision for one request. */
final class FaultInjector {

    /** What happens to one request. */
    enum Fault {
        NONE, DROP_CONNECTION, SERVER_ERROR, HTML_PAGE, RATE_LIMITED
    }

    private static final int[] SERVER_ERROR_STATUSES = {500, 502, 503};

    static final String HTML_PAGE = """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>Retool</title></head>
            <body><h1>Retool</h1><p>This is a web page, not the Retool API.</p></body></html>
            """;

    private FaultInjector() {
    }

    static Fault draw(FaultSettings settings) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        if (random.nextDouble() < settings.dropConnectionRate()) {
            return Fault.DROP_CONNECTION;
        }
        if (random.nextDouble() < settings.serverErrorRate()) {
            return Fault.SERVER_ERROR;
        }
        if (random.nextDouble() < settings.htmlRate()) {
            return Fault.HTML_PAGE;
        }
        if (random.nextDouble() < settings.rateLimitedRate()) {
            return Fault.RATE_LIMITED;
        }
        return Fault.NONE;
    }

    static Duration latency(FaultSettings settings) {
        long randomMillis = settings.randomLatency().toMillis();
        long extra = randomMillis == 0 ? 0 : ThreadLocalRandom.current().nextLong(randomMillis + 1);
        return settings.fixedLatency().plusMillis(extra);
    }

    /** A 500, 502 or 503; a 503 says when to come back, as load balancers do. */
    static ApiResponse serverError() {
        int status = SERVER_ERROR_STATUSES[ThreadLocalRandom.current().nextInt(SERVER_ERROR_STATUSES.length)];
        ApiResponse response = ApiResponse.error(status, switch (status) {
            case 502 -> "Bad gateway";
            case 503 -> "Service unavailable";
            default -> "Internal server error";
        });
        return status == 503 ? response.withHeader("Retry-After", "1") : response;
    }
}
