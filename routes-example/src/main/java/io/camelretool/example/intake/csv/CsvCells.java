package io.camelretool.example.intake.csv;

/** Writing CSV cells that are safe to open in a spreadsheet. */
public final class CsvCells {

    private CsvCells() {
    }

    private static final String FORMULA_STARTS = "=+-@\t\r";

    /**
     * Quotes a cell and defuses formulas: a cell a spreadsheet would run (starting with =, +, -, @, tab or carriage
     * return) gets a leading apostrophe, as OWASP advises against CSV injection.
     */
    public static String quoted(String value) {
        String text = value == null ? "" : value;
        if (!text.isEmpty() && FORMULA_STARTS.indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        return '"' + text.replace("\"", "\"\"").replace('\n', ' ') + '"';
    }

    /**
     * A cell as it was before {@link #quoted} defused it: a dead-letter file replayed from the inbox must invite
     * {@code -ada@example.com}, not {@code '-ada@example.com} (a different address).
     */
    static String undefused(String cell) {
        return cell.length() > 1 && cell.charAt(0) == '\'' && FORMULA_STARTS.indexOf(cell.charAt(1)) >= 0
                ? cell.substring(1) : cell;
    }
}
