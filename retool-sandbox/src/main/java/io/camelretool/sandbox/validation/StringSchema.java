package io.camelretool.sandbox.validation;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.regex.Pattern;

/** A JSON string with the constraints Retool's spec puts on strings. */
public final class StringSchema implements Schema {

    private int minLength;
    private int maxLength = Integer.MAX_VALUE;
    private Pattern pattern;
    private StringFormat format;
    private List<String> allowed;

    StringSchema() {
    }

    public StringSchema minLength(int length) {
        this.minLength = length;
        return this;
    }

    public StringSchema maxLength(int length) {
        this.maxLength = length;
        return this;
    }

    public StringSchema pattern(String regex) {
        this.pattern = Pattern.compile(regex);
        return this;
    }

    public StringSchema format(StringFormat stringFormat) {
        this.format = stringFormat;
        return this;
    }

    public StringSchema oneOf(String... values) {
        this.allowed = List.of(values);
        return this;
    }

    @Override
    public void check(String path, JsonNode value) {
        if (!value.isTextual()) {
            throw Schema.violation(path, "must be string");
        }
        String text = value.textValue();
        if (text.length() < minLength) {
            throw Schema.violation(path, "must NOT have fewer than " + minLength + " characters");
        }
        if (text.length() > maxLength) {
            throw Schema.violation(path, "must NOT have more than " + maxLength + " characters");
        }
        if (pattern != null && !pattern.matcher(text).find()) {
            throw Schema.violation(path, "must match pattern \"" + pattern.pattern() + "\"");
        }
        if (format != null && !format.matches(text)) {
            throw Schema.violation(path, "must match format \"" + format.specName() + "\"");
        }
        if (allowed != null && !allowed.contains(text)) {
            throw Schema.violation(path, "must be equal to one of the allowed values: " + String.join(", ", allowed));
        }
    }
}
