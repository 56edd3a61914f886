package io.camelretool.component.error;

/**
 * The message given to a retool endpoint cannot become a valid Retool request (no email, a malformed one, a
 * bad attribute name...). Thrown before any HTTP call; the message names the field.
 */
public class InvalidRetoolInputException extends IllegalArgumentException {

    private final String field;

    public InvalidRetoolInputException(String field, String problem) {
        super(field + ": " + problem);
        this.field = field;
    }

    /** The offending field, as the user wrote it in the body or the option. */
    public String getField() {
        return field;
    }
}
