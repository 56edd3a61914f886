package io.camelretool.example.intake;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

import io.camelretool.example.signup.Signup;

/**
 * What every intake takes in a signup, whatever a file, a mail or a request holds: text without control characters
 * (a NUL byte, which PostgreSQL cannot store, or a broken surrogate pair), names of a sensible length, and a bounded
 * number of groups and attributes, so that any signup an intake accepts fits the ledger and is one Retool could take.
 * A signup outside these limits is refused by its intake with the field named, instead of failing the ledger's
 * transaction (which refused the whole batch and, for the webhook, answered 503 "send again" for ever).
 */
public final class SignupLimits {

    public static final int MAX_TEXT = 256;
    public static final int MAX_GROUPS = 100;
    public static final int MAX_ATTRIBUTES = 20;
    public static final int MAX_ATTRIBUTE_NAME = 255;
    public static final int MAX_ATTRIBUTE_VALUE = 2000;
    /** What an attribute name is, in the words every refusal of one uses. */
    public static final String ATTRIBUTE_NAME_RULE = "Retool attribute names use a-z, 0-9 and _, at most "
                                                     + MAX_ATTRIBUTE_NAME + " of them";
    private static final Pattern ATTRIBUTE_NAME = Pattern.compile("[a-z0-9_]+");

    /** One field outside the limits, named as the webhook names it ({@code firstName}, {@code attributes.plan}). */
    public record Problem(String field, String message) {

        @Override
        public String toString() {
            return field + ": " + message;
        }
    }

    private SignupLimits() {
    }

    /** Whether Retool takes this as an attribute name: lower-case letters, digits and _, at most 255 of them. */
    public static boolean isAttributeName(String name) {
        return name.length() <= MAX_ATTRIBUTE_NAME && ATTRIBUTE_NAME.matcher(name).matches();
    }

    /** The fields of the signup outside the limits, in a stable order; empty when it is fine. */
    public static List<Problem> problems(Signup signup) {
        List<Problem> problems = new ArrayList<>();
        text(problems, "email", signup.email(), Integer.MAX_VALUE);
        text(problems, "firstName", signup.firstName(), MAX_TEXT);
        text(problems, "lastName", signup.lastName(), MAX_TEXT);
        text(problems, "company", signup.company(), MAX_TEXT);
        text(problems, "role", signup.role(), MAX_TEXT);
        if (signup.groups().size() > MAX_GROUPS) {
            problems.add(new Problem("groups", "has " + signup.groups().size() + " group ids; at most " + MAX_GROUPS));
        }
        if (signup.attributes().size() > MAX_ATTRIBUTES) {
            problems.add(new Problem("attributes", "has " + signup.attributes().size() + " attributes; at most "
                                                   + MAX_ATTRIBUTES));
        }
        for (Map.Entry<String, String> attribute : new TreeMap<>(signup.attributes()).entrySet()) {
            String field = "attributes." + attribute.getKey();
            if (!isAttributeName(attribute.getKey())) {
                problems.add(new Problem(field, "is not an attribute name: " + ATTRIBUTE_NAME_RULE));
            }
            text(problems, field, attribute.getValue(), MAX_ATTRIBUTE_VALUE);
        }
        return problems;
    }

    private static void text(List<Problem> problems, String field, String value, int maxLength) {
        if (value == null) {
            return;
        }
        if (value.length() > maxLength) {
            problems.add(new Problem(field, "is " + value.length() + " characters long; at most " + maxLength));
        } else if (hasControlCharacter(value)) {
            problems.add(new Problem(field, "contains a control character or broken Unicode"));
        }
    }

    /** Control characters other than tab and line breaks, and surrogates that are not part of a pair. */
    private static boolean hasControlCharacter(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7f) {
                return true;
            }
            boolean pair = Character.isHighSurrogate(c) && i + 1 < value.length()
                           && Character.isLowSurrogate(value.charAt(i + 1));
            if (pair) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }
}
