package io.camelretool.sandbox.state;

import io.camelretool.sandbox.SandboxUser;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

/**
 * The organization's users, ordered by legacy id (creation order) so that cursor paging is stable. Creation is
 * serialised because an email may belong to one user only; reads and attribute changes are lock-free.
 */
public final class UserStore {

    private final ConcurrentSkipListMap<Integer, SandboxUser> byLegacyId = new ConcurrentSkipListMap<>();
    private final Map<String, Integer> legacyIdByUserId = new ConcurrentHashMap<>();
    private final AtomicInteger lastLegacyId = new AtomicInteger();

    /** The fields a new account starts with. */
    public record NewUser(String email, String firstName, String lastName, String userType, boolean active,
            Map<String, Object> metadata, List<Integer> groupIds) {
    }

    /** @return the new user, empty when a user with that email already exists */
    public synchronized Optional<SandboxUser> create(NewUser fields, Instant now) {
        if (findByEmail(fields.email()).isPresent()) {
            return Optional.empty();
        }
        return Optional.of(insert(fields, now));
    }

    /**
     * The account an accepted invite leads to: a new user, or the existing user with that email with the invite's
     * attributes and groups added.
     */
    public synchronized SandboxUser createOrMerge(String email, Map<String, Object> metadata, List<Integer> groupIds,
            Instant now) {
        Optional<SandboxUser> existing = findByEmail(email);
        if (existing.isEmpty()) {
            return insert(new NewUser(email, null, null, "default", true, metadata, groupIds), now);
        }
        SandboxUser user = existing.get();
        Map<String, Object> mergedMetadata = new LinkedHashMap<>(user.metadata());
        mergedMetadata.putAll(metadata);
        Set<Integer> mergedGroups = new LinkedHashSet<>(user.groupIds());
        mergedGroups.addAll(groupIds);
        SandboxUser merged = new SandboxUser(user.id(), user.legacyId(), user.email(), user.firstName(),
                user.lastName(), user.userType(), user.active(), mergedMetadata, List.copyOf(mergedGroups),
                user.createdAt());
        byLegacyId.put(user.legacyId(), merged);
        return merged;
    }

    public Optional<SandboxUser> find(String userId) {
        Integer legacyId = legacyIdByUserId.get(userId);
        return legacyId == null ? Optional.empty() : Optional.ofNullable(byLegacyId.get(legacyId));
    }

    public Optional<SandboxUser> findByEmail(String email) {
        String wanted = InviteStore.normalise(email);
        return byLegacyId.values().stream()
                .filter(user -> InviteStore.normalise(user.email()).equals(wanted))
                .findFirst();
    }

    /** Every user in creation order. */
    public List<SandboxUser> all() {
        return new ArrayList<>(byLegacyId.values());
    }

    /**
     * Applies a change to one user atomically.
     *
     * @return the changed user, empty when no user has that id
     */
    public Optional<SandboxUser> update(String userId, UnaryOperator<SandboxUser> change) {
        Integer legacyId = legacyIdByUserId.get(userId);
        if (legacyId == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(byLegacyId.computeIfPresent(legacyId, (key, current) -> change.apply(current)));
    }

    public synchronized void clear() {
        byLegacyId.clear();
        legacyIdByUserId.clear();
        lastLegacyId.set(0);
    }

    private SandboxUser insert(NewUser fields, Instant now) {
        int legacyId = lastLegacyId.incrementAndGet();
        SandboxUser user = new SandboxUser("user_" + SecureTokens.hex(16), legacyId, fields.email(),
                fields.firstName(), fields.lastName(), fields.userType(), fields.active(), fields.metadata(),
                fields.groupIds(), now);
        byLegacyId.put(legacyId, user);
        legacyIdByUserId.put(user.id(), legacyId);
        return user;
    }
}
