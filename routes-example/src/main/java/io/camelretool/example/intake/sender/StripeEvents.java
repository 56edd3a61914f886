package io.camelretool.example.intake.sender;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelretool.example.signup.SignupSource;

/**
 * Stripe's events: {@code checkout.session.completed} (the buyer in {@code customer_details.email} and {@code .name},
 * else {@code customer_email}) and {@code customer.created} ({@code email}, {@code name}), each read from the
 * event's {@code data.object}, which is also what configured dot paths such as {@code metadata.plan} are read from.
 */
public record StripeEvents(PayloadMapping mapping) implements EventMapper {

    @Override
    public SenderEvent map(JsonNode body, SenderRequest request, String eventId) {
        String type = body.path("type").asText("");
        JsonNode object = body.path("data").path("object");
        SignupDraft draft = switch (type) {
            case "checkout.session.completed" -> SignupDraft.withFullName(
                    firstText(object, "customer_details.email", "customer_email"),
                    JsonPaths.text(object, "customer_details.name"), object);
            case "customer.created" -> SignupDraft.withFullName(JsonPaths.text(object, "email"),
                    JsonPaths.text(object, "name"), object);
            default -> null;
        };
        return draft == null ? new SenderEvent.Unmapped(eventId, type)
                : draft.toEvent(eventId, type, SignupSource.STRIPE, mapping);
    }

    private static String firstText(JsonNode object, String... paths) {
        for (String path : paths) {
            String text = JsonPaths.text(object, path);
            if (text != null && !text.isBlank()) {
                return text;
            }
        }
        return null;
    }
}
