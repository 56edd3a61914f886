package io.camelretool.component.classify;

import java.net.IDN;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Normalises an email address before it is classified or compared: trimmed, the domain lower-cased and, for an
 * internationalised domain, in its ASCII (punycode) form. Refuses what Retool or a mail server would: quoted or
 * spaced local parts, missing or dotless domains, labels that are empty, too long or start or end with a dash.
 */
public final class EmailNormalizer {

    private static final Pattern LOCAL_PART = Pattern.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*");
    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

    private EmailNormalizer() {
    }

    /** Thrown for an address that cannot be normalised; the message says why. */
    public static final class InvalidEmailException extends IllegalArgumentException {
        InvalidEmailException(String reason) {
            super(reason);
        }
    }

    public static boolean isValid(String raw) {
        try {
            normalize(raw);
            return true;
        } catch (InvalidEmailException e) {
            return false;
        }
    }

    public static NormalizedEmail normalize(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidEmailException("the email is empty");
        }
        String email = raw.strip();
        for (char c : email.toCharArray()) {
            if (Character.isWhitespace(c) || Character.isISOControl(c)) {
                throw new InvalidEmailException("the email contains spaces or control characters");
            }
        }
        int at = email.lastIndexOf('@');
        if (at < 0 || email.indexOf('@') != at) {
            throw new InvalidEmailException(at < 0 ? "the email has no @" : "the email has more than one @");
        }
        String local = email.substring(0, at);
        String domain = email.substring(at + 1);
        if (local.isEmpty() || local.length() > 64 || !LOCAL_PART.matcher(local).matches()) {
            throw new InvalidEmailException("the part before @ is not a valid mailbox name");
        }
        if (domain.isEmpty()) {
            throw new InvalidEmailException("the part after @ is empty");
        }
        if (domain.endsWith(".")) {
            domain = domain.substring(0, domain.length() - 1);
        }
        String ascii;
        try {
            ascii = IDN.toASCII(domain, IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            throw new InvalidEmailException("the domain '" + domain + "' is not a valid host name");
        }
        String[] labels = ascii.split("\\.", -1);
        if (labels.length < 2) {
            throw new InvalidEmailException("the domain '" + domain + "' has no dot");
        }
        for (String label : labels) {
            if (!LABEL.matcher(label).matches()) {
                throw new InvalidEmailException("the domain '" + domain + "' is not a valid host name");
            }
        }
        if (labels[labels.length - 1].matches("\\d+")) {
            throw new InvalidEmailException("the domain '" + domain + "' is an IP address, not a host name");
        }
        if (local.length() + 1 + ascii.length() > 254) {
            throw new InvalidEmailException("the email is longer than 254 characters");
        }
        return new NormalizedEmail(local, ascii);
    }
}
