package io.camelretool.component.classify;

import java.net.IDN;
import java.util.Locale;

/**
 * Normalises an email address before it is classified or compared: trimmed (of spaces, non-breaking and zero-width
 * ones too, as spreadsheets and web forms leave them), the domain lower-cased and, for an internationalised domain,
 * in its ASCII (punycode) form. Refuses what Retool or a mail server would: quoted or spaced local parts, missing or
 * dotless domains, labels that are empty, too long or start or end with a dash; and domains whose ASCII form is
 * ambiguous (see {@link #DEVIATIONS}).
 */
public final class EmailNormalizer {

    /** What an atom of a mailbox name may hold besides ASCII letters and digits (RFC 5322's atext). */
    private static final String ATOM_SYMBOLS = "!#$%&'*+/=?^_`{|}~-";
    private static final int MAX_LABEL_LENGTH = 63;
    /**
     * The characters IDNA 2003 (Java's {@link IDN}) maps away but IDNA 2008 keeps: {@code straße.de} is
     * {@code strasse.de} to the first and {@code xn--strae-oqa.de} to the second, two different domains. Guessing
     * would invite the wrong address, so such a domain is refused and must be given in its {@code xn--} form. (The
     * other two, the zero-width joiners, are refused as invisible characters.)
     */
    private static final String DEVIATIONS = "\u00df\u03c2";

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
        String email = trimmed(raw);
        if (email.isEmpty()) {
            throw new InvalidEmailException("the email is empty");
        }
        for (char c : email.toCharArray()) {
            if (Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isISOControl(c)) {
                throw new InvalidEmailException("the email contains spaces or control characters");
            }
            if (Character.getType(c) == Character.FORMAT) {
                throw new InvalidEmailException("the email contains an invisible character such as a zero-width space");
            }
        }
        int at = email.lastIndexOf('@');
        if (at < 0 || email.indexOf('@') != at) {
            throw new InvalidEmailException(at < 0 ? "the email has no @" : "the email has more than one @");
        }
        String local = email.substring(0, at);
        String domain = email.substring(at + 1);
        if (local.isEmpty() || local.length() > 64 || !isDotAtom(local)) {
            throw new InvalidEmailException("the part before @ is not a valid mailbox name");
        }
        if (domain.isEmpty()) {
            throw new InvalidEmailException("the part after @ is empty");
        }
        if (domain.endsWith(".")) {
            domain = domain.substring(0, domain.length() - 1);
        }
        for (char c : domain.toCharArray()) {
            if (DEVIATIONS.indexOf(Character.toLowerCase(c)) >= 0) {
                throw new InvalidEmailException("the domain " + shown(domain) + " contains '" + c + "', which the two "
                                                + "IDNA standards turn into different domains; give it in its xn-- "
                                                + "form");
            }
        }
        String ascii;
        try {
            // an ASCII domain is its own ASCII form; the label checks below refuse what IDN would
            ascii = (isAscii(domain) ? domain : IDN.toASCII(domain, IDN.USE_STD3_ASCII_RULES)).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            throw new InvalidEmailException("the domain " + shown(domain) + " is not a valid host name");
        }
        String[] labels = ascii.split("\\.", -1);
        if (labels.length < 2) {
            throw new InvalidEmailException("the domain " + shown(domain) + " has no dot");
        }
        for (String label : labels) {
            if (!isHostLabel(label)) {
                throw new InvalidEmailException("the domain " + shown(domain) + " is not a valid host name");
            }
        }
        if (labels[labels.length - 1].chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new InvalidEmailException("the domain " + shown(domain) + " is an IP address, not a host name");
        }
        if (local.length() + 1 + ascii.length() > 254) {
            throw new InvalidEmailException("the email is longer than 254 characters");
        }
        return new NormalizedEmail(local, ascii);
    }

    /** RFC 5322's dot-atom: atoms of letters, digits and {@link #ATOM_SYMBOLS}, joined by single dots. */
    private static boolean isDotAtom(String local) {
        boolean inAtom = false;
        for (int i = 0; i < local.length(); i++) {
            char c = local.charAt(i);
            if (c == '.') {
                if (!inAtom) {
                    return false;
                }
                inAtom = false;
            } else if (isAsciiLetterOrDigit(c) || ATOM_SYMBOLS.indexOf(c) >= 0) {
                inAtom = true;
            } else {
                return false;
            }
        }
        return inAtom;
    }

    /** A host name's label in ASCII: letters, digits and dashes, 1 to 63 of them, neither end a dash. */
    private static boolean isHostLabel(String label) {
        if (label.isEmpty() || label.length() > MAX_LABEL_LENGTH || label.charAt(0) == '-'
            || label.charAt(label.length() - 1) == '-') {
            return false;
        }
        for (int i = 0; i < label.length(); i++) {
            char c = label.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    private static boolean isAsciiLetterOrDigit(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
    }

    private static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /** The domain as the message shows it: quoted, and cut short, as it may be anything a sender typed. */
    private static String shown(String domain) {
        return "'" + (domain.length() <= 80 ? domain : domain.substring(0, 80) + "…") + "'";
    }

    /** Without the spaces, line breaks and invisible characters around it (null counts as empty). */
    private static String trimmed(String raw) {
        if (raw == null) {
            return "";
        }
        int start = 0;
        int end = raw.length();
        while (start < end && invisible(raw.charAt(start))) {
            start++;
        }
        while (end > start && invisible(raw.charAt(end - 1))) {
            end--;
        }
        return raw.substring(start, end);
    }

    private static boolean invisible(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.getType(c) == Character.FORMAT;
    }
}
