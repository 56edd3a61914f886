package io.camelretool.component.classify;

import java.util.Locale;

/**
 * An email address after {@link EmailNormalizer}: {@link #address()} keeps the local part as given (some mail
 * systems care) with the domain lower-cased and in ASCII; {@link #key()} is the whole address lower-cased, the
 * form two signups are compared by.
 */
public record NormalizedEmail(String localPart, String domain) {

    public String address() {
        return localPart + "@" + domain;
    }

    public String key() {
        return address().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return address();
    }
}
