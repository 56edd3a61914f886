package io.camelretool.example.intake.csv;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.camelretool.example.signup.Signup;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** What holds for every file dropped into the folder, written by a spreadsheet, a script or an attacker. */
class SignupCsvReaderPropertiesTest {

    /** Characters that make CSV hard: delimiters, quotes, line breaks, a NUL, non-ASCII, a broken byte. */
    private static final String TRICKY = "ab@.,;\t\"\n\r\u0000é€😀 '=+-\uFFFD";

    @Property(tries = 500)
    void anyBytesAreRefusedWholeOrReadToTheEndWithEveryResultOnALineOfTheFile(@ForAll("anyFile") byte[] file) {
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            List<CsvRowResult> rows;
            try {
                rows = read(file);
            } catch (UnreadableCsvException refused) {
                assertThat(refused.getMessage()).isNotBlank();
                return;
            }
            long lines = physicalLines(file);
            long previous = 1;
            for (CsvRowResult row : rows) {
                assertThat(row.signup().isPresent() ^ row.error().isPresent()).as("a signup or an error").isTrue();
                assertThat(row.lineNumber()).isGreaterThan(previous).isLessThanOrEqualTo(lines);
                previous = row.lineNumber();
            }
        });
    }

    @Property(tries = 300)
    void aWellFormedFileGivesBackEveryRowAsWrittenWhateverItsDelimiterAndLineEnds(
            @ForAll("people") List<List<String>> people, @ForAll("delimiters") char delimiter,
            @ForAll("lineEnds") String lineEnd, @ForAll boolean byteOrderMark) throws Exception {
        StringBuilder file = new StringBuilder(byteOrderMark ? "\uFEFF" : "").append("email").append(delimiter)
                .append("first_name").append(delimiter).append("company").append(lineEnd);
        for (List<String> person : people) {
            file.append(String.join(String.valueOf(delimiter), person.stream().map(SignupCsvReaderPropertiesTest::quoted)
                    .toList())).append(lineEnd);
        }

        List<CsvRowResult> rows = read(file.toString().getBytes(StandardCharsets.UTF_8));

        assertThat(rows).hasSameSizeAs(people);
        for (int i = 0; i < people.size(); i++) {
            Signup signup = rows.get(i).signup().orElseThrow(() -> new AssertionError(rows.toString()));
            assertThat(signup.email()).isEqualTo(people.get(i).get(0));
            assertThat(signup.firstName()).isEqualTo(people.get(i).get(1));
            assertThat(signup.company()).isEqualTo(people.get(i).get(2));
        }
    }

    @Property(tries = 1000)
    void aRecordIsSplitIntoTheCellsCommonsCsvFindsWhetherOrNotItHasQuotes(
            @ForAll("records") String record, @ForAll("delimiters") char delimiter) throws Exception {
        CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(delimiter).setIgnoreEmptyLines(true)
                .setIgnoreSurroundingSpaces(true).get();
        List<String> expected;
        try (CSVParser parser = CSVParser.parse(record, format)) {
            List<CSVRecord> records = parser.getRecords();
            expected = records.size() == 1 ? records.get(0).toList() : null;
        } catch (RuntimeException malformed) {
            expected = null;
        }

        assertThat(SignupCsvReader.cells(record, format)).isEqualTo(expected);
    }

    @Provide
    Arbitrary<String> records() {
        // mostly plain records (split without a parser), with white space of several kinds around cells; some
        // quoted, which go to the parser
        Arbitrary<String> plain = Arbitraries.strings().withChars("ab@.,;\t \u00a0\u2003\u000b\u001fé€")
                .ofMinLength(1).ofMaxLength(40).filter(text -> !text.isBlank());
        return plain.flatMap(text -> Arbitraries.of(text, text + ",\"q\"\"\"", "\"" + text + "\""));
    }

    @Provide
    Arbitrary<byte[]> anyFile() {
        Arbitrary<byte[]> text = Arbitraries.strings().withChars(TRICKY).ofMaxLength(400)
                .map(body -> ("email,first_name\n" + body).getBytes(StandardCharsets.UTF_8));
        Arbitrary<byte[]> bytes = Arbitraries.bytes().array(byte[].class).ofMaxSize(400);
        return Arbitraries.oneOf(text, bytes);
    }

    @Provide
    Arbitrary<List<List<String>>> people() {
        Arbitrary<String> email = Combinators.combine(Arbitraries.strings().alpha().numeric().ofMinLength(1)
                        .ofMaxLength(12), Arbitraries.of("example.com", "acme.io", "bücher.de"))
                .as((local, domain) -> local + "@" + domain);
        // what a cell may hold and read back the same: no surrounding spaces, which the reader trims
        Arbitrary<String> text = Arbitraries.strings().withChars("Ab, \"\n;\té€").ofMaxLength(30).map(String::strip)
                .filter(cell -> !cell.isEmpty());
        return Combinators.combine(email, text, text).as(List::of).list().ofMaxSize(20);
    }

    @Provide
    Arbitrary<Character> delimiters() {
        return Arbitraries.of(',', ';', '\t');
    }

    @Provide
    Arbitrary<String> lineEnds() {
        return Arbitraries.of("\n", "\r\n", "\r");
    }

    /** RFC 4180 quoting, as spreadsheets write every cell. */
    private static String quoted(String cell) {
        return '"' + cell.replace("\"", "\"\"") + '"';
    }

    private static List<CsvRowResult> read(byte[] file) throws Exception {
        List<CsvRowResult> rows = new ArrayList<>();
        try (SignupCsvReader reader = SignupCsvReader.open(new ByteArrayInputStream(file), "property.csv")) {
            reader.forEachRemaining(rows::add);
        }
        return rows;
    }

    /** Lines as the reader counts them: ended by LF, CR LF or CR, the last one with or without an end. */
    private static long physicalLines(byte[] file) {
        String text = new String(file, StandardCharsets.UTF_8);
        return text.lines().count();
    }
}
