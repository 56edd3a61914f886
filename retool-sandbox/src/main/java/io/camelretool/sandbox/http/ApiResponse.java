package io.camelretool.sandbox.http;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An answer ready to be written.
 *
 * @param status      HTTP status
 * @param contentType {@code null} when there is no body
 * @param body        the body bytes, empty for none
 * @param headers     extra headers such as {@code Retry-After}
 */
public record ApiResponse(int status, String contentType, byte[] body, Map<String, String> headers) {

    static final String JSON_TYPE = "application/json; charset=utf-8";

    public ApiResponse {
        headers = Map.copyOf(headers);
    }

    public static ApiResponse json(int status, JsonNode body) {
        return new ApiResponse(status, JSON_TYPE, Json.bytes(body), Map.of());
    }

    public static ApiResponse ok(JsonNode body) {
        return json(200, body);
    }

    public static ApiResponse noContent() {
        return new ApiResponse(204, null, new byte[0], Map.of());
    }

    public static ApiResponse error(int status, String message) {
        return json(status, Json.error(message));
    }

    public static ApiResponse html(String page) {
        return new ApiResponse(200, "text/html; charset=utf-8", page.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    /** A 429 that tells the client when to come back, in whole seconds. */
    public static ApiResponse rateLimited(long retryAfterSeconds) {
        return error(429, "Rate limit exceeded; retry after " + retryAfterSeconds + " seconds")
                .withHeader("Retry-After", Long.toString(retryAfterSeconds));
    }

    public ApiResponse withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new ApiResponse(status, contentType, body, more);
    }
}
