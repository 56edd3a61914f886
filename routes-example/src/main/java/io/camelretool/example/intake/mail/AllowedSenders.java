package io.camelretool.example.intake.mail;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Whose mail is trusted: exact addresses ({@code forms@acme.com}) and whole domains ({@code @acme.com}). Only
 * the bare address of {@code From} counts, never its display name, so {@code "forms@acme.com" <x@evil.org>} is
 * not trusted. An empty list trusts nobody.
 */
public final class AllowedSenders {

    private final Set<String> addresses = new LinkedHashSet<>();
    private final Set<String> domains = new LinkedHashSet<>();

    private AllowedSenders() {
    }

    public static AllowedSenders parse(String commaSeparated) {
        AllowedSenders allowed = new AllowedSenders();
        if (commaSeparated != null) {
            for (String entry : commaSeparated.split(",")) {
                String trimmed = entry.trim().toLowerCase(Locale.ROOT);
                if (trimmed.startsWith("@") && trimmed.length() > 1) {
                    allowed.domains.add(trimmed.substring(1));
                } else if (trimmed.contains("@")) {
                    allowed.addresses.add(trimmed);
                }
            }
        }
        return allowed;
    }

    public boolean trusts(String address) {
        if (address == null) {
            return false;
        }
        String lower = address.trim().toLowerCase(Locale.ROOT);
        int at = lower.lastIndexOf('@');
        return addresses.contains(lower) || (at > 0 && domains.contains(lower.substring(at + 1)));
    }

    @Override
    public String toString() {
        return "addresses " + addresses + ", domains " + domains;
    }
}
