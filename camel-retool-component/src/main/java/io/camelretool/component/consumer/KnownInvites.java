package io.camelretool.component.consumer;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.camelretool.component.model.PendingInviteIndex;

/**
 * What the consumer last saw of each invite (pending, expired or claimed, with its email and expiry), and whether
 * Retool has ever been seen listing a claimed invite. Compared with a fresh list read it yields the changes; written to
 * and read from one text value of a Camel {@code StateRepository}, so a restart starts where the last run stopped.
 */
final class KnownInvites {

    private static final String FORMAT = "retool-invites/1";

    enum State { PENDING, EXPIRED, CLAIMED }

    record Known(State state, long expiresAtSecond, String emailKey) {
    }

    private final Map<Integer, Known> byId = new HashMap<>();
    private boolean claimsListed;

    /** Reads what {@link #write()} wrote; null or a value of another format starts from nothing. */
    static KnownInvites read(String text) {
        KnownInvites known = new KnownInvites();
        if (text == null || !text.startsWith(FORMAT + " ")) {
            return known;
        }
        String[] records = text.split(" ");
        known.claimsListed = records.length > 1 && records[1].equals("claims-listed");
        for (int i = 2; i < records.length; i++) {
            String[] fields = records[i].split(",", 4);
            try {
                known.byId.put(Integer.valueOf(fields[0]), new Known(State.valueOf(fields[1]),
                        Long.parseLong(fields[2]), URLDecoder.decode(fields[3], StandardCharsets.UTF_8)));
            } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException damaged) {
                // a damaged record is forgotten: that invite is seen anew, its state reported again at worst
            }
        }
        return known;
    }

    /**
     * One line (Camel's FileStateRepository refuses line breaks in a value): the format, whether claims were seen
     * listed, then one record per invite, its email URL-encoded so that no separator can occur inside it.
     */
    String write() {
        StringBuilder text = new StringBuilder(FORMAT).append(' ')
                .append(claimsListed ? "claims-listed" : "claims-unseen");
        byId.forEach((id, known) -> text.append(' ').append(id).append(',').append(known.state()).append(',')
                .append(known.expiresAtSecond()).append(',')
                .append(URLEncoder.encode(known.emailKey(), StandardCharsets.UTF_8)));
        return text.toString();
    }

    /**
     * The changes between what is known and what Retool lists now, in a stable order (by invite id). New pending
     * invites are not changes; they are only {@link #settle settled} into what is known.
     */
    List<InviteChange> changes(PendingInviteIndex listed, Instant now) {
        List<InviteChange> changes = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        boolean claimsNowListed = claimsListed || listed.claimedSize() > 0;
        listed.forEach(new PendingInviteIndex.Visitor() {
            @Override
            public void pending(String emailKey, PendingInviteIndex.Entry entry) {
                seen.add(entry.id());
                Known before = byId.get(entry.id());
                if (entry.isExpired(now) && (before == null || before.state() != State.EXPIRED)) {
                    changes.add(new InviteChange(InviteChangeKind.EXPIRED, entry.id(), emailKey, null, null,
                            expiry(entry.expiresAtSecond())));
                }
            }

            @Override
            public void claimed(String emailKey, PendingInviteIndex.Claim claim) {
                seen.add(claim.inviteId());
                Known before = byId.get(claim.inviteId());
                if (before == null || before.state() != State.CLAIMED) {
                    Instant expiresAt = before == null ? null : expiry(before.expiresAtSecond());
                    changes.add(new InviteChange(InviteChangeKind.CLAIMED, claim.inviteId(), emailKey,
                            claim.userId(), claim.claimedAt(), expiresAt));
                }
            }
        });
        byId.forEach((id, known) -> {
            if (!seen.contains(id) && known.state() != State.CLAIMED) {
                boolean revoked = known.state() == State.EXPIRED || claimsNowListed;
                changes.add(new InviteChange(revoked ? InviteChangeKind.REVOKED : InviteChangeKind.VANISHED, id,
                        known.emailKey(), null, null, expiry(known.expiresAtSecond())));
            }
        });
        changes.sort(java.util.Comparator.comparingInt(InviteChange::inviteId));
        return changes;
    }

    /** Records one change as delivered. */
    void apply(InviteChange change) {
        long expires = change.expiresAt() == null ? Long.MAX_VALUE : change.expiresAt().getEpochSecond();
        switch (change.kind()) {
            case CLAIMED -> {
                byId.put(change.inviteId(), new Known(State.CLAIMED, expires, change.email()));
                claimsListed = true;
            }
            case EXPIRED -> byId.put(change.inviteId(), new Known(State.EXPIRED, expires, change.email()));
            case REVOKED, VANISHED -> byId.remove(change.inviteId());
        }
    }

    /**
     * After every change of a poll was delivered: takes in the invites that are not changes (new pending ones) and
     * forgets claimed ones no longer listed, so what is known mirrors the list read.
     */
    void settle(PendingInviteIndex listed) {
        Set<Integer> seen = new HashSet<>();
        listed.forEach(new PendingInviteIndex.Visitor() {
            @Override
            public void pending(String emailKey, PendingInviteIndex.Entry entry) {
                seen.add(entry.id());
                byId.putIfAbsent(entry.id(), new Known(State.PENDING, entry.expiresAtSecond(), emailKey));
            }

            @Override
            public void claimed(String emailKey, PendingInviteIndex.Claim claim) {
                seen.add(claim.inviteId());
            }
        });
        byId.entrySet().removeIf(known -> !seen.contains(known.getKey()) && known.getValue().state() == State.CLAIMED);
        if (listed.claimedSize() > 0) {
            claimsListed = true;
        }
    }

    int size() {
        return byId.size();
    }

    private static Instant expiry(long second) {
        return second == Long.MAX_VALUE ? null : Instant.ofEpochSecond(second);
    }
}
