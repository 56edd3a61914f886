package io.camelretool.example.intake.sender;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelretool.example.signup.SignupSource;

/**
 * Shopify's webhooks name their topic in the {@code X-Shopify-Topic} header; {@code customers/create} carries the
 * customer as the body ({@code email}, {@code first_name}, {@code last_name}), which configured dot paths such as
 * {@code tags} are read from.
 */
public record ShopifyEvents(PayloadMapping mapping) implements EventMapper {

    public static final String TOPIC_HEADER = "X-Shopify-Topic";
    public static final String WEBHOOK_ID_HEADER = "X-Shopify-Webhook-Id";

    @Override
    public SenderEvent map(JsonNode body, SenderRequest request, String eventId) {
        String topic = request.firstHeader(TOPIC_HEADER);
        String type = topic == null ? "" : topic;
        if (!type.equals("customers/create")) {
            return new SenderEvent.Unmapped(eventId, type);
        }
        return new SignupDraft(JsonPaths.text(body, "email"), JsonPaths.text(body, "first_name"),
                JsonPaths.text(body, "last_name"), body).toEvent(eventId, type, SignupSource.SHOPIFY, mapping);
    }
}
