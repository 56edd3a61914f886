package io.camelretool.component.docs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No table of the repository's READMEs is split in two: a blank line between two rows ends the table, and the rows
 * after it render as a paragraph of pipes (the configuration table of the example lost its second half that way).
 */
class ReadmeTablesTest {

    private static final Pattern HEADER_SEPARATOR = Pattern.compile("\\s*\\|[\\s:|-]+\\|\\s*");
    private static final List<Path> READMES = List.of(Path.of("README.md"), Path.of("../README.md"),
            Path.of("../routes-example/README.md"), Path.of("../camel-retool-spring-boot-starter/README.md"),
            Path.of("../retool-sandbox/README.md"), Path.of("../benchmarks/RESULTS.md"));

    @Test
    void noTableIsSplitByABlankLineBetweenItsRows() throws IOException {
        List<String> splits = new ArrayList<>();
        for (Path readme : READMES) {
            List<String> lines = Files.readAllLines(readme, StandardCharsets.UTF_8);
            for (int blank = 1; blank < lines.size() - 1; blank++) {
                if (!lines.get(blank).isBlank() || !isRow(lines.get(blank - 1))) {
                    continue;
                }
                int next = blank + 1;
                while (next < lines.size() && lines.get(next).isBlank()) {
                    next++;
                }
                // rows that start a new table have their own header separator under their first line
                boolean newTable = next + 1 < lines.size() && HEADER_SEPARATOR.matcher(lines.get(next + 1)).matches();
                if (next < lines.size() && isRow(lines.get(next)) && !newTable) {
                    splits.add(readme + ":" + (blank + 1));
                }
            }
        }

        assertThat(splits).as("blank lines inside a table").isEmpty();
    }

    private static boolean isRow(String line) {
        return line.stripLeading().startsWith("|");
    }
}
