package io.camelretool.example.policy;

import java.util.Locale;

/** What an external signup (a paid seat outside the organisation) gets. */
public enum ExternalAccess {
    /** A Retool invite, like everyone else. */
    INVITE,
    /** Embed access only: no invite; the app mints an Embed URL when the person opens it. */
    EMBED;

    /** @throws IllegalArgumentException naming {@code EXTERNAL_ACCESS} for another value */
    public static ExternalAccess parse(String text) {
        String value = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        return switch (value) {
            case "", "invite" -> INVITE;
            case "embed" -> EMBED;
            default -> throw new IllegalArgumentException("EXTERNAL_ACCESS: '" + text + "' is neither invite nor embed");
        };
    }
}
