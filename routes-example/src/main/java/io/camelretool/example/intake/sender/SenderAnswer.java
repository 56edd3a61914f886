package io.camelretool.example.intake.sender;

import java.util.Map;

/** The HTTP answer to a sender: its status and JSON body. */
public record SenderAnswer(int status, Map<String, Object> body) {

    static SenderAnswer error(int status, String message) {
        return new SenderAnswer(status, Map.of("error", message));
    }
}
