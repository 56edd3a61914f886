package io.camelretool.example.intake.sender;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Which fields of a sender's payload become Retool attributes and group ids, configured per source as dot paths:
 * {@code plan=metadata.plan, tier=metadata.tier} for attributes, {@code metadata.retool_groups} for groups (a value
 * there may be an id, a comma-separated list of ids, or an array of them). An absent field maps to nothing; a value
 * that is not a group id makes the event unusable, reported with why, rather than inviting into the wrong groups.
 */
public record PayloadMapping(Map<String, String> attributePaths, List<String> groupPaths) {

    public static final PayloadMapping NONE = new PayloadMapping(Map.of(), List.of());
    private static final Pattern ATTRIBUTE_NAME = Pattern.compile("[a-z0-9_]{1,255}");
    private static final Pattern PATH = Pattern.compile("[A-Za-z0-9_\\-]+(\\.[A-Za-z0-9_\\-]+)*");

    public PayloadMapping {
        attributePaths = Map.copyOf(attributePaths);
        groupPaths = List.copyOf(groupPaths);
    }

    /**
     * @param attributes {@code name=path} pairs, comma-separated
     * @param groups     paths, comma-separated
     * @param variable   the prefix of the two settings' environment variables, for the refusal's message
     */
    public static PayloadMapping parse(String attributes, String groups, String variable) {
        Map<String, String> attributePaths = new LinkedHashMap<>();
        for (String pair : items(attributes)) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? "" : pair.substring(0, equals).strip();
            String path = equals < 0 ? "" : pair.substring(equals + 1).strip();
            if (!ATTRIBUTE_NAME.matcher(name).matches() || !PATH.matcher(path).matches()) {
                throw new IllegalArgumentException(variable + "_ATTRIBUTES: '" + pair + "' is not name=dot.path with "
                                                   + "a Retool attribute name (a-z, 0-9, _)");
            }
            attributePaths.put(name, path);
        }
        List<String> groupPaths = new ArrayList<>();
        for (String path : items(groups)) {
            if (!PATH.matcher(path).matches()) {
                throw new IllegalArgumentException(variable + "_GROUPS: '" + path + "' is not a dot.path");
            }
            groupPaths.add(path);
        }
        return new PayloadMapping(attributePaths, groupPaths);
    }

    private static List<String> items(String commaSeparated) {
        return commaSeparated == null ? List.of() : Arrays.stream(commaSeparated.split(",")).map(String::strip)
                .filter(item -> !item.isEmpty()).toList();
    }

    /** The attributes the payload carries: name to text (an object or array as its JSON). */
    Map<String, String> attributes(JsonNode payload) {
        Map<String, String> values = new LinkedHashMap<>();
        attributePaths.forEach((name, path) -> {
            JsonNode node = JsonPaths.at(payload, path);
            if (!node.isMissingNode() && !node.isNull()) {
                values.put(name, node.isValueNode() ? node.asText() : node.toString());
            }
        });
        return values;
    }

    /** The group ids the payload asks for. @throws IllegalArgumentException naming the path of a value that is not one */
    List<Integer> groups(JsonNode payload) {
        List<Integer> ids = new ArrayList<>();
        for (String path : groupPaths) {
            JsonNode node = JsonPaths.at(payload, path);
            List<JsonNode> values = new ArrayList<>();
            if (node.isArray()) {
                node.forEach(values::add);
            } else if (!node.isMissingNode() && !node.isNull()) {
                values.add(node);
            }
            for (JsonNode value : values) {
                for (String id : value.isTextual() ? value.asText().split(",") : new String[] {value.asText()}) {
                    ids.add(groupId(id.strip(), path));
                }
            }
        }
        return ids;
    }

    private static int groupId(String text, String path) {
        if (!text.isEmpty() && text.length() < 10 && text.chars().allMatch(Character::isDigit)) {
            int id = Integer.parseInt(text);
            if (id > 0) {
                return id;
            }
        }
        // the value itself stays out of the reason: it is the sender's text, and the reason is logged and reported
        throw new IllegalArgumentException(path + " holds a value that is not a Retool group id (a positive integer)");
    }
}
