package io.camelretool.component.client;

/**
 * A call's path as a meter names it: ids and attribute names replaced ({@code /api/v2/user_invites/{id}}), the query
 * left out, so there is one meter per Retool endpoint and not one per invite, user or page.
 */
final class MeteredEndpoints {

    private MeteredEndpoints() {
    }

    static String of(String path) {
        int query = path.indexOf('?');
        String[] segments = (query < 0 ? path : path.substring(0, query)).split("/", -1);
        for (int i = 1; i < segments.length; i++) {
            switch (segments[i - 1]) {
                case "user_invites", "users" -> segments[i] = "{id}";
                case "user_attributes" -> segments[i] = "{name}";
                default -> {
                    // a fixed segment of the API's path
                }
            }
        }
        return String.join("/", segments);
    }
}
