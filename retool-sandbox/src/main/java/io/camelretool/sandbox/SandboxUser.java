package io.camelretool.sandbox;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Retool user as the sandbox holds it. Immutable: every change produces a new value.
 *
 * @param id        {@code user_<hex>}, as Retool's user ids
 * @param legacyId  the numeric legacy id, increasing in creation order
 * @param email     the user's email
 * @param firstName may be {@code null}
 * @param lastName  may be {@code null}
 * @param userType  {@code default}, {@code mobile} or {@code embed}
 * @param active    whether the account is enabled
 * @param metadata  the user's attribute values
 * @param groupIds  the groups the user belongs to
 * @param createdAt when the account was created (sandbox clock)
 */
public record SandboxUser(String id, int legacyId, String email, String firstName, String lastName, String userType,
        boolean active, Map<String, Object> metadata, List<Integer> groupIds, Instant createdAt) {

    public SandboxUser {
        groupIds = List.copyOf(groupIds);
        // attribute values may be null, which Map.copyOf refuses
        metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    }

    /** This user with different attribute values. */
    /** The same account, disabled. */
    public SandboxUser disabled() {
        return new SandboxUser(id, legacyId, email, firstName, lastName, userType, false, metadata, groupIds,
                createdAt);
    }

    public SandboxUser withMetadata(Map<String, Object> newMetadata) {
        return new SandboxUser(id, legacyId, email, firstName, lastName, userType, active, newMetadata, groupIds,
                createdAt);
    }
}
