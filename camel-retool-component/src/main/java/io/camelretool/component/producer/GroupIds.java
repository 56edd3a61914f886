package io.camelretool.component.producer;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import io.camelretool.component.error.InvalidRetoolInputException;

/** Retool group ids are integers; users write them as a comma-separated option, a list, or a header. */
final class GroupIds {

    private GroupIds() {
    }

    static List<Integer> fromValue(Object value, String field) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof CharSequence text) {
            return parse(text.toString(), field);
        }
        if (value instanceof Number number) {
            return List.of(checked(number, field));
        }
        if (value instanceof Collection<?> items) {
            List<Integer> ids = new ArrayList<>(items.size());
            for (Object item : items) {
                if (item instanceof Number number) {
                    ids.add(checked(number, field));
                } else if (item instanceof CharSequence text) {
                    ids.addAll(parse(text.toString(), field));
                } else {
                    throw new InvalidRetoolInputException(field, "'" + item + "' is not a group id (an integer)");
                }
            }
            return List.copyOf(ids);
        }
        throw new InvalidRetoolInputException(field, "must be a list of integer group ids");
    }

    static List<Integer> parse(String text, String field) {
        List<Integer> ids = new ArrayList<>();
        if (text == null) {
            return ids;
        }
        for (String part : text.split(",")) {
            String trimmed = part.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            try {
                int id = Integer.parseInt(trimmed);
                if (id <= 0) {
                    throw new NumberFormatException();
                }
                ids.add(id);
            } catch (NumberFormatException e) {
                throw new InvalidRetoolInputException(field, "'" + trimmed + "' is not a group id (a positive integer)");
            }
        }
        return List.copyOf(ids);
    }

    private static int checked(Number number, String field) {
        double value = number.doubleValue();
        if (value != Math.rint(value) || value <= 0 || value > Integer.MAX_VALUE) {
            throw new InvalidRetoolInputException(field, "'" + number + "' is not a group id (a positive integer)");
        }
        return number.intValue();
    }
}
