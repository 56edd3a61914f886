package io.camelretool.sandbox.validation;

import com.fasterxml.jackson.databind.JsonNode;

/** A JSON number, optionally required to be whole and within bounds. */
public final class NumberSchema implements Schema {

    private final boolean integer;
    private Long minimum;
    private Long maximum;

    NumberSchema(boolean integer) {
        this.integer = integer;
    }

    public NumberSchema minimum(long bound) {
        this.minimum = bound;
        return this;
    }

    public NumberSchema maximum(long bound) {
        this.maximum = bound;
        return this;
    }

    @Override
    public void check(String path, JsonNode value) {
        if (!value.isNumber()) {
            throw Schema.violation(path, integer ? "must be integer" : "must be number");
        }
        if (integer && !isWhole(value)) {
            throw Schema.violation(path, "must be integer");
        }
        if (minimum != null && value.doubleValue() < minimum) {
            throw Schema.violation(path, "must be >= " + minimum);
        }
        if (maximum != null && value.doubleValue() > maximum) {
            throw Schema.violation(path, "must be <= " + maximum);
        }
    }

    private static boolean isWhole(JsonNode value) {
        return value.isIntegralNumber() || value.doubleValue() == Math.rint(value.doubleValue());
    }
}
