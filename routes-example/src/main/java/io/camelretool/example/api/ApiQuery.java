package io.camelretool.example.api;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * A request's query string, read from the raw text (not from headers, where a client's HTTP headers would mix with
 * it): an unknown parameter, one given twice, one given empty, or one that cannot be decoded is refused, naming it.
 */
final class ApiQuery {

    private static final int MAX_LENGTH = 4096;

    private final Map<String, String> values;

    private ApiQuery(Map<String, String> values) {
        this.values = values;
    }

    static ApiQuery parse(String raw, Set<String> allowed) {
        Map<String, String> values = new HashMap<>();
        if (raw == null || raw.isEmpty()) {
            return new ApiQuery(values);
        }
        if (raw.length() > MAX_LENGTH) {
            throw new BadRequest("query", "longer than " + MAX_LENGTH + " characters");
        }
        for (String pair : raw.split("&", -1)) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals), "query");
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1), name);
            if (!allowed.contains(name)) {
                throw new BadRequest(printable(name), "not a parameter of this call; use " + allowed);
            }
            if (value.isEmpty()) {
                // "?status=" is a mistake (a form field left blank), not a request for everyone: say so
                throw new BadRequest(name, "is empty: give a value or leave the parameter out");
            }
            if (values.put(name, value) != null) {
                throw new BadRequest(name, "given more than once");
            }
        }
        return new ApiQuery(values);
    }

    /** The value, or null when the parameter is absent. */
    String get(String name) {
        return values.get(name);
    }

    private static String decode(String text, String parameter) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            throw new BadRequest(printable(parameter), "is not URL-encoded correctly");
        }
    }

    /** A parameter name as it may be echoed: at most 40 characters, letters, digits and a few marks. */
    static String printable(String text) {
        String cut = text.length() > 40 ? text.substring(0, 40) : text;
        return cut.replaceAll("[^A-Za-z0-9_.\\-]", "?");
    }
}
