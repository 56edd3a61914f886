package io.camelretool.sandbox.state;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/** The Embed URLs minted so far, and which of them a browser has already used. */
public final class EmbedUrlStore {

    private final ConcurrentLinkedQueue<String> minted = new ConcurrentLinkedQueue<>();
    private final Map<String, Boolean> unused = new ConcurrentHashMap<>();

    /** A fresh single-use URL for the given landing page. */
    public String mint(String landingPageUuid) {
        String url = "https://sandbox.retool.com/embed-url/" + landingPageUuid + "?token=" + SecureTokens.hex(24);
        minted.add(url);
        unused.put(url, Boolean.TRUE);
        return url;
    }

    /** Every URL minted, oldest first. */
    public List<String> all() {
        return new ArrayList<>(minted);
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
        unused.clear();
    }
}
