package io.camelretool.component.producer;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;

import io.camelretool.component.client.Futures;
import io.camelretool.component.client.RetoolClient;
import io.camelretool.component.error.RetoolNotFoundException;
import io.camelretool.component.model.PendingInvite;
import io.camelretool.component.model.PendingInviteIndex;

/**
 * Retool's pending invites by email, read once and reused for a short while so that a bulk run does not read the
 * whole list per row. One is shared by every endpoint with the same base URL and key, so a fresh read by one (a
 * list, or the check after a lost answer) serves them all. Concurrent callers share one read in flight; invites
 * created meanwhile are added locally. Only each invite's id and expiry are kept (see {@link PendingInviteIndex}); an
 * invite found for an email is then read whole by its id.
 */
public final class PendingInviteCache {

    private final RetoolClient client;
    private CompletableFuture<PendingInviteIndex> snapshot;
    private long readAtMillis;

    /** @param client any client of the Retool organisation the cache mirrors */
    public PendingInviteCache(RetoolClient client) {
        this.client = client;
    }

    /**
     * The unclaimed, unexpired invites for this email (several when Retool holds duplicates), oldest first.
     *
     * @param ttlMillis how old the list read before may be to serve this call
     */
    CompletableFuture<List<PendingInvite>> forEmail(String email, long ttlMillis) {
        // many calls may wait on one read: a failed read is read once more (and shared again) before they all fail
        return current(ttlMillis).exceptionallyCompose(failedRead -> current(ttlMillis))
                .thenCompose(index -> whole(index, email));
    }

    /** The same from a list read now, whatever the last read's age: for the check after a lost answer. */
    CompletableFuture<List<PendingInvite>> forEmailAfresh(String email) {
        CompletableFuture<PendingInviteIndex> read;
        synchronized (this) {
            read = load();
        }
        return read.thenCompose(index -> whole(index, email));
    }

    /**
     * The same from a list read no earlier than {@code since}: the first caller after that moment reads the list,
     * and every other caller naming that moment or an earlier one shares the read (in flight or done), so that
     * re-checking a whole backlog of rows costs one list read, not one per row.
     */
    CompletableFuture<List<PendingInvite>> forEmailReadSince(String email, Instant since) {
        CompletableFuture<PendingInviteIndex> read;
        synchronized (this) {
            boolean tooOld = snapshot == null || snapshot.isCompletedExceptionally()
                             || readAtMillis < since.toEpochMilli();
            read = tooOld ? load() : snapshot;
        }
        return read.thenCompose(index -> whole(index, email));
    }

    /** Reads whole the invites the index holds for the email; one that went meanwhile (claimed, revoked) is left out. */
    private CompletableFuture<List<PendingInvite>> whole(PendingInviteIndex index, String email) {
        Instant now = Instant.now();
        List<PendingInviteIndex.Entry> entries = index.unexpired(email, now);
        List<CompletableFuture<PendingInvite>> reads = entries.stream()
                .map(entry -> client.getInvite(entry.id()).exceptionally(PendingInviteCache::nullWhenGone))
                .toList();
        return CompletableFuture.allOf(reads.toArray(CompletableFuture[]::new)).thenApply(done -> {
            List<PendingInvite> invites = new ArrayList<>();
            for (int i = 0; i < reads.size(); i++) {
                PendingInvite invite = reads.get(i).join();
                if (invite == null || invite.claimed()) {
                    index.remove(email, entries.get(i).id());
                } else if (!invite.isExpired(now)) {
                    invites.add(invite);
                }
            }
            return invites;
        });
    }

    /** A 404: the invite was revoked since the list was read. Any other failure stays one. */
    private static PendingInvite nullWhenGone(Throwable failure) {
        if (Futures.unwrap(failure) instanceof RetoolNotFoundException) {
            return null;
        }
        throw failure instanceof CompletionException completion ? completion : new CompletionException(failure);
    }

    /**
     * Every unclaimed invite, expired ones included (they are what renew is for), read fresh from Retool; the index
     * is renewed from the same read.
     */
    CompletableFuture<List<PendingInvite>> refresh() {
        CompletableFuture<List<PendingInvite>> all = client.listInvites().thenApply(json -> json.stream()
                .map(PendingInvite::fromJson).filter(invite -> invite.email() != null && !invite.claimed())
                .sorted(Comparator.comparingInt(PendingInvite::id)).toList());
        CompletableFuture<PendingInviteIndex> index = all.thenApply(invites -> {
            PendingInviteIndex fresh = new PendingInviteIndex();
            invites.forEach(invite -> fresh.add(invite.email(), invite.id(), invite.expiresAt()));
            return fresh;
        });
        synchronized (this) {
            readAtMillis = System.currentTimeMillis();
            snapshot = index;
        }
        return all;
    }

    void added(PendingInvite invite) {
        withSnapshot(index -> index.add(invite.email(), invite.id(), invite.expiresAt()));
    }

    void removed(PendingInvite invite) {
        withSnapshot(index -> index.remove(invite.email(), invite.id()));
    }

    private void withSnapshot(Consumer<PendingInviteIndex> change) {
        CompletableFuture<PendingInviteIndex> held;
        synchronized (this) {
            held = snapshot;
        }
        if (held != null && held.isDone() && !held.isCompletedExceptionally()) {
            change.accept(held.join());
        }
    }

    private synchronized CompletableFuture<PendingInviteIndex> current(long ttlMillis) {
        boolean stale = snapshot == null || snapshot.isCompletedExceptionally()
                        || (snapshot.isDone() && System.currentTimeMillis() - readAtMillis > ttlMillis);
        return stale ? load() : snapshot;
    }

    private CompletableFuture<PendingInviteIndex> load() {
        readAtMillis = System.currentTimeMillis();
        snapshot = client.readPendingInviteIndex();
        return snapshot;
    }
}
