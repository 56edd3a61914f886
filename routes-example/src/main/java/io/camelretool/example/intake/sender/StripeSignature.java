package io.camelretool.example.intake.sender;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Stripe's scheme: {@code Stripe-Signature: t=<unix seconds>,v1=<hex>[,v1=<hex>...]}, where each {@code v1} may be
 * the hex HMAC-SHA256, keyed with the endpoint's signing secret ({@code whsec_...}, used as it is), of
 * {@code t + "." + raw body}. Several {@code v1} appear while a secret is being rolled; any one matching is enough.
 * Other schemes ({@code v0}, test-mode only) are ignored, as Stripe's own libraries do.
 */
public final class StripeSignature implements SenderSignature {

    public static final String HEADER = "Stripe-Signature";

    private final HmacSha256 mac;
    private final TimestampWindow window;

    public StripeSignature(String secret, TimestampWindow window) {
        this.mac = new HmacSha256(secret.strip().getBytes(StandardCharsets.UTF_8));
        this.window = window;
    }

    @Override
    public SignatureCheck verify(SenderRequest request) {
        String header = request.firstHeader(HEADER);
        if (header == null) {
            return SignatureCheck.refused(HEADER + " is missing");
        }
        String timestamp = null;
        List<String> signatures = new ArrayList<>();
        for (String element : header.split(",")) {
            int equals = element.indexOf('=');
            String name = equals < 0 ? element.trim() : element.substring(0, equals).trim();
            String value = equals < 0 ? "" : element.substring(equals + 1).trim();
            if (name.equals("t") && timestamp == null) {
                timestamp = value;
            } else if (name.equals("v1")) {
                signatures.add(value);
            }
        }
        String stale = window.problem(HEADER + " t", timestamp);
        if (stale != null) {
            return SignatureCheck.refused(stale);
        }
        if (signatures.isEmpty()) {
            return SignatureCheck.refused(HEADER + " holds no v1 signature");
        }
        byte[] expected = mac.of((timestamp + ".").getBytes(StandardCharsets.US_ASCII), request.body());
        for (String signature : signatures) {
            if (matchesHex(expected, signature)) {
                return SignatureCheck.VALID;
            }
        }
        return SignatureCheck.refused(HEADER + " does not match the body and timestamp");
    }

    private static boolean matchesHex(byte[] expected, String presented) {
        try {
            return MessageDigest.isEqual(expected, HexFormat.of().parseHex(presented));
        } catch (IllegalArgumentException notHex) {
            return false;
        }
    }
}
