package io.camelretool.example.signup;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One person who asked for access, as an intake read it, before validation or classification.
 * Every intake (folder, mailbox, webhook) produces these and hands them to the one pipeline.
 *
 * @param email      the address as given (the pipeline normalises it)
 * @param firstName  may be null
 * @param lastName   may be null
 * @param company    may be null
 * @param role       the requested role, may be null (the classifier decides what it means)
 * @param groups     Retool group ids asked for by the source, never null
 * @param attributes Retool user-attribute values from the source, never null
 * @param source     which intake produced it
 * @param sourceRef  where exactly: {@code file.csv:12}, a mail's Message-ID, a webhook request id
 */
public record Signup(
        String email,
        String firstName,
        String lastName,
        String company,
        String role,
        List<Integer> groups,
        Map<String, String> attributes,
        SignupSource source,
        String sourceRef) {

    public Signup {
        groups = groups == null ? List.of() : List.copyOf(groups);
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
        Objects.requireNonNull(source, "source");
    }
}
