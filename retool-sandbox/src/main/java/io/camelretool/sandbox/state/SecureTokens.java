package io.camelretool.sandbox.state;

import java.security.SecureRandom;
import java.util.HexFormat;

/** Unguessable tokens for invite links, embed URLs and ids, as the real service would hand out. */
final class SecureTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private SecureTokens() {
    }

    static String hex(int bytes) {
        byte[] token = new byte[bytes];
        RANDOM.nextBytes(token);
        return HexFormat.of().formatHex(token);
    }
}
