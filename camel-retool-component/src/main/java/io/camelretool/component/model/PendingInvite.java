package io.camelretool.component.model;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A Retool invite as the list and create calls describe it, reduced to what the component uses. Its link claims an
 * account, so {@link #toString()} shows it masked.
 *
 * @param claimedBy the user who claimed it ({@code user_...}); null while unclaimed or when Retool does not say
 * @param claimedAt when it was claimed; null while unclaimed
 */
public record PendingInvite(int id, String email, Instant expiresAt, String link, List<Integer> groupIds,
                            boolean claimed, JsonNode metadata, String claimedBy, Instant claimedAt) {

    public static PendingInvite fromJson(JsonNode invite) {
        List<Integer> groups = new ArrayList<>();
        invite.path("groups").forEach(group -> groups.add(group.path("id").asInt()));
        String claimedBy = textOrNull(invite.path("claimed_by"));
        Instant claimedAt = instant(textOrNull(invite.path("claimed_at")));
        JsonNode claimedAtField = invite.path("claimed_at");
        boolean claimed = claimedAt != null || claimedBy != null
                          || !claimedAtField.isNull() && !claimedAtField.isMissingNode();
        return new PendingInvite(invite.path("id").asInt(), invite.path("invited_email").asText(null),
                instant(invite.path("expires_at").asText(null)), invite.path("invite_link").asText(null),
                List.copyOf(groups), claimed, invite.path("metadata"), claimedBy, claimedAt);
    }

    private static String textOrNull(JsonNode node) {
        return node.isTextual() && !node.asText().isBlank() ? node.asText() : null;
    }

    private static Instant instant(String text) {
        try {
            return text == null ? null : Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    public boolean isExpired(Instant now) {
        return expiresAt != null && !expiresAt.isAfter(now);
    }

    @Override
    public String toString() {
        return "PendingInvite[id=" + id + ", email=" + email + ", expiresAt=" + expiresAt + ", link="
               + SecretUrls.masked(link) + ", groupIds=" + groupIds + ", claimed=" + claimed + ", claimedBy=" + claimedBy
               + ", metadata=" + metadata + "]";
    }

    public InviteResult toResult(InviteStatus status) {
        return new InviteResult(status, email, id, link, expiresAt, groupIds, null);
    }
}
