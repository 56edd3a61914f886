package io.camelretool.example.policy;

import java.util.List;
import java.util.Map;

/**
 * What every invite of one class gets on top of what its signup asked for.
 *
 * @param groupIds   Retool group ids the invite joins
 * @param attributes Retool user-attribute values set on the invite; they win over a signup's own value of the
 *                   same name, because the policy, not the sender, decides them
 */
public record ClassSettings(List<Integer> groupIds, Map<String, String> attributes) {

    public static final ClassSettings NONE = new ClassSettings(List.of(), Map.of());

    public ClassSettings {
        groupIds = List.copyOf(groupIds);
        attributes = Map.copyOf(attributes);
    }
}
