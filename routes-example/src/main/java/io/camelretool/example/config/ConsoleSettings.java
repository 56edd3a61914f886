package io.camelretool.example.config;

import java.time.Duration;
import java.util.function.UnaryOperator;

/**
 * The operator console's settings.
 *
 * @param users       {@code CONSOLE_USERS}: {@code name:bcrypt-hash} pairs, comma-separated
 * @param idleTimeout {@code CONSOLE_SESSION_IDLE_MINUTES}: a session without a request for this long ends
 */
public record ConsoleSettings(String users, Duration idleTimeout) {

    public static ConsoleSettings read(UnaryOperator<String> property) {
        int minutes = SettingValues.nonNegative(SettingValues.orDefault(property.apply("console.session-idle-minutes"),
                "30"), "CONSOLE_SESSION_IDLE_MINUTES");
        if (minutes == 0) {
            throw new IllegalArgumentException("CONSOLE_SESSION_IDLE_MINUTES must be at least 1");
        }
        return new ConsoleSettings(property.apply("console.users"), Duration.ofMinutes(minutes));
    }

    /** The hashes stay out of logs. */
    @Override
    public String toString() {
        return "ConsoleSettings[idleTimeout=" + idleTimeout + "]";
    }
}
