package io.camelretool.sandbox.http;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The API tokens the sandbox accepts and the scopes each carries. Fixed for the life of a sandbox. */
public final class ApiKeys {

    private final Map<String, Set<String>> scopesByKey;

    /** @param scopesByKey in configuration order; the first is the sandbox's main key */
    public ApiKeys(Map<String, Set<String>> scopesByKey) {
        if (scopesByKey.isEmpty()) {
            throw new IllegalArgumentException("at least one API key is needed");
        }
        this.scopesByKey = new LinkedHashMap<>(scopesByKey);
        this.scopesByKey.replaceAll((key, scopes) -> Set.copyOf(scopes));
    }

    public String first() {
        return scopesByKey.keySet().iterator().next();
    }

    /** The scopes of the key a request presents in {@code Authorization: Bearer <key>}. */
    public Optional<Set<String>> scopesFor(String key) {
        return Optional.ofNullable(scopesByKey.get(key));
    }

    /** The key in an Authorization header, or empty when the header is absent or not a bearer token. */
    public static Optional<String> bearerToken(String authorizationHeader) {
        if (authorizationHeader == null) {
            return Optional.empty();
        }
        String header = authorizationHeader.trim();
        if (header.length() <= 7 || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        return Optional.of(header.substring(7).trim());
    }
}
