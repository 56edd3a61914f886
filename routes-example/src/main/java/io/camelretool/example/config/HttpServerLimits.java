package io.camelretool.example.config;

import java.time.Duration;
import java.util.function.UnaryOperator;

import org.apache.camel.CamelContext;

/**
 * How long and how many: what the public HTTP server (the webhook) allows a connection before it closes it, so that
 * silent, slow or countless connections cannot take the server's file descriptors or threads away from real senders.
 *
 * @param idleTimeout    a connection that sends and receives nothing this long is closed
 * @param headerTimeout  a connection must have sent a whole request head this soon after it opened (or after its
 *                       previous answer): a request trickled in a byte at a time is closed
 * @param requestTimeout a request whose answer is not sent this long after its head arrived (a body sent slowly) is
 *                       closed
 * @param maxConnections connections open at once; at the cap a new connection takes the place of the oldest one that
 *                       is waiting for a request (never of one being answered), else it is closed at once
 */
public record HttpServerLimits(Duration idleTimeout, Duration headerTimeout, Duration requestTimeout,
                               int maxConnections) {

    /**
     * Reads the settings through the context's property placeholders.
     *
     * @throws IllegalArgumentException when the management port (health in detail) is the webhook's public one
     */
    public static HttpServerLimits from(CamelContext context) {
        UnaryOperator<String> property = key -> context.resolvePropertyPlaceholders("{{" + key + ":}}");
        String management = property.apply("camel.management.port").strip();
        if (!management.isEmpty() && management.equals(property.apply("camel.server.port").strip())) {
            throw new IllegalArgumentException("MANAGEMENT_PORT: " + management + " is WEBHOOK_PORT too; the "
                                               + "management port shows health in detail and must be another one");
        }
        return read(property);
    }

    static HttpServerLimits read(UnaryOperator<String> property) {
        return new HttpServerLimits(seconds(property, "http.idle-timeout-seconds", "30", "HTTP_IDLE_TIMEOUT_SECONDS"),
                seconds(property, "http.header-timeout-seconds", "10", "HTTP_HEADER_TIMEOUT_SECONDS"),
                seconds(property, "http.request-timeout-seconds", "60", "HTTP_REQUEST_TIMEOUT_SECONDS"),
                positive(property, "http.max-connections", "1000", "HTTP_MAX_CONNECTIONS"));
    }

    private static Duration seconds(UnaryOperator<String> property, String key, String fallback, String variable) {
        return Duration.ofSeconds(positive(property, key, fallback, variable));
    }

    private static int positive(UnaryOperator<String> property, String key, String fallback, String variable) {
        int value = SettingValues.nonNegative(SettingValues.orDefault(property.apply(key), fallback), variable);
        if (value == 0) {
            throw new IllegalArgumentException(variable + ": 0 would switch the limit off; give a number above 0");
        }
        return value;
    }
}
