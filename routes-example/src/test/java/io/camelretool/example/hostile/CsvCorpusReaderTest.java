package io.camelretool.example.hostile;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import io.camelretool.example.intake.csv.CsvRowResult;
import io.camelretool.example.intake.csv.SignupCsvReader;
import io.camelretool.example.intake.csv.UnreadableCsvException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Every file of the CSV corpus through the reader alone, within seconds each: a file the drop folder refuses is an
 * {@link UnreadableCsvException} naming why, any other yields, line by line, the signups and errors its manifest row
 * lists (the application test checks the rest: statuses, ledger and invites).
 */
class CsvCorpusReaderTest {

    static Stream<CsvCorpus.Case> readCases() {
        return CsvCorpus.cases().stream().filter(corpusCase -> !corpusCase.ignored());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("readCases")
    void readsEachFileAsItsManifestRowSays(CsvCorpus.Case corpusCase) {
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            if (corpusCase.refused()) {
                assertThatThrownBy(() -> read(corpusCase)).isInstanceOf(UnreadableCsvException.class)
                        .hasMessageContaining(corpusCase.reason());
            } else {
                assertRows(read(corpusCase), corpusCase.lines());
            }
        });
    }

    private static List<CsvRowResult> read(CsvCorpus.Case corpusCase) throws Exception {
        List<CsvRowResult> rows = new ArrayList<>();
        try (SignupCsvReader reader = SignupCsvReader.open(new ByteArrayInputStream(corpusCase.content()),
                corpusCase.file())) {
            reader.forEachRemaining(rows::add);
        }
        return rows;
    }

    private static void assertRows(List<CsvRowResult> rows, ExpectedLines expected) {
        assertThat(rows).extracting(CsvRowResult::lineNumber)
                .containsExactlyElementsOf(expected.lines().stream().map(ExpectedLines.Line::number).toList());
        for (int i = 0; i < rows.size(); i++) {
            CsvRowResult row = rows.get(i);
            ExpectedLines.Line line = expected.lines().get(i);
            if (line.invalid()) {
                assertThat(row.error()).as("line %d", line.number()).hasValueSatisfying(error -> assertThat(error)
                        .contains(line.reason()));
            } else {
                assertThat(row.signup()).as("line %d (%s)", line.number(), row.error().orElse(""))
                        .hasValueSatisfying(signup -> assertThat(signup.email()).isEqualTo(line.email()));
            }
        }
    }
}
