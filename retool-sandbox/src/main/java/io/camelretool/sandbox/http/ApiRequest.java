package io.camelretool.sandbox.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelretool.sandbox.validation.InvalidRequestException;

import java.util.Map;

/**
 * A routed, authenticated API request.
 *
 * @param pathParams the values of the route's {@code {placeholders}}, URL-decoded
 * @param query      query parameters, URL-decoded, first value wins
 * @param body       the parsed body, validated against the route's schema; a {@code MissingNode} when the route
 *                   takes none
 */
public record ApiRequest(Map<String, String> pathParams, Map<String, String> query, JsonNode body) {

    public String pathParam(String name) {
        return pathParams.get(name);
    }

    /**
     * A path parameter that the spec types as {@code pattern: ^\d+$}.
     *
     * @param entity how a 404 names what was looked for, such as {@code User invite}
     */
    public int numericPathParam(String name, String entity) {
        String value = pathParams.get(name);
        if (value == null || !value.matches("\\d+")) {
            throw new InvalidRequestException("request/params/" + name + " must match pattern \"^\\d+$\"");
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException tooLargeToExist) {
            throw ApiException.of(404, entity + " " + value + " not found");
        }
    }

    /** The body's text field, or {@code null} when absent or JSON null. */
    public String bodyText(String field) {
        JsonNode value = body.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
