package io.camelretool.example.intake.sender;

import java.time.Clock;
import java.time.Duration;

/**
 * The tolerance a signed timestamp must fall in, so that a captured request cannot be replayed later. Compared with
 * the window's ends rather than by subtracting: {@code now - timestamp} overflows for a timestamp near
 * {@code Long.MIN_VALUE}.
 */
record TimestampWindow(Duration tolerance, Clock clock) {

    /** Null when the unix-seconds text is inside the window, else why not, naming the header. */
    String problem(String header, String unixSeconds) {
        if (unixSeconds == null || unixSeconds.isBlank()) {
            return header + " is missing";
        }
        long timestamp;
        try {
            timestamp = Long.parseLong(unixSeconds.trim());
        } catch (NumberFormatException e) {
            return header + " is not unix seconds";
        }
        long now = clock.instant().getEpochSecond();
        if (timestamp < now - tolerance.toSeconds() || timestamp > now + tolerance.toSeconds()) {
            return header + " is " + (timestamp < now ? "too old" : "too far in the future") + " (more than "
                   + tolerance.toSeconds() + " s off)";
        }
        return null;
    }
}
