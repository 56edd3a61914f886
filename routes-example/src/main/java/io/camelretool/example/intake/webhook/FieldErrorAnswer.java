package io.camelretool.example.intake.webhook;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;


/**
 * The body of a 400: the first {@value #SHOWN} field errors and how many there are in all. A request of a thousand
 * broken signups must not be answered with megabytes; the first errors show the sender what to fix.
 */
final class FieldErrorAnswer {

    static final int SHOWN = 50;

    private FieldErrorAnswer() {
    }

    static Map<String, Object> of(List<WebhookPayloadParser.FieldError> errors) {
        Map<String, String> shown = new LinkedHashMap<>();
        for (WebhookPayloadParser.FieldError error : errors) {
            if (shown.size() == SHOWN) {
                break;
            }
            shown.putIfAbsent(error.path().isEmpty() ? "body" : error.path(), error.message());
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("errors", shown);
        answer.put("errorCount", errors.size());
        if (errors.size() > shown.size()) {
            answer.put("more", (errors.size() - shown.size()) + " more error(s) not listed; fix these and send again");
        }
        return answer;
    }
}
