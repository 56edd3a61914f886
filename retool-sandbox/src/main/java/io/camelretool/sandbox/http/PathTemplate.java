package io.camelretool.sandbox.http;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** A path such as {@code /api/v2/user_invites/{userInviteId}} matched segment by segment. */
public final class PathTemplate {

    private final String template;
    private final String[] segments;

    public PathTemplate(String template) {
        this.template = template;
        this.segments = template.substring(1).split("/");
    }

    /** @return the placeholder values, URL-decoded, or empty when the path does not fit */
    public Optional<Map<String, String>> match(String rawPath) {
        String[] actual = rawPath.substring(1).split("/", -1);
        if (actual.length != segments.length) {
            return Optional.empty();
        }
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < segments.length; i++) {
            String expected = segments[i];
            if (expected.startsWith("{")) {
                if (actual[i].isEmpty()) {
                    return Optional.empty();
                }
                params.put(expected.substring(1, expected.length() - 1), HttpExchanges.decode(actual[i]));
            } else if (!expected.equals(actual[i])) {
                return Optional.empty();
            }
        }
        return Optional.of(params);
    }

    @Override
    public String toString() {
        return template;
    }
}
