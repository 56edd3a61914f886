package io.camelretool.example.intake.sender;

import io.camelretool.example.signup.Signup;

/**
 * What a sender's event means for us. Every kind is acknowledged with a 2xx, so that the sender does not deliver it
 * again and again: only a bad signature (401) or a body that is not JSON (400) is refused.
 */
public sealed interface SenderEvent {

    /** The sender's id of the event; the same when it delivers the event again. */
    String eventId();

    /** The sender's name for the kind of event ({@code checkout.session.completed}, {@code customers/create}). */
    String type();

    /** An event we map, carrying a signup. */
    record Mapped(String eventId, String type, Signup signup) implements SenderEvent {
    }

    /** An event of a kind we do not map: acknowledged and counted, nothing else. */
    record Unmapped(String eventId, String type) implements SenderEvent {
    }

    /** An event we map that carries no usable signup (no email, a field outside the limits): reported with why. */
    record Unusable(String eventId, String type, String reason) implements SenderEvent {
    }
}
