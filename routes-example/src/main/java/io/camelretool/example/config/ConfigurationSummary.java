package io.camelretool.example.config;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * The settings as the application runs with them, logged at start: every key of {@code application.properties} with
 * its value resolved (the environment variable's, or the default), not the {@code {{env:...}}} placeholder Camel's
 * own summary shows. Secrets show only whether they are set.
 */
public final class ConfigurationSummary {

    /** Keys whose value is a secret, compared without case, dots, dashes and underscores. */
    private static final List<String> SECRET_WORDS = List.of("secret", "password", "apikey", "token", "users",
            "credential", "privatekey");
    /** A password inside a JDBC URL ({@code ...?user=x&password=y}). */
    private static final Pattern URL_PASSWORD = Pattern.compile("(?i)(password=)[^&;]*");
    private static final int MAX_VALUE = 200;

    private ConfigurationSummary() {
    }

    /**
     * @param keys     the keys to show (sorted; duplicates once)
     * @param resolved a key's value with every placeholder resolved
     * @return one line per key, {@code key = value}
     */
    public static List<String> lines(Collection<String> keys, UnaryOperator<String> resolved) {
        List<String> lines = new ArrayList<>();
        for (String key : new TreeSet<>(keys)) {
            lines.add(key + " = " + shown(key, valueOf(key, resolved)));
        }
        return lines;
    }

    private static String valueOf(String key, UnaryOperator<String> resolved) {
        try {
            String value = resolved.apply(key);
            return value == null ? "" : value.strip();
        } catch (RuntimeException unresolvable) {
            // a placeholder naming a key that does not exist: say so, the settings check names the problem itself
            return "(unresolved)";
        }
    }

    /** What the summary shows of a value: secrets as set or empty, the rest on one line, not too long. */
    static String shown(String key, String value) {
        if (value.isEmpty()) {
            return "(empty)";
        }
        if (isSecret(key)) {
            return "****** (set)";
        }
        String oneLine = URL_PASSWORD.matcher(value).replaceAll("$1******").replaceAll("\\p{Cntrl}", " ");
        return oneLine.length() <= MAX_VALUE ? oneLine : oneLine.substring(0, MAX_VALUE) + "…";
    }

    static boolean isSecret(String key) {
        String plain = key.toLowerCase(Locale.ROOT).replaceAll("[._\\-]", "");
        return SECRET_WORDS.stream().anyMatch(plain::contains);
    }
}
