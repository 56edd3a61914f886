package io.camelretool.sandbox.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelretool.sandbox.validation.InvalidRequestException;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The one JSON mapper of the sandbox and Retool's envelopes and timestamp style. */
public final class Json {

    public static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private static final TypeReference<Map<String, Object>> MAP_OF_VALUES = new TypeReference<>() {
    };

    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private Json() {
    }

    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    public static ArrayNode array() {
        return MAPPER.createArrayNode();
    }

    /** Retool's timestamps: UTC, milliseconds, a {@code Z}. */
    public static String timestamp(Instant instant) {
        return instant == null ? null : TIMESTAMP.format(instant);
    }

    /** {@code {"success": true, "data": ...}}. */
    public static ObjectNode success(JsonNode data) {
        ObjectNode envelope = object();
        envelope.put("success", true);
        envelope.set("data", data);
        return envelope;
    }

    /** Retool's list envelope. */
    public static ObjectNode list(ArrayNode data, long totalCount, String nextToken, boolean hasMore) {
        ObjectNode envelope = success(data);
        envelope.put("total_count", totalCount);
        envelope.put("next_token", nextToken);
        envelope.put("has_more", hasMore);
        return envelope;
    }

    /** {@code {"success": false, "message": ...}}. */
    public static ObjectNode error(String message) {
        ObjectNode envelope = object();
        envelope.put("success", false);
        envelope.put("message", message);
        return envelope;
    }

    /** Attribute values as Retool returns them: {@code {"metadata": {...}}}. */
    public static ObjectNode metadata(Map<String, Object> metadata) {
        ObjectNode data = object();
        data.set("metadata", MAPPER.valueToTree(metadata));
        return data;
    }

    /**
     * A request body; an empty one reads as an empty object, as Retool's JSON parser treats it.
     *
     * @throws InvalidRequestException when the text is not one JSON document
     */
    public static JsonNode parseBody(String text) {
        if (text.isBlank()) {
            return object();
        }
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
            throw new InvalidRequestException("request/body is not valid JSON" + where);
        }
    }

    /** A JSON object of attribute values as a map, keeping JSON nulls; an absent object is an empty map. */
    public static Map<String, Object> valuesOf(JsonNode objectOrMissing) {
        if (objectOrMissing == null || objectOrMissing.isMissingNode() || objectOrMissing.isNull()) {
            return new LinkedHashMap<>();
        }
        return MAPPER.convertValue(objectOrMissing, MAP_OF_VALUES);
    }

    /** A validated JSON array of integers (such as group ids) as a list; an absent array is an empty list. */
    public static List<Integer> integersOf(JsonNode arrayOrMissing) {
        List<Integer> integers = new ArrayList<>();
        if (arrayOrMissing != null) {
            arrayOrMissing.forEach(item -> integers.add(item.intValue()));
        }
        return integers;
    }

    public static byte[] bytes(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree could not be written", e);
        }
    }
}
