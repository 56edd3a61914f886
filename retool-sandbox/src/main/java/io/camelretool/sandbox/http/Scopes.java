package io.camelretool.sandbox.http;

import java.util.List;
import java.util.Set;

/** The API token scopes Retool knows, and which imply which. */
public final class Scopes {

    public static final String USERS_READ = "users:read";
    public static final String USERS_WRITE = "users:write";
    public static final String USER_ATTRIBUTES_READ = "user_attributes:read";
    public static final String USER_ATTRIBUTES_WRITE = "user_attributes:write";
    public static final String GROUPS_READ = "groups:read";
    public static final String GROUPS_WRITE = "groups:write";
    public static final String EMBED = "embed";

    /** Every scope: what a key configured without a scope list gets. */
    public static final Set<String> ALL = Set.of(USERS_READ, USERS_WRITE, USER_ATTRIBUTES_READ,
            USER_ATTRIBUTES_WRITE, GROUPS_READ, GROUPS_WRITE, EMBED);

    private static final List<List<String>> WRITE_IMPLIES_READ = List.of(
            List.of(USERS_WRITE, USERS_READ),
            List.of(USER_ATTRIBUTES_WRITE, USER_ATTRIBUTES_READ),
            List.of(GROUPS_WRITE, GROUPS_READ));

    private Scopes() {
    }

    /** Whether a key holding {@code granted} may use {@code needed}. */
    public static boolean allows(Set<String> granted, String needed) {
        if (granted.contains(needed)) {
            return true;
        }
        return WRITE_IMPLIES_READ.stream()
                .anyMatch(pair -> pair.get(1).equals(needed) && granted.contains(pair.get(0)));
    }

    /**
     * @throws IllegalArgumentException naming the unknown scope and the known ones
     */
    public static void requireKnown(String scope) {
        if (!ALL.contains(scope)) {
            throw new IllegalArgumentException("unknown scope '" + scope + "'; known scopes: "
                    + String.join(", ", ALL.stream().sorted().toList()));
        }
    }
}
