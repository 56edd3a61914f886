package io.camelretool.benchmarks.report;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** The figures of a run as a Markdown table, columns padded so that it reads in a terminal as well. */
public final class FigureTable {

    private static final List<String> HEADER = List.of("figure", "measured", "baseline (same run)", "ratio", "target");

    private final List<Figure> figures = new ArrayList<>();

    public void addAll(List<Figure> more) {
        figures.addAll(more);
    }

    public void print(PrintStream out) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(HEADER);
        figures.forEach(figure -> rows.add(List.of(figure.name(), figure.measured(), figure.baseline(), figure.ratio(),
                figure.target())));
        int[] widths = new int[HEADER.size()];
        rows.forEach(row -> {
            for (int column = 0; column < widths.length; column++) {
                widths[column] = Math.max(widths[column], row.get(column).length());
            }
        });
        out.println(line(rows.get(0), widths));
        out.println(line(HEADER.stream().map(ignored -> "").toList(), widths).replace(' ', '-'));
        rows.subList(1, rows.size()).forEach(row -> out.println(line(row, widths)));
    }

    private static String line(List<String> cells, int[] widths) {
        StringBuilder line = new StringBuilder("|");
        for (int column = 0; column < widths.length; column++) {
            line.append(' ').append(String.format("%-" + widths[column] + "s", cells.get(column))).append(" |");
        }
        return line.toString();
    }
}
