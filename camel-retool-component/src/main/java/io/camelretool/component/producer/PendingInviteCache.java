package io.camelretool.component.producer;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import io.camelretool.component.client.RetoolClient;
import io.camelretool.component.model.EmailAddresses;
import io.camelretool.component.model.PendingInvite;

/**
 * Retool's pending invites by email, read once and reused for a short while so that a bulk run does not read the
 * whole list per row. One is shared by every endpoint with the same base URL and key, so a fresh read by one (a
 * list, or the check after a lost answer) serves them all. Concurrent callers share one read in flight; invites
 * created meanwhile are added locally.
 */
public final class PendingInviteCache {

    private final RetoolClient client;
    private CompletableFuture<Map<String, List<PendingInvite>>> snapshot;
    private long readAtMillis;

    /** @param client any client of the Retool organisation the cache mirrors */
    public PendingInviteCache(RetoolClient client) {
        this.client = client;
    }

    /**
     * The unclaimed, unexpired invites for this email (several when Retool holds duplicates).
     *
     * @param ttlMillis how old the list read before may be to serve this call
     */
    CompletableFuture<List<PendingInvite>> forEmail(String email, long ttlMillis) {
        String key = EmailAddresses.key(email);
        Instant now = Instant.now();
        // many calls may wait on one read: a failed read is read once more (and shared again) before they all fail
        return current(ttlMillis).exceptionallyCompose(failedRead -> current(ttlMillis)).thenApply(byEmail -> byEmail.getOrDefault(key, List.of()).stream()
                .filter(invite -> !invite.isExpired(now)).toList());
    }

    /** Every unclaimed invite, expired ones included (they are what renew is for), read fresh from Retool. */
    CompletableFuture<List<PendingInvite>> refresh() {
        CompletableFuture<Map<String, List<PendingInvite>>> read;
        synchronized (this) {
            read = load();
        }
        return read.thenApply(byEmail -> {
            List<PendingInvite> all = new ArrayList<>();
            byEmail.values().forEach(all::addAll);
            all.sort(java.util.Comparator.comparingInt(PendingInvite::id));
            return all;
        });
    }

    void added(PendingInvite invite) {
        withSnapshot(byEmail -> byEmail.computeIfAbsent(EmailAddresses.key(invite.email()),
                ignored -> new java.util.concurrent.CopyOnWriteArrayList<>()).add(invite));
    }

    void removed(PendingInvite invite) {
        withSnapshot(byEmail -> byEmail.computeIfPresent(EmailAddresses.key(invite.email()), (key, invites) -> {
            invites.removeIf(held -> held.id() == invite.id());
            return invites.isEmpty() ? null : invites;
        }));
    }

    private void withSnapshot(java.util.function.Consumer<Map<String, List<PendingInvite>>> change) {
        CompletableFuture<Map<String, List<PendingInvite>>> held;
        synchronized (this) {
            held = snapshot;
        }
        if (held != null && held.isDone() && !held.isCompletedExceptionally()) {
            change.accept(held.join());
        }
    }

    private synchronized CompletableFuture<Map<String, List<PendingInvite>>> current(long ttlMillis) {
        boolean stale = snapshot == null || snapshot.isCompletedExceptionally()
                        || (snapshot.isDone() && System.currentTimeMillis() - readAtMillis > ttlMillis);
        return stale ? load() : snapshot;
    }

    private CompletableFuture<Map<String, List<PendingInvite>>> load() {
        readAtMillis = System.currentTimeMillis();
        snapshot = client.listInvites().thenApply(PendingInviteCache::index);
        return snapshot;
    }

    private static Map<String, List<PendingInvite>> index(List<com.fasterxml.jackson.databind.JsonNode> invites) {
        Map<String, List<PendingInvite>> byEmail = new ConcurrentHashMap<>();
        for (var json : invites) {
            PendingInvite invite = PendingInvite.fromJson(json);
            if (invite.email() != null && !invite.claimed()) {
                byEmail.computeIfAbsent(EmailAddresses.key(invite.email()),
                        ignored -> new java.util.concurrent.CopyOnWriteArrayList<>()).add(invite);
            }
        }
        return byEmail;
    }
}
