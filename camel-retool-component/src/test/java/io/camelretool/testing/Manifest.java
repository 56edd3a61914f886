package io.camelretool.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A table of test cases kept beside the inputs it describes: lines of cells separated by {@code |} (written
 * {@code \|} inside a cell), the first line that is not a comment ({@code #}) naming the columns. Cells are trimmed;
 * an empty cell or {@code -} means none.
 */
public final class Manifest {

    /** One case: its cells by column name. */
    public record Row(Map<String, String> cells) {

        /** The cell, or null when it is empty or {@code -}. */
        public String get(String column) {
            if (!cells.containsKey(column)) {
                throw new IllegalArgumentException("the manifest has no column " + column + "; it has "
                                                   + cells.keySet());
            }
            String cell = cells.get(column);
            return cell.isEmpty() || cell.equals("-") ? null : cell;
        }

        @Override
        public String toString() {
            return cells.values().iterator().next();
        }
    }

    private Manifest() {
    }

    /** The bytes of a file of the corpus, a class-path resource such as {@code /hostile/csv/crlf.csv}. */
    public static byte[] file(String resource) {
        try (InputStream in = Manifest.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no corpus file " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(resource, e);
        }
    }

    /** The rows of the manifest at that class-path resource. */
    public static List<Row> read(String resource) {
        try (InputStream in = Manifest.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no manifest at " + resource);
            }
            List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#")).toList();
            String[] columns = cells(lines.get(0));
            List<Row> rows = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                String[] values = cells(line);
                if (values.length != columns.length) {
                    throw new IllegalArgumentException(resource + ": '" + line + "' has " + values.length
                                                       + " cells, the header " + columns.length);
                }
                Map<String, String> row = new LinkedHashMap<>();
                for (int i = 0; i < columns.length; i++) {
                    row.put(columns[i], values[i]);
                }
                rows.add(new Row(row));
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(resource, e);
        }
    }

    private static String[] cells(String line) {
        String[] cells = line.split("(?<!\\\\)\\|", -1);
        for (int i = 0; i < cells.length; i++) {
            cells[i] = cells[i].replace("\\|", "|").strip();
        }
        return cells;
    }
}
