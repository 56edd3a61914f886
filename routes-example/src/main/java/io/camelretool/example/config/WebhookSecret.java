package io.camelretool.example.config;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The webhook's HMAC secret, from {@code WEBHOOK_SECRET}. Out of the box (local sandbox) a random one is made
 * and shown once in the banner so the walk-through can sign requests; a deployment pointed at a real Retool
 * without a secret does not start the webhook at all, because an unsigned door into paid seats is worse than none.
 */
public final class WebhookSecret {

    private final byte[] value;
    private final boolean generated;
    private final String variable;

    private WebhookSecret(byte[] value, boolean generated, String variable) {
        this.value = value;
        this.generated = generated;
        this.variable = variable;
    }

    /** @param outOfTheBox whether the application runs against its local sandbox */
    public static WebhookSecret resolve(String configured, boolean outOfTheBox) {
        return resolve(configured, outOfTheBox, "WEBHOOK_SECRET");
    }

    /**
     * A signing secret of another signed endpoint (the Embed sessions' {@code EMBED_SECRET}), with the same rules.
     *
     * @param variable the environment variable that sets it, named by the banner
     */
    public static WebhookSecret resolve(String configured, boolean outOfTheBox, String variable) {
        if (!configured.isBlank()) {
            return new WebhookSecret(configured.strip().getBytes(StandardCharsets.UTF_8), false, variable);
        }
        if (!outOfTheBox) {
            return new WebhookSecret(null, false, variable);
        }
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        return new WebhookSecret(HexFormat.of().formatHex(random).getBytes(StandardCharsets.UTF_8), true, variable);
    }

    /** The secret, or empty when the webhook must not start. */
    public Optional<byte[]> value() {
        return Optional.ofNullable(value).map(byte[]::clone);
    }

    /** One banner line; shows the secret only when it was generated for this local run. */
    public String describe(String url) {
        if (value == null) {
            return "NOT STARTED: set " + variable + " to accept signed requests at " + url;
        }
        if (generated) {
            return "POST " + url + ", signed with the generated local secret "
                   + new String(value, StandardCharsets.UTF_8) + "\n           (set " + variable + " to choose it)";
        }
        return "POST " + url + ", signed with " + variable;
    }

    @Override
    public String toString() {
        return "WebhookSecret[" + (value == null ? "none" : generated ? "generated" : "configured") + "]";
    }
}
