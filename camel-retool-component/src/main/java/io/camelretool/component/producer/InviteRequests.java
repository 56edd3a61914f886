package io.camelretool.component.producer;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.camelretool.component.error.InvalidRetoolInputException;
import io.camelretool.component.model.InviteRequest;

/** Reads the invite requests out of a message body: an email, a Map, an {@link InviteRequest}, or a List of them. */
final class InviteRequests {

    private static final Set<String> MAP_KEYS = Set.of("email", "firstName", "lastName", "groupIds", "metadata",
            "attributes");

    private InviteRequests() {
    }

    /** One request from one item; {@code field} names where it sits (e.g. {@code body[3]}) for error messages. */
    static InviteRequest from(Object item, String field, List<Integer> defaultGroupIds) {
        InviteRequest request;
        if (item instanceof InviteRequest typed) {
            request = typed;
        } else if (item instanceof CharSequence email) {
            request = InviteRequest.of(email.toString().trim());
        } else if (item instanceof Map<?, ?> map) {
            request = fromMap(map, field);
        } else if (item == null) {
            throw new InvalidRetoolInputException(field, "is empty; send an email, a Map or an InviteRequest");
        } else {
            throw new InvalidRetoolInputException(field, "a " + item.getClass().getSimpleName()
                                                         + " cannot be an invite; send an email, a Map or an InviteRequest");
        }
        String email = request.getEmail() == null ? null : request.getEmail().trim();
        if (email == null || email.isEmpty()) {
            throw new InvalidRetoolInputException(field + ".email", "is required");
        }
        // the domain goes out lower-cased and, for an internationalised one, in the ASCII form Retool accepts
        String normalized = EmailInputs.normalized(email, field + ".email").address();
        AttributeValues.asTexts(request.getAttributes(), field + ".attributes");
        Set<Integer> groups = new LinkedHashSet<>(defaultGroupIds);
        groups.addAll(request.getGroupIds());
        return request.withEmail(normalized).withGroupIds(List.copyOf(groups));
    }

    private static InviteRequest fromMap(Map<?, ?> map, String field) {
        for (Object key : map.keySet()) {
            if (!MAP_KEYS.contains(String.valueOf(key))) {
                throw new InvalidRetoolInputException(field + "." + key, "is not an invite field; use one of " + MAP_KEYS);
            }
        }
        Object email = map.get("email");
        if (email != null && !(email instanceof CharSequence)) {
            throw new InvalidRetoolInputException(field + ".email", "must be a string");
        }
        return InviteRequest.builder(email == null ? null : email.toString())
                .firstName(text(map, "firstName", field))
                .lastName(text(map, "lastName", field))
                .groupIds(GroupIds.fromValue(map.get("groupIds"), field + ".groupIds"))
                .metadata(stringKeyed(map.get("metadata"), field + ".metadata"))
                .attributes(stringKeyed(map.get("attributes"), field + ".attributes"))
                .build();
    }

    private static String text(Map<?, ?> map, String key, String field) {
        Object value = map.get(key);
        if (value == null || value instanceof CharSequence) {
            return value == null ? null : value.toString();
        }
        throw new InvalidRetoolInputException(field + "." + key, "must be a string");
    }

    private static Map<String, Object> stringKeyed(Object value, String field) {
        if (value == null) {
            return Map.of();
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw new InvalidRetoolInputException(field, "must be a map of names to values");
        }
        Map<String, Object> copy = new java.util.LinkedHashMap<>();
        map.forEach((key, item) -> {
            if (item != null) {
                copy.put(String.valueOf(key), item);
            }
        });
        return copy;
    }

    /** Every item of a bulk body, validated; the first bad item refuses the whole list before any call. */
    static List<InviteRequest> allOf(List<?> items, List<Integer> defaultGroupIds) {
        List<InviteRequest> requests = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            requests.add(from(items.get(i), "body[" + i + "]", defaultGroupIds));
        }
        return requests;
    }
}
