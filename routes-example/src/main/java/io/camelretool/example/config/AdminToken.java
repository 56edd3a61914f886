package io.camelretool.example.config;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The bearer token of the application's admin API ({@code ADMIN_TOKEN}). Out of the box (local sandbox) a random one
 * is made and shown once in the banner; pointed at a real Retool without one, the admin API is off, because an
 * unprotected door that takes people's access away is worse than none.
 */
public final class AdminToken {

    private static final String BEARER = "Bearer ";

    private final byte[] value;
    private final boolean generated;

    private AdminToken(byte[] value, boolean generated) {
        this.value = value;
        this.generated = generated;
    }

    /** @param outOfTheBox whether the application runs against its local sandbox */
    public static AdminToken resolve(String configured, boolean outOfTheBox) {
        if (configured != null && !configured.isBlank()) {
            return new AdminToken(configured.strip().getBytes(StandardCharsets.UTF_8), false);
        }
        if (!outOfTheBox) {
            return new AdminToken(null, false);
        }
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        return new AdminToken(HexFormat.of().formatHex(random).getBytes(StandardCharsets.UTF_8), true);
    }

    public boolean enabled() {
        return value != null;
    }

    /** Whether an {@code Authorization} header carries the token; compared in constant time. */
    public boolean admits(String authorization) {
        if (value == null || authorization == null || !authorization.startsWith(BEARER)) {
            return false;
        }
        byte[] presented = authorization.substring(BEARER.length()).strip().getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(value, presented);
    }

    /** One banner line; shows the token only when it was generated for this local run. */
    public String describe(String url) {
        if (value == null) {
            return "OFF: set ADMIN_TOKEN to offboard people at " + url;
        }
        if (generated) {
            return url + " with Authorization: Bearer " + new String(value, StandardCharsets.UTF_8)
                   + "\n           (generated for this local run; set ADMIN_TOKEN to choose it)";
        }
        return url + " with Authorization: Bearer <ADMIN_TOKEN>";
    }

    @Override
    public String toString() {
        return "AdminToken[" + (value == null ? "none" : generated ? "generated" : "configured") + "]";
    }
}
