package io.camelretool.component.producer;

import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelretool.component.error.InvalidRetoolInputException;

/** Retool stores attribute values as strings under names of lower-case letters, digits and underscores. */
final class AttributeValues {

    private static final Pattern NAME = Pattern.compile("^[a-z0-9_]+$");
    private static final ObjectMapper JSON = new ObjectMapper();

    private AttributeValues() {
    }

    static void checkNames(Map<String, ?> attributes, String field) {
        for (String name : attributes.keySet()) {
            if (name == null || !NAME.matcher(name).matches()) {
                throw new InvalidRetoolInputException(field + "." + name,
                        "is not a name Retool accepts (lower-case letters, digits and _ only)");
            }
        }
    }

    /** Strings as they are, numbers and booleans as their text, maps and lists as JSON. */
    static String asText(Object value, String field) {
        if (value instanceof CharSequence || value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new InvalidRetoolInputException(field, "cannot be written as JSON: " + e.getOriginalMessage());
        }
    }
}
