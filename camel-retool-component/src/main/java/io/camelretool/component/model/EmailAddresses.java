package io.camelretool.component.model;

import java.util.Locale;

import io.camelretool.component.classify.EmailNormalizer;

/** The practical email check the component applies before any call, and the key emails are compared by. */
public final class EmailAddresses {

    private EmailAddresses() {
    }

    /** True for an address the classifier's {@link EmailNormalizer} accepts: the one email check of the component. */
    public static boolean isValid(String email) {
        return EmailNormalizer.isValid(email);
    }

    /** Two emails are the same person when their keys are equal: trimmed and lower-cased. */
    public static String key(String email) {
        return email == null ? null : email.trim().toLowerCase(Locale.ROOT);
    }
}
