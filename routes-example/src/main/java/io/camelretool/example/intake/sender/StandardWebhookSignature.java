package io.camelretool.example.intake.sender;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The Standard Webhooks scheme (Clerk, Svix and others): headers {@code webhook-id}, {@code webhook-timestamp} and
 * {@code webhook-signature} (Svix sends the same as {@code svix-id}, {@code svix-timestamp}, {@code svix-signature}).
 * The signature header is a space-separated list of {@code v1,<base64>}; each is the HMAC-SHA256 of
 * {@code id + "." + timestamp + "." + raw body}, keyed with the base64 secret after its {@code whsec_} prefix.
 */
public final class StandardWebhookSignature implements SenderSignature {

    public static final String ID_HEADER = "webhook-id";
    public static final String TIMESTAMP_HEADER = "webhook-timestamp";
    public static final String SIGNATURE_HEADER = "webhook-signature";
    static final String SVIX_ID_HEADER = "svix-id";
    private static final String SVIX_TIMESTAMP_HEADER = "svix-timestamp";
    private static final String SVIX_SIGNATURE_HEADER = "svix-signature";
    private static final String SECRET_PREFIX = "whsec_";

    private final HmacSha256 mac;
    private final TimestampWindow window;

    /** @throws IllegalArgumentException when the secret is not {@code whsec_} followed by base64 */
    public StandardWebhookSignature(String secret, TimestampWindow window) {
        this.mac = new HmacSha256(key(secret));
        this.window = window;
    }

    /** The key bytes of a {@code whsec_<base64>} secret; the prefix may be left out, as the libraries allow. */
    static byte[] key(String secret) {
        String encoded = secret.strip();
        if (encoded.startsWith(SECRET_PREFIX)) {
            encoded = encoded.substring(SECRET_PREFIX.length());
        }
        try {
            return Base64.getDecoder().decode(encoded);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("STANDARD_WEBHOOK_SECRET: must be whsec_ followed by base64, as the "
                                               + "sender's dashboard shows it");
        }
    }

    /** The delivery's id, which stays the same when the sender delivers the same message again. */
    static String messageId(SenderRequest request) {
        return request.firstHeader(ID_HEADER, SVIX_ID_HEADER);
    }

    @Override
    public SignatureCheck verify(SenderRequest request) {
        String id = messageId(request);
        if (id == null) {
            return SignatureCheck.refused(ID_HEADER + " is missing");
        }
        String timestamp = request.firstHeader(TIMESTAMP_HEADER, SVIX_TIMESTAMP_HEADER);
        String stale = window.problem(TIMESTAMP_HEADER, timestamp);
        if (stale != null) {
            return SignatureCheck.refused(stale);
        }
        String signatures = request.firstHeader(SIGNATURE_HEADER, SVIX_SIGNATURE_HEADER);
        if (signatures == null) {
            return SignatureCheck.refused(SIGNATURE_HEADER + " is missing");
        }
        byte[] expected = mac.of((id + "." + timestamp.trim() + ".").getBytes(StandardCharsets.UTF_8),
                request.body());
        boolean anyV1 = false;
        for (String entry : signatures.split(" ")) {
            int comma = entry.indexOf(',');
            if (comma > 0 && entry.substring(0, comma).equals("v1")) {
                anyV1 = true;
                if (HmacSha256.matchesBase64(expected, entry.substring(comma + 1))) {
                    return SignatureCheck.VALID;
                }
            }
        }
        return SignatureCheck.refused(anyV1 ? SIGNATURE_HEADER + " does not match the body, id and timestamp"
                : SIGNATURE_HEADER + " holds no v1 signature");
    }
}
