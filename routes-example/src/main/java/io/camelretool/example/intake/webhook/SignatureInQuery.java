package io.camelretool.example.intake.webhook;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

import io.camelretool.example.intake.webhook.WebhookSignature;

/**
 * Whether a request's URL carries the webhook's signature or timestamp. Camel's HTTP consumer turns query parameters
 * into message headers, so without this check {@code ?X-Signup-Signature=...} would count as the header; but a URL is
 * written to proxy and access logs, and a signature there can be copied from them.
 */
final class SignatureInQuery {

    private SignatureInQuery() {
    }

    static boolean names(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return false;
        }
        for (String parameter : rawQuery.split("[&;]")) {
            int equals = parameter.indexOf('=');
            String name = equals < 0 ? parameter : parameter.substring(0, equals);
            String decoded;
            try {
                decoded = URLDecoder.decode(name, StandardCharsets.UTF_8).strip();
            } catch (IllegalArgumentException malformed) {
                decoded = name;
            }
            if (decoded.equalsIgnoreCase(WebhookSignature.SIGNATURE_HEADER)
                || decoded.equalsIgnoreCase(WebhookSignature.TIMESTAMP_HEADER)) {
                return true;
            }
        }
        return false;
    }
}
