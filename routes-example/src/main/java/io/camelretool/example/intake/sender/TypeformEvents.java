package io.camelretool.example.intake.sender;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelretool.example.signup.SignupSource;

/**
 * Typeform's {@code form_response} events: the email is the answer of type {@code email}; first and last name are the
 * answers whose field {@code ref} is configured. Configured dot paths are read from {@code form_response}, in which
 * {@code answers.<ref>} stands for the value of the answer to the field with that ref and {@code hidden.<name>} for a
 * hidden field.
 *
 * @param firstNameRef the ref of the field that asks for the first name (Typeform lets a form's author set refs)
 * @param lastNameRef  the same for the last name
 */
public record TypeformEvents(PayloadMapping mapping, String firstNameRef, String lastNameRef) implements EventMapper {

    @Override
    public SenderEvent map(JsonNode body, SenderRequest request, String eventId) {
        String type = body.path("event_type").asText("");
        if (!type.equals("form_response")) {
            return new SenderEvent.Unmapped(eventId, type);
        }
        JsonNode response = body.path("form_response");
        ObjectNode answers = JsonNodeFactory.instance.objectNode();
        String email = null;
        for (JsonNode answer : response.path("answers")) {
            String answerType = answer.path("type").asText("");
            JsonNode value = answer.path(answerType);
            if (answerType.equals("email") && email == null && value.isTextual()) {
                email = value.asText();
            }
            String ref = answer.path("field").path("ref").asText("");
            if (!ref.isEmpty() && !answers.has(ref)) {
                answers.set(ref, valueOf(answerType, value));
            }
        }
        ObjectNode view = response.isObject() ? ((ObjectNode) response).deepCopy()
                : JsonNodeFactory.instance.objectNode();
        view.set("answers", answers);
        return new SignupDraft(email, text(answers, firstNameRef), text(answers, lastNameRef), view)
                .toEvent(eventId, type, SignupSource.TYPEFORM, mapping);
    }

    /** A choice answer stands for its label, several choices for their labels joined; other types for their value. */
    private static JsonNode valueOf(String answerType, JsonNode value) {
        if (answerType.equals("choice")) {
            return value.path("label");
        }
        if (answerType.equals("choices")) {
            List<String> labels = new ArrayList<>();
            value.path("labels").forEach(label -> labels.add(label.asText()));
            return JsonNodeFactory.instance.textNode(String.join(", ", labels));
        }
        return value;
    }

    private static String text(ObjectNode answers, String ref) {
        return ref == null || ref.isBlank() ? null : JsonPaths.text(answers, ref);
    }
}
