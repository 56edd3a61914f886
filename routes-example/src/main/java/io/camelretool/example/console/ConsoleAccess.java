package io.camelretool.example.console;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Who may open the console, from {@code CONSOLE_USERS} ({@code name:bcrypt-hash} pairs, comma-separated). Out of the
 * box (local sandbox) without it, one user {@value #DEMO_USER} with a password generated for this run and shown in
 * the banner; pointed at a real Retool without it, the console is off: an operator page into paid seats must not
 * open with a password nobody chose.
 */
public final class ConsoleAccess {

    public static final String DEMO_USER = "admin";
    /** 144 random bits need no slow hash; a low cost keeps every local start quick. */
    private static final int GENERATED_COST = 6;
    private static final String NAME = "[A-Za-z0-9._@-]{1,64}";

    private final Map<String, String> hashes;
    private final String generatedPassword;
    private final Duration idleTimeout;

    private ConsoleAccess(Map<String, String> hashes, String generatedPassword, Duration idleTimeout) {
        this.hashes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(hashes));
        this.generatedPassword = generatedPassword;
        this.idleTimeout = idleTimeout;
    }

    /**
     * @param users       the value of {@code CONSOLE_USERS}
     * @param outOfTheBox whether the application runs against its local sandbox
     * @throws IllegalArgumentException naming {@code CONSOLE_USERS} when an entry is malformed
     */
    public static ConsoleAccess resolve(String users, boolean outOfTheBox, Duration idleTimeout) {
        Map<String, String> hashes = new LinkedHashMap<>();
        for (String entry : users.split(",")) {
            if (entry.isBlank()) {
                continue;
            }
            int colon = entry.indexOf(':');
            String name = colon < 0 ? "" : entry.substring(0, colon).strip();
            String hash = colon < 0 ? "" : entry.substring(colon + 1).strip();
            if (!name.matches(NAME) || !PasswordHashes.isHash(hash)) {
                throw new IllegalArgumentException("CONSOLE_USERS: each entry is name:bcrypt-hash (names of letters, "
                                                   + "digits, . _ @ -; print a hash with: java -jar "
                                                   + "camel-retool-example.jar hash-password)");
            }
            hashes.put(name, hash);
        }
        if (!hashes.isEmpty() || !outOfTheBox) {
            return new ConsoleAccess(hashes, null, idleTimeout);
        }
        byte[] random = new byte[18];
        new SecureRandom().nextBytes(random);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        return new ConsoleAccess(Map.of(DEMO_USER, PasswordHashes.hash(password, GENERATED_COST)), password,
                idleTimeout);
    }

    public boolean enabled() {
        return !hashes.isEmpty();
    }

    /** Whether the name and password are those of a console user; as slow for an unknown name as for a known one. */
    boolean check(String user, String password) {
        return PasswordHashes.matches(password, hashes.get(user));
    }

    /** The password generated for this run, to be shown once in the banner. */
    public Optional<String> generatedPassword() {
        return Optional.ofNullable(generatedPassword);
    }

    public Duration idleTimeout() {
        return idleTimeout;
    }

    /** One banner line. */
    public String describe(String url) {
        if (!enabled()) {
            return "OFF: set CONSOLE_USERS (name:bcrypt-hash; java -jar camel-retool-example.jar hash-password) "
                   + "to open " + url;
        }
        if (generatedPassword != null) {
            return url + ", user " + DEMO_USER + ", generated local password " + generatedPassword
                   + "\n           (set CONSOLE_USERS to choose users and passwords)";
        }
        return url + " for " + String.join(", ", hashes.keySet()) + " (CONSOLE_USERS)";
    }

    @Override
    public String toString() {
        return "ConsoleAccess[" + hashes.size() + " user(s)" + (generatedPassword == null ? "" : ", generated") + "]";
    }
}
