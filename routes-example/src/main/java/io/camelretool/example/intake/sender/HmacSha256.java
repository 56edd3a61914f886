package io.camelretool.example.intake.sender;

import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HMAC-SHA256, the primitive every sender's scheme is built on; compared in constant time. */
final class HmacSha256 {

    private final SecretKeySpec key;

    HmacSha256(byte[] key) {
        if (key == null || key.length == 0) {
            throw new IllegalArgumentException("a signing secret must not be empty");
        }
        this.key = new SecretKeySpec(key, "HmacSHA256");
    }

    /** The MAC of the parts, one after the other, as if they were one byte string. */
    byte[] of(byte[]... parts) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            for (byte[] part : parts) {
                mac.update(part);
            }
            return mac.doFinal();
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    /** Whether the presented base64 text decodes to the expected MAC; malformed base64 is simply no match. */
    static boolean matchesBase64(byte[] expected, String presented) {
        try {
            return MessageDigest.isEqual(expected, Base64.getDecoder().decode(presented.trim()));
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
    }
}
