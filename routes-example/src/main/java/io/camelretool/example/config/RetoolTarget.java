package io.camelretool.example.config;

import java.util.List;

import io.camelretool.sandbox.RetoolSandbox;

/**
 * Which Retool the application invites into: the real organisation when both {@code RETOOL_BASE_URL} and
 * {@code RETOOL_API_KEY} are set, otherwise an in-process retool-sandbox (Business plan) so that the application runs
 * out of the box. One of the two without the other is refused: inviting into a sandbox by accident is worse than
 * not starting.
 */
public final class RetoolTarget implements AutoCloseable {

    /** Attribute definitions the local stand-in starts with, so the README's sample CSV works unchanged. */
    public static final List<String> DEMO_ATTRIBUTES = List.of("plan", "company");
    /** The stand-in's "External Users" group, which a local run's Embed users join when their class names none. */
    public static final int DEMO_EMBED_GROUP = 5;

    private final String baseUrl;
    private final String apiKey;
    private final RetoolSandbox sandbox;

    private RetoolTarget(String baseUrl, String apiKey, RetoolSandbox sandbox) {
        this.baseUrl = baseUrl;
        this.apiKey = apiKey;
        this.sandbox = sandbox;
    }

    /**
     * @throws IllegalArgumentException naming the missing variable when only one of the two is set
     */
    public static RetoolTarget resolve(String baseUrl, String apiKey) {
        boolean hasUrl = !baseUrl.isBlank();
        boolean hasKey = !apiKey.isBlank();
        if (hasUrl && hasKey) {
            return new RetoolTarget(baseUrl.strip(), apiKey.strip(), null);
        }
        if (hasUrl || hasKey) {
            throw new IllegalArgumentException((hasUrl ? "RETOOL_API_KEY" : "RETOOL_BASE_URL")
                    + " is not set: set both RETOOL_BASE_URL and RETOOL_API_KEY to invite into a real Retool, or "
                    + "neither to use the local sandbox");
        }
        RetoolSandbox sandbox = RetoolSandbox.start();
        // a real organisation defines its attributes in Settings > User attributes; the stand-in starts with these
        for (String attribute : DEMO_ATTRIBUTES) {
            sandbox.defineAttribute(attribute, "string");
        }
        return new RetoolTarget(sandbox.baseUrl(), sandbox.apiKey(), sandbox);
    }

    public String baseUrl() {
        return baseUrl;
    }

    public String apiKey() {
        return apiKey;
    }

    public boolean isSandbox() {
        return sandbox != null;
    }

    @Override
    public void close() {
        if (sandbox != null) {
            sandbox.close();
        }
    }

    /** The key stays out of logs and exceptions. */
    @Override
    public String toString() {
        return "RetoolTarget[" + baseUrl + (isSandbox() ? ", local sandbox" : "") + "]";
    }
}
