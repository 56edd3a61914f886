package io.camelretool.example.intake.csv;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;

import io.camelretool.example.signup.Signup;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SignupCsvReaderTest {

    @Test
    void findsColumnsByTheirUsualSpellingsWithSemicolonsAndAByteOrderMark() throws Exception {
        List<CsvRowResult> rows = read("\uFEFFE-mail Address;First Name;last name;Company;role;group ids;"
                                       + "attr.plan;attribute:tier\n"
                                       + "ada@example.com;Ada;Lovelace;Analytical;editor;1, 2;gold;\n");

        Signup signup = rows.get(0).signup().orElseThrow();
        assertThat(signup.email()).isEqualTo("ada@example.com");
        assertThat(signup.firstName()).isEqualTo("Ada");
        assertThat(signup.lastName()).isEqualTo("Lovelace");
        assertThat(signup.company()).isEqualTo("Analytical");
        assertThat(signup.role()).isEqualTo("editor");
        assertThat(signup.groups()).containsExactly(1, 2);
        assertThat(signup.attributes()).containsExactly(java.util.Map.entry("plan", "gold"));
        assertThat(signup.sourceRef()).isEqualTo("test.csv:2");
    }

    @Test
    void readsTabsAndSplitsAFullNameColumn() throws Exception {
        Signup signup = read("Email\tFull Name\ngrace@example.com\tGrace Brewster Hopper\n").get(0).signup()
                .orElseThrow();

        assertThat(signup.firstName()).isEqualTo("Grace Brewster");
        assertThat(signup.lastName()).isEqualTo("Hopper");
    }

    @Test
    void reportsBadRowsWithTheirLineNumberAndGoesOn() throws Exception {
        List<CsvRowResult> rows = read("email,groups\n"
                                       + "a@example.com,1\n"
                                       + ",2\n"
                                       + "b@example.com,x\n"
                                       + "c@example.com,1,extra\n"
                                       + "\"quoted@example.com\",\"3, 4\"\n"
                                       + "d@example.com,4\n");

        assertThat(rows).extracting(CsvRowResult::lineNumber).containsExactly(2L, 3L, 4L, 5L, 6L, 7L);
        assertThat(rows.get(1).error()).contains("has no email");
        assertThat(rows.get(2).error().orElseThrow()).contains("'x' is not a group id");
        assertThat(rows.get(3).error().orElseThrow()).contains("3 cells but the header has 2");
        assertThat(rows.get(4).signup().orElseThrow().groups()).containsExactly(3, 4);
        assertThat(rows.get(5).signup().orElseThrow().email()).isEqualTo("d@example.com");
    }

    @Test
    void aQuoteThatNeverClosesCostsOnlyItsOwnRow() throws Exception {
        List<CsvRowResult> rows = read("email,name\na@example.com,Ann\n\"b@example.com,Bob\nc@example.com,Cy\n"
                                       + "\"d@example.com\",\"Dee\nMultiline\"\ne@example.com,\"Ev\"x\"\nf@example.com,Fi\n");

        assertThat(rows).extracting(CsvRowResult::lineNumber).containsExactly(2L, 3L, 4L, 5L, 7L, 8L);
        assertThat(rows.get(1).error().orElseThrow()).contains("not valid CSV");
        assertThat(rows.get(2).signup().orElseThrow().email()).isEqualTo("c@example.com");
        assertThat(rows.get(3).signup().orElseThrow().firstName()).isEqualTo("Dee\nMultiline");
        assertThat(rows.get(4).error().orElseThrow()).contains("quote that never closes");
        assertThat(rows.get(5).signup().orElseThrow().email()).isEqualTo("f@example.com");
    }

    @Test
    void invalidUtf8InARowIsThatRowsErrorOnly() throws Exception {
        byte[] latin1 = "email,name\nj@example.com,Jos\u00e9\nk@example.com,Kay\n".getBytes(StandardCharsets.ISO_8859_1);
        List<CsvRowResult> rows = read(new ByteArrayInputStream(latin1));

        assertThat(rows.get(0).error()).contains("is not valid UTF-8 text");
        assertThat(rows.get(1).signup()).isPresent();
    }

    @Test
    void refusesFilesThatAreNotSignupCsvs() {
        assertThatThrownBy(() -> read("")).isInstanceOf(UnreadableCsvException.class).hasMessageContaining("empty");
        assertThatThrownBy(() -> read("name,company\nAda,Acme\n")).isInstanceOf(UnreadableCsvException.class)
                .hasMessageContaining("no email column");
        assertThatThrownBy(() -> read("email|name\na@example.com|Ann\n")).isInstanceOf(UnreadableCsvException.class)
                .hasMessageContaining("unknown delimiter");
        assertThatThrownBy(() -> read(new ByteArrayInputStream(new byte[] { 'P', 'K', 3, 4, 0, 0 })))
                .isInstanceOf(UnreadableCsvException.class).hasMessageContaining("not UTF-8 text");
    }

    @Test
    void streamsALargeFileWithoutHoldingIt() throws Exception {
        int rows = 200_000;
        Enumeration<InputStream> lines = new Enumeration<>() {
            private int next = -1;

            @Override
            public boolean hasMoreElements() {
                return next < rows;
            }

            @Override
            public InputStream nextElement() {
                String line = next < 0 ? "email,first_name\n" : "user" + next + "@example.com,User\n";
                next++;
                return new ByteArrayInputStream(line.getBytes(StandardCharsets.UTF_8));
            }
        };
        long signups = 0;
        try (SignupCsvReader reader = SignupCsvReader.open(new SequenceInputStream(lines), "big.csv")) {
            while (reader.hasNext()) {
                signups += reader.next().signup().isPresent() ? 1 : 0;
            }
        }
        assertThat(signups).isEqualTo(rows);
    }

    @Test
    void namesTheColumnsItDoesNotRecogniseInOneWarningAndStillReadsTheRows() throws Exception {
        StringBuilder header = new StringBuilder("Email,Lifecycle Stage,Phone,,attr.plan");
        for (int column = 0; column < 40; column++) {
            header.append(",Extra ").append(column);
        }
        try (SignupCsvReader reader = SignupCsvReader.open(new ByteArrayInputStream((header
                + "\nada@example.com" + ",".repeat(44) + "\n").getBytes(StandardCharsets.UTF_8)), "hubspot.csv")) {
            assertThat(reader.headerWarnings()).singleElement().asString()
                    .contains("'Lifecycle Stage', 'Phone', 'Extra 0'").contains("and 32 more").contains("not recognised")
                    .doesNotContain("attr.plan").doesNotContain("''");
            assertThat(reader.next().signup()).hasValueSatisfying(signup ->
                    assertThat(signup.email()).isEqualTo("ada@example.com"));
        }
    }

    @Test
    void readsTheCompanyOfAHubSpotContactExport() throws Exception {
        try (SignupCsvReader reader = SignupCsvReader.open(new ByteArrayInputStream(
                ("Record ID,First Name,Last Name,Email,Company Name\n"
                 + "101,Ada,Lovelace,ada@example.com,Analytical Engines\n").getBytes(StandardCharsets.UTF_8)),
                "hubspot.csv")) {
            assertThat(reader.headerWarnings()).singleElement().asString().contains("'Record ID'")
                    .doesNotContain("Company Name");
            assertThat(reader.next().signup()).hasValueSatisfying(signup -> {
                assertThat(signup.email()).isEqualTo("ada@example.com");
                assertThat(signup.company()).isEqualTo("Analytical Engines");
            });
        }
    }

    @Test
    void aHeaderOfKnownColumnsHasNoWarning() throws Exception {
        try (SignupCsvReader reader = SignupCsvReader.open(new ByteArrayInputStream(
                "E-mail Address;first_name;Surname;Organisation;attr.plan\n".getBytes(StandardCharsets.UTF_8)),
                "known.csv")) {
            assertThat(reader.headerWarnings()).isEmpty();
        }
    }

    private static List<CsvRowResult> read(String csv) throws Exception {
        return read(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<CsvRowResult> read(InputStream in) throws Exception {
        List<CsvRowResult> rows = new ArrayList<>();
        try (SignupCsvReader reader = SignupCsvReader.open(in, "test.csv")) {
            reader.forEachRemaining(rows::add);
        }
        return rows;
    }
}
