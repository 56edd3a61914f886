package io.camelretool.example.ledger;

import java.util.regex.Pattern;

/**
 * A failure's reason without what names one person or invite, so that people who wait for the same cause are counted
 * under one reason: {@code Retool answered 503 (POST /api/v2/user_invites/1958/user_attributes)} and the same for
 * invite 1959 both read {@code ... /api/v2/user_invites/{id}/user_attributes}. Emails become {@code {email}}, Retool
 * user ids ({@code user_} then letters and digits) {@code {user}}, and numbers standing as a path segment
 * {@code {id}}; status codes, counts and the rest of the words stay.
 */
public final class FailureReason {

    private static final Pattern EMAIL = Pattern.compile("[^\\s<>()\\[\\]\"',;:/]+@[^\\s<>()\\[\\]\"',;:/]+");
    // a digit in it: Retool's ids have them (user_9f2c...), the API's words do not (user_invites, user_attributes)
    private static final Pattern USER_ID = Pattern.compile("\\buser_(?=[A-Za-z]*[0-9])[A-Za-z0-9]+\\b");
    private static final Pattern PATH_NUMBER = Pattern.compile("(?<=/)[0-9]+(?=[/?#)\\s]|$)");

    private FailureReason() {
    }

    /** The reason with its ids replaced by placeholders; null stays null (no reason recorded). */
    public static String withoutIds(String reason) {
        if (reason == null) {
            return null;
        }
        String general = EMAIL.matcher(reason).replaceAll("{email}");
        general = USER_ID.matcher(general).replaceAll("{user}");
        return PATH_NUMBER.matcher(general).replaceAll("{id}");
    }
}
