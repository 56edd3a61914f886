package io.camelretool.component.producer;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelretool.component.error.InvalidRetoolInputException;

/**
 * Retool stores attribute values as strings under names of lower-case letters, digits and underscores, at most 255
 * characters long (its attribute definitions refuse longer names).
 */
final class AttributeValues {

    static final int MAX_NAME_LENGTH = 255;
    private static final Pattern NAME = Pattern.compile("^[a-z0-9_]+$");
    private static final ObjectMapper JSON = new ObjectMapper();

    private AttributeValues() {
    }

    /**
     * The attributes with their values as the text Retool stores, or the refusal naming the first name or value
     * Retool would not take: checked before any call, so a bad attribute never leaves an invite half made.
     */
    static Map<String, String> asTexts(Map<?, ?> attributes, String field) {
        Map<String, String> texts = new LinkedHashMap<>();
        attributes.forEach((name, value) -> {
            if (!(name instanceof String text) || !NAME.matcher(text).matches()) {
                throw new InvalidRetoolInputException(field + "." + name,
                        "is not a name Retool accepts (lower-case letters, digits and _ only)");
            }
            if (text.length() > MAX_NAME_LENGTH) {
                throw new InvalidRetoolInputException(field, "'" + text.substring(0, 20) + "…' is " + text.length()
                        + " characters long; Retool takes attribute names of at most " + MAX_NAME_LENGTH);
            }
            texts.put(text, value == null ? null : asText(value, field + "." + text));
        });
        return texts;
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

    /**
     * The attributes whose value the metadata does not already hold as Retool stores it: a found invite's metadata
     * carries its attributes, so only these need a call. A value held differently (or not at all) is set again; a
     * null value is always sent, as before.
     */
    static Map<String, Object> notCarried(Map<String, Object> attributes, JsonNode metadata, String field) {
        Map<String, Object> missing = new LinkedHashMap<>();
        attributes.forEach((name, value) -> {
            if (value == null || !carries(metadata == null ? null : metadata.get(name),
                    asText(value, field + "." + name))) {
                missing.put(name, value);
            }
        });
        return missing;
    }

    /**
     * Whether a metadata value is the text an attribute call would store. Retool keeps attribute values as text, but
     * metadata may hold a number, a boolean or JSON: those compare by their text, JSON by its structure (so key order
     * and spacing do not matter). Anything else counts as different, which costs a call and never loses a value.
     */
    private static boolean carries(JsonNode held, String text) {
        if (held == null || held.isNull() || held.isMissingNode()) {
            return false;
        }
        if (held.isTextual() || held.isNumber() || held.isBoolean()) {
            return held.asText().equals(text);
        }
        if (held.isContainerNode()) {
            try {
                return held.equals(JSON.readTree(text));
            } catch (JsonProcessingException notJson) {
                return false;
            }
        }
        return false;
    }
}
