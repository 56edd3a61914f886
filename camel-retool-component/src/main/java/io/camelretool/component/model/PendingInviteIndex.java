package io.camelretool.component.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Retool's invites reduced to what "where does this email stand" needs: each unclaimed invite's id and expiry, and
 * for each email the newest claimed invite's id, claimer and claim time, by email key. Kept this small (the email key
 * and a few numbers an invite) so that an organisation with a hundred thousand invites fits in a small heap; the rest
 * of an invite is read by its id when one is found. Claimed invites appear only where Retool lists them.
 */
public final class PendingInviteIndex {

    /** One unclaimed invite; {@code expiresAtSecond} is {@link Long#MAX_VALUE} when Retool gave no expiry. */
    public record Entry(int id, long expiresAtSecond) {

        public boolean isExpired(Instant now) {
            return expiresAtSecond <= now.getEpochSecond();
        }
    }

    /** A claimed invite: the user it led to ({@code user_...}) and when it was claimed (null when Retool gave none). */
    public record Claim(int inviteId, String userId, Instant claimedAt) {
    }

    /** Sees every invite the index holds, the email given as its key (trimmed, lower case). */
    public interface Visitor {

        void pending(String emailKey, Entry entry);

        void claimed(String emailKey, Claim claim);
    }

    private final Map<String, List<Entry>> byEmailKey = new ConcurrentHashMap<>();
    private final Map<String, Claim> claimsByEmailKey = new ConcurrentHashMap<>();

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

    /** Adds a claimed invite; of several for one email the newest (highest id) is kept. */
    public void addClaimed(String email, int id, String userId, Instant claimedAt) {
        if (email == null || userId == null) {
            return;
        }
        Claim claim = new Claim(id, userId, claimedAt);
        claimsByEmailKey.merge(EmailAddresses.key(email), claim,
                (held, offered) -> offered.inviteId() > held.inviteId() ? offered : held);
    }

    /** Adds whatever the invite is, claimed or not. */
    public void add(PendingInvite invite) {
        if (invite.claimed()) {
            addClaimed(invite.email(), invite.id(), invite.claimedBy(), invite.claimedAt());
        } else {
            add(invite.email(), invite.id(), invite.expiresAt());
        }
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
        return unclaimed(email).stream().filter(entry -> !entry.isExpired(now)).toList();
    }

    /** Every unclaimed invite for this email, expired ones included, oldest id first. */
    public List<Entry> unclaimed(String email) {
        return byEmailKey.getOrDefault(EmailAddresses.key(email), List.of()).stream()
                .sorted(Comparator.comparingInt(Entry::id)).toList();
    }

    /** The newest claimed invite of this email, or null when the index holds none. */
    public Claim claim(String email) {
        return email == null ? null : claimsByEmailKey.get(EmailAddresses.key(email));
    }

    /** Visits every invite held: unclaimed ones, then claimed ones. */
    public void forEach(Visitor visitor) {
        byEmailKey.forEach((key, entries) -> entries.forEach(entry -> visitor.pending(key, entry)));
        claimsByEmailKey.forEach(visitor::claimed);
    }

    /** How many unclaimed invites the index holds. */
    public int size() {
        return byEmailKey.values().stream().mapToInt(List::size).sum();
    }

    /** How many emails the index knows a claimed invite of. */
    public int claimedSize() {
        return claimsByEmailKey.size();
    }
}
