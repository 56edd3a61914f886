package io.camelretool.sandbox.state;

import io.camelretool.sandbox.SandboxInvite;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

/**
 * The invites that exist (created and not revoked), ordered by id, which is creation order. Lock-free: ids come
 * from a counter and each invite is replaced atomically when it changes.
 */
public final class InviteStore {

    /** Retool's fixed invite lifetime; the create call cannot change it. */
    public static final Duration INVITE_LIFETIME = Duration.ofDays(7);

    static final String INVITED_BY = "admin@sandbox.retool.local";

    private final ConcurrentSkipListMap<Integer, SandboxInvite> invites = new ConcurrentSkipListMap<>();
    private final AtomicInteger lastId = new AtomicInteger();

    /** Always creates a new invite, even for an email that already has a pending one, as Retool may. */
    public SandboxInvite create(String email, List<Integer> groupIds, Map<String, Object> metadata, Instant now) {
        int id = lastId.incrementAndGet();
        String link = "https://sandbox.retool.com/user/invite/" + SecureTokens.hex(16);
        SandboxInvite invite = new SandboxInvite(id, email, groupIds, metadata, INVITED_BY, link, now,
                now.plus(INVITE_LIFETIME), null, null);
        invites.put(id, invite);
        return invite;
    }

    public Optional<SandboxInvite> find(int id) {
        return Optional.ofNullable(invites.get(id));
    }

    /** Every invite not revoked, claimed and expired ones included, in creation order. */
    public List<SandboxInvite> all() {
        return new ArrayList<>(invites.values());
    }

    /** The invites whose email matches, ignoring case and surrounding blanks. */
    public List<SandboxInvite> forEmail(String email) {
        String wanted = normalise(email);
        List<SandboxInvite> matching = new ArrayList<>();
        for (SandboxInvite invite : invites.values()) {
            if (normalise(invite.email()).equals(wanted)) {
                matching.add(invite);
            }
        }
        return matching;
    }

    /**
     * Applies a change to one invite atomically.
     *
     * @return the changed invite, empty when no invite has that id
     */
    public Optional<SandboxInvite> update(int id, UnaryOperator<SandboxInvite> change) {
        return Optional.ofNullable(invites.computeIfPresent(id, (key, current) -> change.apply(current)));
    }

    /** @return whether an invite with that id existed */
    public boolean revoke(int id) {
        return invites.remove(id) != null;
    }

    public void clear() {
        invites.clear();
        lastId.set(0);
    }

    static String normalise(String email) {
        return email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
    }
}
