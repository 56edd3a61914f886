package io.camelretool.component.producer;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import io.camelretool.component.client.RetoolClient;
import io.camelretool.component.model.PendingInvite;
import io.camelretool.component.model.PendingInviteIndex;

/**
 * Retool's invites by email (see {@link PendingInviteIndex}), read once and reused for a short while so that a bulk
 * run does not read the whole list per row. One is shared by every endpoint with the same base URL and key, so a fresh
 * read by one (a list, or the check after a lost answer) serves them all. Concurrent callers share one read in
 * flight; invites created, revoked or found claimed meanwhile are recorded locally. What an email's entries mean is
 * decided by {@link EmailStandings}, which reads a found invite whole by its id.
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
     * The index, read again when the last read is older than {@code ttlMillis}. Many calls may wait on one read: a
     * failed read is read once more (and shared again) before they all fail.
     */
    CompletableFuture<PendingInviteIndex> index(long ttlMillis) {
        return current(ttlMillis).exceptionallyCompose(failedRead -> current(ttlMillis));
    }

    /** The index from a list read now, whatever the last read's age: for the check after a lost answer. */
    synchronized CompletableFuture<PendingInviteIndex> indexAfresh() {
        return load();
    }

    /**
     * The index from a list read no earlier than {@code since}: the first caller after that moment reads the list,
     * and every other caller naming that moment or an earlier one shares the read (in flight or done), so that
     * re-checking a whole backlog of rows costs one list read, not one per row.
     */
    synchronized CompletableFuture<PendingInviteIndex> indexReadSince(Instant since) {
        boolean tooOld = snapshot == null || snapshot.isCompletedExceptionally()
                         || readAtMillis < since.toEpochMilli();
        return tooOld ? load() : snapshot;
    }

    /**
     * Every unclaimed invite, expired ones included (they are what renew is for), read fresh from Retool; the index
     * is renewed from the same read.
     */
    CompletableFuture<List<PendingInvite>> refresh() {
        CompletableFuture<List<PendingInvite>> all = client.listInvites().thenApply(json -> json.stream()
                .map(PendingInvite::fromJson).filter(invite -> invite.email() != null)
                .sorted(Comparator.comparingInt(PendingInvite::id)).toList());
        CompletableFuture<PendingInviteIndex> index = all.thenApply(invites -> {
            PendingInviteIndex fresh = new PendingInviteIndex();
            invites.forEach(fresh::add);
            return fresh;
        });
        synchronized (this) {
            readAtMillis = System.currentTimeMillis();
            snapshot = index;
        }
        return all.thenApply(invites -> invites.stream().filter(invite -> !invite.claimed()).toList());
    }

    void added(PendingInvite invite) {
        withSnapshot(index -> index.add(invite));
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
