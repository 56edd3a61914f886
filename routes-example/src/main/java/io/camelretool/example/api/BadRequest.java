package io.camelretool.example.api;

import java.util.Map;

/**
 * A request the read API refuses with 400, naming the parameter and why: answered as
 * {@code {"errors": {"<parameter>": "<why>"}}}, the shape of every field error the application answers.
 */
final class BadRequest extends RuntimeException {

    private final String parameter;
    private final String why;

    BadRequest(String parameter, String why) {
        super(parameter + ": " + why);
        this.parameter = parameter;
        this.why = why;
    }

    /** The answer's body. */
    Map<String, Object> body() {
        return Map.of("errors", Map.of(parameter, why));
    }
}
