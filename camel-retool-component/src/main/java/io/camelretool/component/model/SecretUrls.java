package io.camelretool.component.model;

import java.net.URI;

/**
 * How a credential URL (an invite link, an Embed URL) is shown where people read: scheme and host only, enough to
 * tell which organisation it belongs to, useless to log in with. The path may carry the token, so none of it is kept.
 */
public final class SecretUrls {

    private SecretUrls() {
    }

    /** {@code https://acme.retool.com/…(masked)}; {@code null} stays {@code null}. */
    public static String masked(String url) {
        if (url == null) {
            return null;
        }
        try {
            URI uri = URI.create(url.trim());
            if (uri.getScheme() != null && uri.getRawAuthority() != null) {
                String host = uri.getHost() != null ? uri.getHost() : "";
                String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
                return uri.getScheme() + "://" + host + port + "/…(masked)";
            }
        } catch (IllegalArgumentException notAUri) {
            // nothing of it can be shown safely
        }
        return "…(masked)";
    }
}
