package io.camelretool.example.intake.sender;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelretool.example.signup.SignupSource;

/**
 * Events of Standard Webhooks senders, {@code {"type": ..., "data": {...}}}. Clerk's {@code user.created} names its
 * person by {@code data.primary_email_address_id} among {@code data.email_addresses}, with {@code first_name} and
 * {@code last_name}; any other sender's event whose {@code data} is a generic signup ({@code email}, {@code firstName},
 * {@code lastName}) is mapped as such. Configured dot paths are read from {@code data}.
 * <p>
 * Only a creation is a signup: Clerk-shaped data under any other type ({@code user.updated} carries the same user
 * object, perhaps with a new primary address) and any {@code *.updated} or {@code *.deleted} event are acknowledged
 * unmapped, so that a change or a removal of someone already known never takes a second paid seat.
 */
public record StandardWebhookEvents(PayloadMapping mapping) implements EventMapper {

    private static final String CLERK_USER_CREATED = "user.created";

    @Override
    public SenderEvent map(JsonNode body, SenderRequest request, String eventId) {
        String type = body.path("type").asText("");
        JsonNode data = body.path("data");
        boolean clerkShaped = data.has("email_addresses");
        SignupDraft draft;
        if (changesOrRemovesSomeone(type)) {
            return new SenderEvent.Unmapped(eventId, type);
        } else if (type.equals(CLERK_USER_CREATED) && (clerkShaped || !data.has("email"))) {
            draft = new SignupDraft(primaryClerkEmail(data), JsonPaths.text(data, "first_name"),
                    JsonPaths.text(data, "last_name"), data);
        } else if (!clerkShaped && data.has("email")) {
            draft = new SignupDraft(JsonPaths.text(data, "email"), JsonPaths.text(data, "firstName"),
                    JsonPaths.text(data, "lastName"), data);
        } else {
            return new SenderEvent.Unmapped(eventId, type);
        }
        return draft.toEvent(eventId, type, SignupSource.STANDARD_WEBHOOKS, mapping);
    }

    /** An event about a person who already exists at the sender (Standard Webhooks types are dotted, verb last). */
    private static boolean changesOrRemovesSomeone(String type) {
        return type.endsWith(".updated") || type.endsWith(".deleted");
    }

    /** The address whose id is the primary one; with no primary named, the only address there is. */
    private static String primaryClerkEmail(JsonNode data) {
        JsonNode addresses = data.path("email_addresses");
        String primary = JsonPaths.text(data, "primary_email_address_id");
        for (JsonNode address : addresses) {
            if (primary != null && primary.equals(JsonPaths.text(address, "id"))) {
                return JsonPaths.text(address, "email_address");
            }
        }
        return primary == null && addresses.size() == 1 ? JsonPaths.text(addresses.get(0), "email_address") : null;
    }
}
