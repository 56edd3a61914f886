package io.camelretool.example.intake.sender;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs requests the way each sender documents it, written from the senders' documentation and apart from the code
 * under test, so that the tests check the scheme rather than our implementation against itself.
 */
public final class SenderSigning {

    private SenderSigning() {
    }

    /** Stripe: {@code t=<ts>,v1=<hex HMAC-SHA256 of "ts.body" keyed with the whsec_ secret as text>}. */
    public static String stripe(String secret, long timestamp, String body) {
        return "t=" + timestamp + ",v1=" + HexFormat.of().formatHex(hmac(secret.getBytes(StandardCharsets.UTF_8),
                timestamp + "." + body));
    }

    /** Standard Webhooks: {@code v1,<base64 HMAC-SHA256 of "id.ts.body" keyed with the base64 after whsec_>}. */
    public static String standard(String secret, String id, long timestamp, String body) {
        byte[] key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
        return "v1," + Base64.getEncoder().encodeToString(hmac(key, id + "." + timestamp + "." + body));
    }

    /** Typeform: {@code sha256=<base64 HMAC-SHA256 of the body>}. */
    public static String typeform(String secret, String body) {
        return "sha256=" + Base64.getEncoder().encodeToString(hmac(secret.getBytes(StandardCharsets.UTF_8), body));
    }

    /** Shopify: {@code <base64 HMAC-SHA256 of the body>}. */
    public static String shopify(String secret, String body) {
        return Base64.getEncoder().encodeToString(hmac(secret.getBytes(StandardCharsets.UTF_8), body));
    }

    private static byte[] hmac(byte[] key, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
