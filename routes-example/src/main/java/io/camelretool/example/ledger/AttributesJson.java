package io.camelretool.example.ledger;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The attributes last applied in Retool, as the ledger keeps them: a JSON object of names to text values. */
final class AttributesJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private AttributesJson() {
    }

    static Map<String, String> read(String json) {
        try {
            return JSON.readValue(json, new TypeReference<LinkedHashMap<String, String>>() { });
        } catch (JsonProcessingException damaged) {
            return Map.of();
        }
    }
}
