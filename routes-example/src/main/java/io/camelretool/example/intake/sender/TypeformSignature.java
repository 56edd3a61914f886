package io.camelretool.example.intake.sender;

import java.nio.charset.StandardCharsets;

/**
 * Typeform's scheme: {@code Typeform-Signature: sha256=<base64>}, the HMAC-SHA256 of the raw body keyed with the
 * secret set on the form's webhook. Typeform signs no timestamp, so a replay is caught by its {@code event_id}
 * instead (the intake accepts an event once).
 */
public final class TypeformSignature implements SenderSignature {

    public static final String HEADER = "Typeform-Signature";
    private static final String PREFIX = "sha256=";

    private final HmacSha256 mac;

    public TypeformSignature(String secret) {
        this.mac = new HmacSha256(secret.strip().getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public SignatureCheck verify(SenderRequest request) {
        String header = request.firstHeader(HEADER);
        if (header == null) {
            return SignatureCheck.refused(HEADER + " is missing");
        }
        if (!header.startsWith(PREFIX)) {
            return SignatureCheck.refused(HEADER + " must be sha256= followed by base64");
        }
        return HmacSha256.matchesBase64(mac.of(request.body()), header.substring(PREFIX.length()))
                ? SignatureCheck.VALID : SignatureCheck.refused(HEADER + " does not match the body");
    }
}
