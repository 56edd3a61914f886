package io.camelretool.sandbox.validation;

/** Entry points for describing request schemas. */
public final class Schemas {

    private Schemas() {
    }

    public static StringSchema string() {
        return new StringSchema();
    }

    public static NumberSchema number() {
        return new NumberSchema(false);
    }

    public static NumberSchema integer() {
        return new NumberSchema(true);
    }

    public static Schema bool() {
        return (path, value) -> {
            if (!value.isBoolean()) {
                throw Schema.violation(path, "must be boolean");
            }
        };
    }

    public static Schema arrayOf(Schema items) {
        return new ArraySchema(items);
    }

    public static ObjectSchema object() {
        return new ObjectSchema();
    }

    /** An object with any properties of any value, such as {@code metadata}. */
    public static Schema anyObject() {
        return new ObjectSchema();
    }

    /** A value that is either of two types; the message names both. */
    public static Schema either(Schema first, Schema second, String description) {
        return (path, value) -> {
            try {
                first.check(path, value);
            } catch (InvalidRequestException notFirst) {
                try {
                    second.check(path, value);
                } catch (InvalidRequestException notSecond) {
                    throw Schema.violation(path, "must be " + description);
                }
            }
        };
    }
}
