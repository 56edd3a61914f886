package io.camelretool.component.producer;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelretool.component.client.Futures;
import io.camelretool.component.client.RetoolClient;
import io.camelretool.component.client.UserLookupGate;
import io.camelretool.component.error.RetoolNotFoundException;
import io.camelretool.component.model.EmailAddresses;
import io.camelretool.component.model.EmailStanding;
import io.camelretool.component.model.PendingInvite;
import io.camelretool.component.model.PendingInviteIndex;

/**
 * The one answer to "where does this email stand in Retool", used by {@code retool:invite} (create, lookup) and by
 * {@code retool:attributes} by email. In order: an account, where the plan can look users up; the user named by the
 * email's claimed invite (on every plan, where Retool lists claimed invites); the newest live (unclaimed, unexpired)
 * invite, read again by its id so that one claimed or revoked since the list was read is not taken for pending; the
 * newest expired one; otherwise none. Costs one user look-up where allowed, the shared list read (see
 * {@link PendingInviteCache}) and one read per live invite of the email; never a write.
 */
final class EmailStandings {

    /** The standing, and for PENDING the live invite read whole (its link, groups and metadata). */
    record Found(EmailStanding standing, PendingInvite liveInvite) {
    }

    private final RetoolClient client;
    private final PendingInviteCache invites;
    private final UserLookupGate userLookups;

    EmailStandings(RetoolClient client, PendingInviteCache invites, UserLookupGate userLookups) {
        this.client = client;
        this.invites = invites;
        this.userLookups = userLookups;
    }

    /**
     * @param lookUpUsers   whether to ask for an account first (the gate skips it where the plan refuses)
     * @param ttlMillis     how old the shared list read may be
     * @param recheckMillis how long the plan's refusal of user look-ups is believed
     */
    CompletableFuture<Found> find(String email, boolean lookUpUsers, long ttlMillis, long recheckMillis) {
        return find(email, lookUpUsers, ttlMillis, recheckMillis, null);
    }

    /** @param readSince when the invite list must have been read at or after this moment; null: {@code ttlMillis} */
    CompletableFuture<Found> find(String email, boolean lookUpUsers, long ttlMillis, long recheckMillis,
                                  Instant readSince) {
        return account(email, lookUpUsers, recheckMillis).thenCompose(account -> account.isPresent()
                ? CompletableFuture.completedFuture(new Found(account.get(), null))
                : (readSince == null ? invites.index(ttlMillis) : invites.indexReadSince(readSince))
                        .thenCompose(index -> fromInvites(email, index)));
    }

    /** The same from a list read now: for the check after a lost answer, where an old read would mislead. */
    CompletableFuture<Found> findAfresh(String email) {
        return invites.indexAfresh().thenCompose(index -> fromInvites(email, index));
    }

    /** Whether user look-ups are refused right now, and Retool's refusal; null while they are allowed or untried. */
    UserLookupGate userLookups() {
        return userLookups;
    }

    private CompletableFuture<Optional<EmailStanding>> account(String email, boolean lookUpUsers, long recheckMillis) {
        if (!lookUpUsers) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        String key = EmailAddresses.key(email);
        return userLookups.lookUp(() -> client.findUsersByEmail(email), recheckMillis).thenApply(users -> users
                .flatMap(found -> found.stream().filter(user -> key.equals(EmailAddresses.key(emailOf(user))))
                        .findFirst().map(user -> EmailStanding.account(email, user.path("id").asText(null)))));
    }

    private static String emailOf(JsonNode user) {
        return user.path("email").asText(null);
    }

    private CompletableFuture<Found> fromInvites(String email, PendingInviteIndex index) {
        PendingInviteIndex.Claim claim = index.claim(email);
        if (claim != null) {
            return done(EmailStanding.claimed(email, claim.inviteId(), claim.userId(), claim.claimedAt()), null);
        }
        List<PendingInviteIndex.Entry> newestFirst = new ArrayList<>(index.unclaimed(email));
        java.util.Collections.reverse(newestFirst);
        return newestLive(email, index, newestFirst, 0, Instant.now(), null);
    }

    /**
     * Reads the email's unexpired invites whole, newest first, until one is live; then the newest expired one (an
     * invite the list showed live may turn out expired when read).
     */
    private CompletableFuture<Found> newestLive(String email, PendingInviteIndex index,
                                                List<PendingInviteIndex.Entry> newestFirst, int next, Instant now,
                                                PendingInvite expiredOnRead) {
        int position = next;
        while (position < newestFirst.size() && newestFirst.get(position).isExpired(now)) {
            position++;
        }
        if (position == newestFirst.size()) {
            EmailStanding listedExpired = newestExpired(email, index, now);
            boolean readIsNewer = expiredOnRead != null && (listedExpired.inviteId() == null
                                                            || expiredOnRead.id() > listedExpired.inviteId());
            return done(readIsNewer ? EmailStanding.expired(email, expiredOnRead.id(), expiredOnRead.expiresAt())
                    : listedExpired, null);
        }
        PendingInviteIndex.Entry entry = newestFirst.get(position);
        int after = position + 1;
        // read by its id even when the list was read after the caller's moment (indexReadSince): such a list shows
        // every invite made before that moment, so nothing is invited twice, but not that the invite is still pending
        // now; one revoked since would become the row's invite (a person left with a dead invite, its attribute calls
        // answered 404). The read also brings the metadata that spares a re-sent signup's attribute calls
        return client.getInvite(entry.id()).exceptionally(EmailStandings::nullWhenGone).thenCompose(invite -> {
            if (invite == null) {
                index.remove(email, entry.id());
                return newestLive(email, index, newestFirst, after, now, expiredOnRead);
            }
            if (invite.claimed()) {
                index.remove(email, entry.id());
                index.addClaimed(email, invite.id(), invite.claimedBy(), invite.claimedAt());
                return done(EmailStanding.claimed(email, invite.id(), invite.claimedBy(), invite.claimedAt()), null);
            }
            if (invite.isExpired(now)) {
                return newestLive(email, index, newestFirst, after, now,
                        expiredOnRead == null ? invite : expiredOnRead);
            }
            return done(EmailStanding.pending(email, invite.id(), invite.expiresAt()), invite);
        });
    }

    private static EmailStanding newestExpired(String email, PendingInviteIndex index, Instant now) {
        List<PendingInviteIndex.Entry> all = index.unclaimed(email);
        for (int i = all.size() - 1; i >= 0; i--) {
            PendingInviteIndex.Entry entry = all.get(i);
            if (entry.isExpired(now)) {
                return EmailStanding.expired(email, entry.id(), Instant.ofEpochSecond(entry.expiresAtSecond()));
            }
        }
        return EmailStanding.none(email);
    }

    private static CompletableFuture<Found> done(EmailStanding standing, PendingInvite live) {
        return CompletableFuture.completedFuture(new Found(standing, live));
    }

    /** A 404: the invite was revoked (or, where claimed invites vanish, claimed) since the list was read. */
    private static PendingInvite nullWhenGone(Throwable failure) {
        if (Futures.unwrap(failure) instanceof RetoolNotFoundException) {
            return null;
        }
        throw failure instanceof CompletionException completion ? completion : new CompletionException(failure);
    }
}
