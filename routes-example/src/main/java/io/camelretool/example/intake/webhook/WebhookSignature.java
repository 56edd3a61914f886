package io.camelretool.example.intake.webhook;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The webhook's signature: {@code X-Signup-Signature: sha256=<hex>}, the HMAC-SHA256 with the shared secret over
 * {@code timestamp + "." + raw body}, where {@code X-Signup-Timestamp} is unix seconds. Signing the timestamp with
 * the body, and refusing timestamps outside the tolerance, stops a captured request from being replayed later.
 */
public final class WebhookSignature {

    public static final String TIMESTAMP_HEADER = "X-Signup-Timestamp";
    public static final String SIGNATURE_HEADER = "X-Signup-Signature";
    private static final String PREFIX = "sha256=";

    private final SecretKeySpec key;
    private final Duration tolerance;
    private final Clock clock;

    public WebhookSignature(byte[] secret, Duration tolerance, Clock clock) {
        if (secret == null || secret.length == 0) {
            throw new IllegalArgumentException("the webhook secret must not be empty");
        }
        this.key = new SecretKeySpec(secret, "HmacSHA256");
        this.tolerance = tolerance;
        this.clock = clock;
    }

    /** The outcome of a check; {@code reason} says what was wrong without echoing the secret or the expected value. */
    public record Check(boolean valid, String reason) {
    }

    public Check verify(String timestampHeader, String signatureHeader, byte[] rawBody) {
        if (timestampHeader == null || timestampHeader.isBlank()) {
            return new Check(false, TIMESTAMP_HEADER + " is missing");
        }
        if (signatureHeader == null || signatureHeader.isBlank()) {
            return new Check(false, SIGNATURE_HEADER + " is missing");
        }
        long timestamp;
        try {
            timestamp = Long.parseLong(timestampHeader.trim());
        } catch (NumberFormatException e) {
            return new Check(false, TIMESTAMP_HEADER + " is not unix seconds");
        }
        // compared with the window's ends, not by subtracting: now - timestamp overflows for a timestamp near
        // Long.MIN_VALUE, and Math.abs of the overflow let a timestamp 2^63 s off through
        long now = clock.instant().getEpochSecond();
        if (timestamp < now - tolerance.toSeconds() || timestamp > now + tolerance.toSeconds()) {
            return new Check(false, TIMESTAMP_HEADER + " is " + (timestamp < now ? "too old" : "too far in the future")
                                    + " (more than " + tolerance.toSeconds() + " s off)");
        }
        String given = signatureHeader.trim();
        if (!given.startsWith(PREFIX) || given.length() != PREFIX.length() + 64) {
            return new Check(false, SIGNATURE_HEADER + " must be sha256= followed by 64 hex digits");
        }
        byte[] expected = mac(timestamp, rawBody);
        byte[] presented;
        try {
            presented = HexFormat.of().parseHex(given.substring(PREFIX.length()).toLowerCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return new Check(false, SIGNATURE_HEADER + " must be sha256= followed by 64 hex digits");
        }
        return MessageDigest.isEqual(expected, presented) ? new Check(true, null)
                : new Check(false, SIGNATURE_HEADER + " does not match the body and timestamp");
    }

    /**
     * What makes a signed request the same request when it comes again: a digest of what its signature covers, the
     * timestamp and the raw body. Only meaningful once {@link #verify} has passed.
     */
    public static String deliveryKey(String timestampHeader, byte[] rawBody) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update((timestampHeader.trim() + ".").getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(sha256.digest(rawBody == null ? new byte[0] : rawBody));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** The header value a sender puts in {@code X-Signup-Signature}. */
    public String sign(long timestamp, byte[] rawBody) {
        return PREFIX + HexFormat.of().formatHex(mac(timestamp, rawBody));
    }

    private byte[] mac(long timestamp, byte[] rawBody) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
            return mac.doFinal(rawBody == null ? new byte[0] : rawBody);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
