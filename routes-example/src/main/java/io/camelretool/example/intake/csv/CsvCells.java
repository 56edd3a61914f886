package io.camelretool.example.intake.csv;

/** Writing CSV cells that are safe to open in a spreadsheet. */
public final class CsvCells {

    private CsvCells() {
    }

    /**
     * Quotes a cell and defuses formulas: a cell a spreadsheet would run (starting with =, +, -, @, tab or carriage
     * return) gets a leading apostrophe, as OWASP advises against CSV injection.
     */
    public static String quoted(String value) {
        String text = value == null ? "" : value;
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        return '"' + text.replace("\"", "\"\"").replace('\n', ' ') + '"';
    }
}
