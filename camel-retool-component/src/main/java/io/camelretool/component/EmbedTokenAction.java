package io.camelretool.component;

/** What {@code retool:embedToken} does; the constants are spelled exactly as users type them. */
public enum EmbedTokenAction {
    /** Mint a single-use Embed URL (the default). */
    mint,
    /** Answer what the key and plan allow. */
    capabilities
}
