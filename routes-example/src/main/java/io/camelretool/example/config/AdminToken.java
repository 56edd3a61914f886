package io.camelretool.example.config;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The read API's bearer token, from {@code ADMIN_TOKEN}. Against the local sandbox a random one is made and shown in
 * the banner; against a real Retool the API stays off until one is set, since it shows who has access to what.
 * Compared in constant time, over digests, so that neither its content nor its length leaks through timing.
 */
public final class AdminToken {

    /** The scheme and the space before the token. */
    private static final String SCHEME = "Bearer ";

    private final byte[] digest;
    private final String generated;

    private AdminToken(String token, boolean wasGenerated) {
        this.digest = token == null ? null : sha256(token);
        this.generated = wasGenerated ? token : null;
    }

    /** @param outOfTheBox whether the application runs against its local sandbox */
    public static AdminToken resolve(String configured, boolean outOfTheBox) {
        if (configured != null && !configured.isBlank()) {
            return new AdminToken(configured.strip(), false);
        }
        if (!outOfTheBox) {
            return new AdminToken(null, false);
        }
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        return new AdminToken(HexFormat.of().formatHex(random), true);
    }

    /** Whether the API may start. */
    public boolean isSet() {
        return digest != null;
    }

    /**
     * Whether an {@code Authorization} header carries this token as a bearer token. The scheme is matched in any case
     * ({@code bearer}, {@code BEARER}): HTTP authentication schemes are case-insensitive (RFC 9110, 11.1).
     */
    public boolean accepts(String authorization) {
        if (digest == null || authorization == null
            || !authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return false;
        }
        return MessageDigest.isEqual(digest, sha256(authorization.substring(SCHEME.length()).strip()));
    }

    /**
     * The banner's lines for the admin API under {@code api} (read people and seats, offboard and re-admit one
     * person); shows the token only when it was generated for this local run.
     */
    public String describe(String api) {
        String routes = "GET " + api + "/people, " + api + "/people/{email}, " + api + "/seats\n"
                        + "           DELETE " + api + "/people/{email} (offboard), POST " + api
                        + "/people/{email}/readmit";
        if (digest == null) {
            return "OFF: set ADMIN_TOKEN to turn on " + routes;
        }
        if (generated != null) {
            return routes + "\n           with \"Authorization: Bearer " + generated + "\""
                   + " (generated for this local run; set ADMIN_TOKEN to choose it)";
        }
        return routes + "\n           with \"Authorization: Bearer <ADMIN_TOKEN>\"";
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException missing) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", missing);
        }
    }

    @Override
    public String toString() {
        return "AdminToken[" + (digest == null ? "none" : generated != null ? "generated" : "configured") + "]";
    }
}
