package io.camelretool.example.intake.sender;

import com.fasterxml.jackson.databind.JsonNode;

/** Dot paths into a sender's JSON ({@code customer_details.email}, {@code metadata.plan}, {@code items.0.id}). */
final class JsonPaths {

    private JsonPaths() {
    }

    /** The node at the path, or a missing node when any step is absent. */
    static JsonNode at(JsonNode root, String path) {
        JsonNode node = root;
        for (String step : path.split("\\.")) {
            if (node.isArray() && step.chars().allMatch(Character::isDigit) && !step.isEmpty() && step.length() < 10) {
                node = node.path(Integer.parseInt(step));
            } else {
                node = node.path(step);
            }
        }
        return node;
    }

    /** The text of a string, number or boolean at the path; null for anything else (absent, null, object, array). */
    static String text(JsonNode root, String path) {
        JsonNode node = at(root, path);
        return node.isValueNode() && !node.isNull() ? node.asText() : null;
    }
}
