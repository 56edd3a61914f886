package io.camelretool.example.config;

import io.camelretool.sandbox.RetoolSandbox;

/**
 * Which Retool the application talks to: the real organisation when both {@code RETOOL_BASE_URL} and
 * {@code RETOOL_API_KEY} are set, otherwise an in-process retool-sandbox (Business plan) so the application runs
 * out of the box.
 */
public final class RetoolTarget implements AutoCloseable {

    /** Attribute definitions the local stand-in starts with, so the README's sample CSV works unchanged. */
    public static final java.util.List<String> DEMO_ATTRIBUTES = java.util.List.of("plan", "company");

    private final String baseUrl;
    private final String apiKey;
    private final RetoolSandbox sandbox;

    private RetoolTarget(String baseUrl, String apiKey, RetoolSandbox sandbox) {
        this.baseUrl = baseUrl;
        this.apiKey = apiKey;
        this.sandbox = sandbox;
    }

    public static RetoolTarget fromEnvironment() {
        String baseUrl = System.getenv("RETOOL_BASE_URL");
        String apiKey = System.getenv("RETOOL_API_KEY");
        if (baseUrl != null && !baseUrl.isBlank() && apiKey != null && !apiKey.isBlank()) {
            return new RetoolTarget(baseUrl.trim(), apiKey.trim(), null);
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
}
