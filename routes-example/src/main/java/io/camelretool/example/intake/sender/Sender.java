package io.camelretool.example.intake.sender;

import java.util.function.Function;

import io.camelretool.example.signup.SignupSource;

/**
 * One service that sends us signups in its own format: where it posts, how it signs, what its events mean, and which
 * id stays the same when it delivers an event again.
 *
 * @param name      the last step of its path, {@code /signups/<name>}
 * @param variable  the environment variable of its secret, for the banner
 * @param eventId   the id the sender keeps when it delivers the event again; null when the request carries none
 */
public record Sender(String name, SignupSource source, String variable, SenderSignature signature,
                     EventMapper events, Function<ParsedRequest, String> eventId) {

    /** A request whose body was read as a JSON object. */
    public record ParsedRequest(SenderRequest request, com.fasterxml.jackson.databind.JsonNode body) {
    }

    public String path() {
        return "/signups/" + name;
    }
}
