package io.camelretool.component.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Retool's unclaimed invites reduced to what a duplicate check needs: each one's id and expiry, by email key. Kept
 * this small (the email key and two numbers an invite) so that an organisation with a hundred thousand pending invites fits
 * in a small heap; the rest of an invite is read by its id when one is found.
 */
public final class PendingInviteIndex {

    /** One unclaimed invite; {@code expiresAtSecond} is {@link Long#MAX_VALUE} when Retool gave no expiry. */
    public record Entry(int id, long expiresAtSecond) {

        public boolean isExpired(Instant now) {
            return expiresAtSecond <= now.getEpochSecond();
        }
    }

    private final Map<String, List<Entry>> byEmailKey = new ConcurrentHashMap<>();

    /** Adds an unclaimed invite for this email (a second one for the same email is kept too). */
    public void add(String email, int id, Instant expiresAt) {
        if (email == null) {
            return;
        }
        Entry entry = new Entry(id, expiresAt == null ? Long.MAX_VALUE : expiresAt.getEpochSecond());
        byEmailKey.compute(EmailAddresses.key(email), (key, entries) -> {
            List<Entry> more = entries == null ? new ArrayList<>(1) : new ArrayList<>(entries);
            more.add(entry);
            return List.copyOf(more);
        });
    }

    public void remove(String email, int id) {
        if (email == null) {
            return;
        }
        byEmailKey.computeIfPresent(EmailAddresses.key(email), (key, entries) -> {
            List<Entry> left = entries.stream().filter(entry -> entry.id() != id).toList();
            return left.isEmpty() ? null : left;
        });
    }

    /** The invites for this email not yet expired, oldest id first. */
    public List<Entry> unexpired(String email, Instant now) {
        return byEmailKey.getOrDefault(EmailAddresses.key(email), List.of()).stream()
                .filter(entry -> !entry.isExpired(now)).sorted(java.util.Comparator.comparingInt(Entry::id)).toList();
    }

    public int size() {
        return byEmailKey.values().stream().mapToInt(List::size).sum();
    }
}
