package io.camelretool.example.intake.csv;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.camelretool.example.intake.SignupLimits;

/**
 * Which column of a signup CSV holds what, found from the header by the spellings people use: case, spaces,
 * underscores and dashes do not matter ({@code E-mail Address}, {@code email_address} and {@code Email} all mean
 * the email). {@code attr.<name>} and {@code attribute:<name>} columns carry Retool attributes.
 */
final class SignupColumns {

    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("email", "email"), Map.entry("emailaddress", "email"), Map.entry("mail", "email"),
            Map.entry("firstname", "firstName"), Map.entry("givenname", "firstName"),
            Map.entry("lastname", "lastName"), Map.entry("surname", "lastName"), Map.entry("familyname", "lastName"),
            Map.entry("name", "fullName"), Map.entry("fullname", "fullName"),
            Map.entry("company", "company"), Map.entry("organization", "company"),
            Map.entry("organisation", "company"),
            // HubSpot's and Salesforce's contact exports
            Map.entry("companyname", "company"), Map.entry("organizationname", "company"),
            Map.entry("organisationname", "company"), Map.entry("accountname", "company"),
            Map.entry("role", "role"), Map.entry("requestedrole", "role"),
            Map.entry("groups", "groups"), Map.entry("groupids", "groups"),
            // add (or empty) signs the person up; remove offboards them
            Map.entry("action", "action"));

    /** How many unrecognised columns the warning names; the rest are counted. */
    private static final int MAX_NAMED = 10;

    final Map<String, Integer> fields = new LinkedHashMap<>();
    final Map<String, Integer> attributes = new LinkedHashMap<>();
    final List<String> warnings = new java.util.ArrayList<>();
    private final List<String> unrecognised = new java.util.ArrayList<>();
    final int width;

    SignupColumns(List<String> header) throws UnreadableCsvException {
        width = header.size();
        for (int column = 0; column < header.size(); column++) {
            String raw = header.get(column).trim();
            String attribute = attributeName(raw);
            if (attribute != null) {
                if (SignupLimits.isAttributeName(attribute)) {
                    attributes.put(attribute, column);
                } else {
                    warnings.add("column '" + (raw.length() <= 80 ? raw : raw.substring(0, 80) + "…")
                                 + "' is ignored: " + SignupLimits.ATTRIBUTE_NAME_RULE);
                }
                continue;
            }
            String field = ALIASES.get(raw.toLowerCase(Locale.ROOT).replaceAll("[\\s_\\-.]", ""));
            if (field != null) {
                fields.putIfAbsent(field, column);
            } else if (!raw.isEmpty()) {
                unrecognised.add(raw);
            }
        }
        if (!unrecognised.isEmpty()) {
            warnings.add(unrecognisedWarning(unrecognised));
        }
        if (!fields.containsKey("email")) {
            throw new UnreadableCsvException("no email column in the header " + header
                                             + " (expected a column named like email, Email or E-mail Address)");
        }
    }

    /**
     * One warning for every column no spelling matched (HubSpot's {@code Company Name}, say), so a value the user
     * expected in Retool is not dropped without a word; a header of thousands of columns stays one short line.
     */
    private static String unrecognisedWarning(List<String> columns) {
        StringBuilder names = new StringBuilder();
        columns.stream().limit(MAX_NAMED).forEach(name -> names.append(names.isEmpty() ? "" : ", ").append('\'')
                .append(name.length() <= 80 ? name : name.substring(0, 80) + "…").append('\''));
        if (columns.size() > MAX_NAMED) {
            names.append(" and ").append(columns.size() - MAX_NAMED).append(" more");
        }
        return (columns.size() == 1 ? "column " : "columns ") + names + (columns.size() == 1 ? " is" : " are")
               + " not recognised and ignored (recognised: email, first name, last name, name, company, role, "
               + "groups, action, and attr.<name> for a Retool attribute)";
    }

    private static String attributeName(String header) {
        String lower = header.toLowerCase(Locale.ROOT);
        if (lower.startsWith("attr.")) {
            return lower.substring("attr.".length()).trim();
        }
        if (lower.startsWith("attribute:")) {
            return lower.substring("attribute:".length()).trim();
        }
        return null;
    }

    @Override
    public String toString() {
        return "fields " + fields + ", attributes " + attributes.keySet();
    }
}
