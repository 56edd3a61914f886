package io.camelretool.sandbox.validation;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The part of an OpenAPI schema the sandbox enforces for one value. Messages follow the wording of the validators
 * behind Retool's API ({@code request/body/email must match format "email"}) so that clients see familiar text.
 */
@FunctionalInterface
public interface Schema {

    /**
     * @param path  where the value sits, such as {@code request/body/userInfo/email}
     * @param value the value, never Java {@code null} (a JSON null is a {@code NullNode})
     * @throws InvalidRequestException naming the path when the value does not conform
     */
    void check(String path, JsonNode value);

    /** This schema, also accepting a JSON {@code null} ({@code nullable: true}). */
    default Schema orNull() {
        return (path, value) -> {
            if (!value.isNull()) {
                check(path, value);
            }
        };
    }

    static InvalidRequestException violation(String path, String problem) {
        return new InvalidRequestException(path + " " + problem);
    }
}
