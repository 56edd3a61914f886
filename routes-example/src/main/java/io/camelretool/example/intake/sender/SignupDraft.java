package io.camelretool.example.intake.sender;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelretool.example.intake.SignupLimits;
import io.camelretool.example.signup.Signup;
import io.camelretool.example.signup.SignupSource;

/**
 * The person a mapped event names, before the configured mapping and the limits every intake applies: what turns
 * into {@link SenderEvent.Mapped}, or into {@link SenderEvent.Unusable} with the reason.
 *
 * @param payload the part of the event the configured dot paths are read from
 */
record SignupDraft(String email, String firstName, String lastName, JsonNode payload) {

    /** Splits a full name at its first blank: {@code Jenny Rosen} is first name Jenny, last name Rosen. */
    static SignupDraft withFullName(String email, String fullName, JsonNode payload) {
        if (fullName == null || fullName.isBlank()) {
            return new SignupDraft(email, null, null, payload);
        }
        String name = fullName.strip();
        int blank = name.indexOf(' ');
        return blank < 0 ? new SignupDraft(email, name, null, payload)
                : new SignupDraft(email, name.substring(0, blank), name.substring(blank + 1).strip(), payload);
    }

    SenderEvent toEvent(String eventId, String type, SignupSource source, PayloadMapping mapping) {
        if (email == null || email.isBlank()) {
            return new SenderEvent.Unusable(eventId, type, "the " + type + " event carries no email address");
        }
        List<Integer> groups;
        try {
            groups = mapping.groups(payload);
        } catch (IllegalArgumentException notAGroup) {
            return new SenderEvent.Unusable(eventId, type, notAGroup.getMessage());
        }
        Map<String, String> attributes = mapping.attributes(payload);
        Signup signup = new Signup(email.strip(), firstName, lastName, null, null, groups, attributes, source,
                sourceRef(source, eventId));
        List<SignupLimits.Problem> problems = SignupLimits.problems(signup);
        if (!problems.isEmpty()) {
            return new SenderEvent.Unusable(eventId, type, problems.stream().map(SignupLimits.Problem::toString)
                    .collect(Collectors.joining("; ")));
        }
        return new SenderEvent.Mapped(eventId, type, signup);
    }

    /** How reports name the event: {@code stripe:evt_1NG8...}. */
    static String sourceRef(SignupSource source, String eventId) {
        return source.name().toLowerCase(java.util.Locale.ROOT) + ":" + eventId;
    }
}
