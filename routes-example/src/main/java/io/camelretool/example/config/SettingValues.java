package io.camelretool.example.config;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Parses the text of one setting into its type; every refusal names the environment variable that holds it, so a
 * wrong value stops the start with a message that says what to fix.
 */
final class SettingValues {

    private static final Pattern ATTRIBUTE_NAME = Pattern.compile("[a-z0-9_]+");

    private SettingValues() {
    }

    /** The value without surrounding blanks, or the fallback when it is empty. */
    static String orDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.strip();
    }

    static List<String> list(String commaSeparated) {
        return commaSeparated == null ? List.of()
                : Arrays.stream(commaSeparated.split(",")).map(String::strip).filter(item -> !item.isEmpty()).toList();
    }

    static List<Integer> groupIds(String commaSeparated, String variable) {
        return list(commaSeparated).stream().map(id -> {
            try {
                return Integer.valueOf(id);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(variable + ": '" + id + "' is not a Retool group id (an integer)");
            }
        }).toList();
    }

    /** {@code plan=free, tier=trial}: Retool attribute names as Retool accepts them, values as given. */
    static Map<String, String> attributes(String commaSeparated, String variable) {
        Map<String, String> attributes = new LinkedHashMap<>();
        for (String pair : list(commaSeparated)) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? "" : pair.substring(0, equals).strip();
            if (!ATTRIBUTE_NAME.matcher(name).matches()) {
                throw new IllegalArgumentException(variable + ": '" + pair + "' is not name=value with a name of "
                                                   + "a-z, 0-9 and _");
            }
            attributes.put(name, pair.substring(equals + 1).strip());
        }
        return attributes;
    }

    static int nonNegative(String text, String variable) {
        try {
            int value = Integer.parseInt(text.strip());
            if (value >= 0) {
                return value;
            }
        } catch (NumberFormatException | NullPointerException e) {
            // refused below with the same message as a negative number
        }
        throw new IllegalArgumentException(variable + ": '" + text + "' is not a whole number of 0 or more");
    }

    static int port(String text, String variable) {
        try {
            int port = Integer.parseInt(text.strip());
            if (port > 0 && port < 65536) {
                return port;
            }
        } catch (NumberFormatException e) {
            // refused below with the same message as a port out of range
        }
        throw new IllegalArgumentException(variable + ": '" + text + "' is not a port number (1 to 65535)");
    }

    /** @param unset the value when the setting is empty */
    static boolean bool(String text, String variable, boolean unset) {
        String value = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        return switch (value) {
            case "" -> unset;
            case "false" -> false;
            case "true" -> true;
            default -> throw new IllegalArgumentException(variable + ": '" + text + "' is neither true nor false");
        };
    }

    static BigDecimal price(String text, String variable) {
        try {
            BigDecimal price = new BigDecimal(text.strip());
            if (price.signum() >= 0) {
                return price;
            }
        } catch (NumberFormatException | NullPointerException e) {
            // refused below with the same message as a negative price
        }
        throw new IllegalArgumentException(variable + ": '" + text + "' is not a monthly price of 0 or more");
    }
}
