package io.camelretool.example.intake.sender;

import java.nio.charset.StandardCharsets;

/**
 * Shopify's scheme: {@code X-Shopify-Hmac-Sha256: <base64>}, the HMAC-SHA256 of the raw body keyed with the app's or
 * the store's webhook secret. Shopify signs no timestamp; a redelivery is caught by {@code X-Shopify-Webhook-Id}.
 */
public final class ShopifySignature implements SenderSignature {

    public static final String HEADER = "X-Shopify-Hmac-Sha256";

    private final HmacSha256 mac;

    public ShopifySignature(String secret) {
        this.mac = new HmacSha256(secret.strip().getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public SignatureCheck verify(SenderRequest request) {
        String header = request.firstHeader(HEADER);
        if (header == null) {
            return SignatureCheck.refused(HEADER + " is missing");
        }
        return HmacSha256.matchesBase64(mac.of(request.body()), header)
                ? SignatureCheck.VALID : SignatureCheck.refused(HEADER + " does not match the body");
    }
}
