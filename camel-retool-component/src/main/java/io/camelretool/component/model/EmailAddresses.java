package io.camelretool.component.model;

import java.util.Locale;
import java.util.regex.Pattern;

/** The practical email check the component applies before any call, and the key emails are compared by. */
public final class EmailAddresses {

    private static final Pattern PLAUSIBLE = Pattern.compile(
            "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
            + "@([A-Za-z0-9](-*[A-Za-z0-9])*\\.)+[A-Za-z0-9](-*[A-Za-z0-9])*");

    private EmailAddresses() {
    }

    /** True for an address Retool would accept: a dot-atom local part and a dotted host name, 254 chars at most. */
    public static boolean isValid(String email) {
        return email != null && email.length() <= 254 && email.indexOf('@') <= 64 && PLAUSIBLE.matcher(email).matches();
    }

    /** Two emails are the same person when their keys are equal: trimmed and lower-cased. */
    public static String key(String email) {
        return email == null ? null : email.trim().toLowerCase(Locale.ROOT);
    }
}
