package io.camelretool.component;

/** What {@code retool:user} does; the constants are spelled exactly as users type them. */
public enum UserAction {
    /** Disable the account (the default). */
    disable,
    /** Answer what the key and plan allow. */
    capabilities
}
