package io.camelretool.sandbox.state;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Function;

import io.camelretool.sandbox.SandboxEmbedUrl;

/** The Embed URLs minted so far, what each was minted for, and which of them a browser has already used. */
public final class EmbedUrlStore {

    /** Where the minted URLs point before the sandbox's own server is known (a sandbox built without one). */
    static final String DETACHED_ORIGIN = "https://sandbox.retool.com";

    private final ConcurrentLinkedQueue<SandboxEmbedUrl> minted = new ConcurrentLinkedQueue<>();
    private final Map<String, SandboxEmbedUrl> byToken = new ConcurrentHashMap<>();
    private final Map<String, Boolean> unused = new ConcurrentHashMap<>();
    private volatile String origin = DETACHED_ORIGIN;

    /** Points the URLs minted from now on at the sandbox's own server, which serves a page at each. */
    public void serveAt(String baseUrl) {
        origin = baseUrl;
    }

    /** Where the minted URLs point: the sandbox's base URL. */
    public String origin() {
        return origin;
    }

    /**
     * A fresh single-use URL, {@code <origin>/embed-url/<landing page>?token=<token>}.
     *
     * @param described makes the record of the mint from the new URL
     */
    public SandboxEmbedUrl mint(String landingPageUuid, Function<String, SandboxEmbedUrl> described) {
        String token = SecureTokens.hex(24);
        SandboxEmbedUrl embed = described.apply(origin + "/embed-url/" + landingPageUuid + "?token=" + token);
        byToken.put(token, embed);
        minted.add(embed);
        unused.put(embed.url(), Boolean.TRUE);
        return embed;
    }

    /** Every URL minted, oldest first. */
    public List<String> all() {
        return minted.stream().map(SandboxEmbedUrl::url).toList();
    }

    /** Every mint with what it was asked for, oldest first. */
    public List<SandboxEmbedUrl> mints() {
        return new ArrayList<>(minted);
    }

    /** The mint a token belongs to, whether or not it was used. */
    public Optional<SandboxEmbedUrl> byToken(String token) {
        return Optional.ofNullable(token == null ? null : byToken.get(token));
    }

    /**
     * Uses a URL, as a browser opening it would.
     *
     * @return {@code true} the first time for a URL this sandbox minted, {@code false} afterwards or for any other
     */
    public boolean redeem(String url) {
        return url != null && unused.remove(url) != null;
    }

    public void clear() {
        minted.clear();
        byToken.clear();
        unused.clear();
    }
}
