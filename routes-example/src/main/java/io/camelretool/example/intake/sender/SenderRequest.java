package io.camelretool.example.intake.sender;

import java.util.function.UnaryOperator;

/**
 * A request as a sender made it: its headers (looked up by name, case-insensitively, as HTTP has them; never from
 * the query string) and its raw body, which is what every sender signs.
 */
public record SenderRequest(UnaryOperator<String> header, byte[] body) {

    public SenderRequest {
        body = body == null ? new byte[0] : body;
    }

    /** The first of the named headers that is present and not blank, trimmed; null when none is. */
    String firstHeader(String... names) {
        for (String name : names) {
            String value = header.apply(name);
            if (value != null && !value.isBlank()) {
                return value.trim();
            }
        }
        return null;
    }
}
