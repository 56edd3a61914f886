package io.camelretool.component.client;

import java.util.concurrent.CompletableFuture;

import io.camelretool.component.error.RetoolPermissionException;

/**
 * What the API key and the organisation's plan allow, found by calls that cannot change or cost anything: reads,
 * and writes with a deliberately empty body, which Retool refuses as invalid (400) when the call is allowed and as
 * forbidden (403) when the scope or plan is missing.
 *
 * @param canListUsers      {@code GET /api/v2/users} (Enterprise plans with a users scope)
 * @param canManageInvites  {@code /api/v2/user_invites} with the users scopes
 * @param canSetAttributes  attribute definitions and values ({@code user_attributes:write})
 * @param canMintEmbedUrls  {@code POST /api/embed-url/external-user} (the Embed scope)
 */
public record RetoolCapabilities(boolean canListUsers, boolean canManageInvites, boolean canSetAttributes,
                                 boolean canMintEmbedUrls) {

    /** Probes once; every probe is read-only or invalid on purpose, so nothing is created. */
    public static CompletableFuture<RetoolCapabilities> probe(RetoolClient client) {
        CompletableFuture<Boolean> users = allowed(client.send("GET", RetoolClient.USERS_PATH + "?limit=1", null));
        CompletableFuture<Boolean> invites = allowed(client.send("GET", RetoolClient.INVITES_PATH + "/0", null));
        CompletableFuture<Boolean> attributes = allowed(client.send("POST", RetoolClient.ATTRIBUTES_PATH,
                java.util.Map.of()));
        CompletableFuture<Boolean> embed = allowed(client.send("POST", "/api/embed-url/external-user",
                java.util.Map.of()));
        return CompletableFuture.allOf(users, invites, attributes, embed).thenApply(all -> new RetoolCapabilities(
                users.join(), invites.join(), attributes.join(), embed.join()));
    }

    /** Any answer but a 403 means the call itself is allowed; other failures (401, no answer) fail the probe. */
    private static CompletableFuture<Boolean> allowed(CompletableFuture<?> call) {
        return call.handle((answer, failure) -> {
            if (failure == null) {
                return true;
            }
            Throwable cause = Futures.unwrap(failure);
            if (cause instanceof RetoolPermissionException) {
                return false;
            }
            if (cause instanceof io.camelretool.component.error.RetoolException retool
                && (retool.getStatus() == 400 || retool.getStatus() == 404 || retool.getStatus() == 422)) {
                return true;
            }
            throw new java.util.concurrent.CompletionException(cause);
        });
    }
}
