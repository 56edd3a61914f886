package io.camelretool.example.hostile;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The report lines a corpus case expects, written in its manifest as {@code <line> <STATUS> <email> [~ <reason>]}
 * separated by {@code ;}, where {@code <line>} may be a range {@code a-b}, {@code -} stands for no email and {@code *}
 * for any:
 * {@code 2 INVITED ada@example.com; 3 INVALID - ~ has 1 cells; 4-9 DUPLICATE ada@example.com ~ already}.
 */
record ExpectedLines(List<Line> lines) {

    private static final Pattern LINE = Pattern.compile("(\\d+)(?:-(\\d+))? ([A-Z_]+) (.+?)(?: ~ (.+))?");

    /** One expected report line: its number, status, email (null for none, * for any) and a text its reason holds. */
    record Line(long number, String status, String email, String reason) {

        boolean anyEmail() {
            return "*".equals(email);
        }

        boolean invalid() {
            return status.equals("INVALID");
        }
    }

    static ExpectedLines parse(String cell) {
        List<Line> lines = new ArrayList<>();
        if (cell != null) {
            for (String item : cell.split(";")) {
                Matcher matcher = LINE.matcher(item.strip());
                if (!matcher.matches()) {
                    throw new IllegalArgumentException("'" + item + "' is not <line> <STATUS> <email> [~ <reason>]");
                }
                long from = Long.parseLong(matcher.group(1));
                long to = matcher.group(2) == null ? from : Long.parseLong(matcher.group(2));
                String email = matcher.group(4).equals("-") ? null : matcher.group(4);
                for (long number = from; number <= to; number++) {
                    lines.add(new Line(number, matcher.group(3), email, matcher.group(5)));
                }
            }
        }
        return new ExpectedLines(List.copyOf(lines));
    }

    /** The report (its JSON) has exactly these lines, in this order. */
    void assertReport(JsonNode report) {
        JsonNode actual = report.path("lines");
        assertThat(actual).as("the lines of report %s", report.path("name").asText()).hasSize(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            Line expected = lines.get(i);
            JsonNode line = actual.get(i);
            String where = "report line " + expected.number() + ": " + line;
            assertThat(line.path("line").asLong()).as(where).isEqualTo(expected.number());
            assertThat(line.path("status").asText()).as(where).isEqualTo(expected.status());
            if (!expected.anyEmail()) {
                assertThat(line.path("email").isNull() ? null : line.path("email").asText()).as(where)
                        .isEqualTo(expected.email());
            }
            if (expected.reason() != null) {
                assertThat(line.path("reason").asText()).as(where).contains(expected.reason());
            }
        }
    }
}
