package io.camelretool.example.intake.webhook;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelretool.example.intake.SignupLimits;
import io.camelretool.example.signup.Signup;
import io.camelretool.example.signup.SignupSource;

/**
 * Reads a webhook body: one signup object or an array of them, as UTF-8 JSON and nothing else (no second document
 * after the first, no key given twice: either would leave it to chance which signup is meant). Either every item is
 * valid and all are accepted, or the request is refused with every field error, so a sender can fix and resend the
 * whole request.
 */
public final class WebhookPayloadParser {

    public static final int MAX_BODY_BYTES = 1024 * 1024;
    public static final int MAX_ITEMS = 1000;
    private static final Set<String> FIELDS = Set.of("email", "firstName", "lastName", "company", "role", "groups",
            "attributes", "action");
    private static final Set<String> TEXT_FIELDS = Set.of("email", "firstName", "lastName", "company", "role");
    private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(20).maxStringLength(10_000).build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /** A problem with one field, addressed like {@code [2].email}. */
    public record FieldError(String path, String message) {
    }

    /**
     * What the body held: signups when {@code errors} is empty.
     *
     * @param removals the source refs of the signups whose {@code action} is {@code remove}: offboard, not sign up
     */
    public record Payload(List<Signup> signups, List<FieldError> errors, Set<String> removals) {

        Payload(List<Signup> signups, List<FieldError> errors) {
            this(signups, errors, Set.of());
        }

        public boolean isRemoval(Signup signup) {
            return removals.contains(signup.sourceRef());
        }
    }

    private WebhookPayloadParser() {
    }

    public static Payload parse(byte[] rawBody, String requestId) {
        String text;
        try {
            // parsed from the decoded text, so JSON in UTF-16 (which Jackson would detect) is refused, not read
            text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(rawBody)).toString();
        } catch (CharacterCodingException e) {
            return refused("", "the body is not UTF-8");
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            return refused("", "the body is not valid JSON: " + e.getOriginalMessage());
        }
        if (root == null || !(root.isObject() || root.isArray())) {
            return refused("", "send a signup object or an array of them");
        }
        List<JsonNode> items = new ArrayList<>();
        if (root.isArray()) {
            root.forEach(items::add);
            if (items.isEmpty() || items.size() > MAX_ITEMS) {
                return refused("", "an array needs 1 to " + MAX_ITEMS + " signups");
            }
        } else {
            items.add(root);
        }
        List<Signup> signups = new ArrayList<>();
        List<FieldError> errors = new ArrayList<>();
        Set<String> removals = new java.util.HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            String prefix = root.isArray() ? "[" + i + "]" : "";
            Signup signup = signup(items.get(i), prefix, requestId + "#" + i, errors);
            if (signup != null) {
                signups.add(signup);
                if ("remove".equals(text(items.get(i), "action"))) {
                    removals.add(signup.sourceRef());
                }
            }
        }
        return errors.isEmpty() ? new Payload(signups, List.of(), removals) : new Payload(List.of(), errors);
    }

    private static Signup signup(JsonNode item, String prefix, String sourceRef, List<FieldError> errors) {
        String at = prefix.isEmpty() ? "" : prefix + ".";
        if (!item.isObject()) {
            errors.add(new FieldError(prefix, "must be an object"));
            return null;
        }
        int before = errors.size();
        item.fieldNames().forEachRemaining(name -> {
            if (!FIELDS.contains(name)) {
                errors.add(new FieldError(at + name, "is not a signup field; use one of " + FIELDS));
            }
        });
        JsonNode action = item.get("action");
        if (action != null && !action.isNull() && !(action.isTextual()
                && (action.asText().equals("add") || action.asText().equals("remove")))) {
            errors.add(new FieldError(at + "action", "must be add or remove"));
        }
        for (String field : TEXT_FIELDS) {
            JsonNode value = item.get(field);
            if (value != null && !value.isNull() && !value.isTextual()) {
                errors.add(new FieldError(at + field, "must be a string"));
            }
        }
        JsonNode emailNode = item.get("email");
        if (emailNode == null || emailNode.isNull() || emailNode.isTextual() && emailNode.asText().isBlank()) {
            errors.add(new FieldError(at + "email", "is required"));
        }
        List<Integer> groups = new ArrayList<>();
        JsonNode groupNode = item.get("groups");
        if (groupNode != null && !groupNode.isNull()) {
            if (!groupNode.isArray()) {
                errors.add(new FieldError(at + "groups", "must be an array of integer group ids"));
            } else {
                for (int g = 0; g < groupNode.size(); g++) {
                    JsonNode id = groupNode.get(g);
                    if (id.canConvertToInt() && id.isIntegralNumber() && id.asInt() > 0) {
                        groups.add(id.asInt());
                    } else {
                        errors.add(new FieldError(at + "groups[" + g + "]", "must be a positive integer group id"));
                    }
                }
            }
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        JsonNode attributeNode = item.get("attributes");
        if (attributeNode != null && !attributeNode.isNull()) {
            if (!attributeNode.isObject()) {
                errors.add(new FieldError(at + "attributes", "must be an object of attribute names to values"));
            } else {
                attributeNode.properties().forEach(entry -> {
                    String path = at + "attributes." + entry.getKey();
                    if (!SignupLimits.isAttributeName(entry.getKey())) {
                        errors.add(new FieldError(path,
                                "is not an attribute name: " + SignupLimits.ATTRIBUTE_NAME_RULE));
                    } else if (!entry.getValue().isValueNode() || entry.getValue().isNull()) {
                        errors.add(new FieldError(path, "must be a string, number or boolean"));
                    } else {
                        attributes.put(entry.getKey(), entry.getValue().asText());
                    }
                });
            }
        }
        if (errors.size() > before) {
            return null;
        }
        Signup signup = new Signup(text(item, "email").trim(), text(item, "firstName"), text(item, "lastName"),
                text(item, "company"), text(item, "role"), groups, attributes, SignupSource.WEBHOOK, sourceRef);
        SignupLimits.problems(signup).forEach(problem -> errors.add(new FieldError(at + problem.field(),
                problem.message())));
        return errors.size() > before ? null : signup;
    }

    private static String text(JsonNode item, String field) {
        JsonNode value = item.get(field);
        return value != null && value.isTextual() ? value.asText() : null;
    }

    private static Payload refused(String path, String message) {
        return new Payload(List.of(), List.of(new FieldError(path, message)));
    }
}
