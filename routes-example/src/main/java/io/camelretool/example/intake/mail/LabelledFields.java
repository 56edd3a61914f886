package io.camelretool.example.intake.mail;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds {@code Label: value} lines (also {@code Label - value}, and {@code >} quoted as in a forwarded mail) that
 * form notifications use. A label seen again after an email starts the next person, so one mail may carry several.
 * The patterns cannot backtrack over a line: a line of a hundred thousand spaces is read in one pass.
 */
final class LabelledFields {

    private static final Pattern QUOTING = Pattern.compile("^(?:[ \\t]*+>)++");
    private static final Pattern LINE = Pattern.compile("^\\s*+([A-Za-z][A-Za-z \\-]{0,30}?)\\s*(?::++|\\s-\\s)(.*)$");
    private static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("email", "email"), Map.entry("e-mail", "email"), Map.entry("email address", "email"),
            Map.entry("e-mail address", "email"), Map.entry("name", "name"), Map.entry("full name", "name"),
            Map.entry("first name", "firstName"), Map.entry("last name", "lastName"), Map.entry("surname", "lastName"),
            Map.entry("company", "company"), Map.entry("organisation", "company"),
            Map.entry("organization", "company"), Map.entry("role", "role"), Map.entry("groups", "groups"));

    private LabelledFields() {
    }

    /** One map of field to value per person found, in order. */
    static List<Map<String, String>> people(String text) {
        List<Map<String, String>> people = new ArrayList<>();
        Map<String, String> current = null;
        for (String raw : text.split("\\R")) {
            Matcher matcher = LINE.matcher(QUOTING.matcher(raw).replaceFirst(""));
            if (!matcher.matches() || matcher.group(2).isBlank()) {
                continue;
            }
            String field = LABELS.get(matcher.group(1).trim().toLowerCase(Locale.ROOT));
            if (field == null) {
                continue;
            }
            boolean nextPerson = current != null && current.containsKey("email") && current.containsKey(field);
            if (current == null || nextPerson) {
                if (nextPerson) {
                    people.add(current);
                }
                current = new LinkedHashMap<>();
            }
            current.putIfAbsent(field, matcher.group(2).strip());
        }
        if (current != null && current.containsKey("email")) {
            people.add(current);
        }
        return people;
    }
}
