package io.camelretool.example.intake.sender;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The HTTP answer to a sender: its status and JSON body, as remembered for a redelivery of the same event. */
public record SenderAnswer(int status, String body) {

    private static final ObjectMapper JSON = new ObjectMapper();

    static SenderAnswer error(int status, String message) {
        return of(status, Map.of("error", message));
    }

    static SenderAnswer of(int status, Map<String, ?> json) {
        try {
            return new SenderAnswer(status, new String(JSON.writeValueAsBytes(json), StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("maps of strings always serialise", e);
        }
    }
}
