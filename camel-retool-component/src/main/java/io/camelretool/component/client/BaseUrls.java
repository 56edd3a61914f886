package io.camelretool.component.client;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;

/** Checks a configured base URL before any request is sent with the API key in it. */
public final class BaseUrls {

    private BaseUrls() {
    }

    /**
     * Parses the base URL and refuses plain {@code http} unless the host is a loopback address or the user opted
     * out explicitly: the bearer token would otherwise cross the network in clear text.
     */
    public static URI checked(String baseUrl, boolean allowInsecureHttp) {
        if (baseUrl == null || baseUrl.isBlank()) {
            throw new IllegalArgumentException("baseUrl is required, for example https://api.retool.com");
        }
        String trimmed = baseUrl.trim();
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        URI uri;
        try {
            uri = new URI(trimmed);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("baseUrl '" + trimmed + "' is not a URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            throw new IllegalArgumentException("baseUrl '" + trimmed + "' must be an http(s) URL with a host, "
                                               + "for example https://api.retool.com");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException("baseUrl '" + trimmed + "' must not have a query or fragment");
        }
        if (scheme.equals("http") && !allowInsecureHttp && !isLoopback(uri.getHost())) {
            throw new IllegalArgumentException("baseUrl '" + trimmed + "' uses plain http to a non-loopback host; the API "
                                               + "key would travel unencrypted. Use https, or set allowInsecureHttp=true");
        }
        return uri;
    }

    /** Whether the host (a name or an address) is this machine's loopback interface. */
    public static boolean isLoopback(String host) {
        String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        if (bare.equalsIgnoreCase("localhost")) {
            return true;
        }
        if (!bare.matches("[0-9.]+|[0-9a-fA-F:]+")) {
            return false;
        }
        try {
            return InetAddress.getByName(bare).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
