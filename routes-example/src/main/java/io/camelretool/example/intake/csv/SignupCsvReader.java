package io.camelretool.example.intake.csv;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackInputStream;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.camelretool.example.intake.SignupLimits;
import io.camelretool.example.signup.Signup;
import io.camelretool.example.signup.SignupSource;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a signup CSV one record at a time, so a file of any size needs little memory (a line is never held longer
 * than {@link #MAX_RECORD_CHARS}). The delimiter (comma, semicolon or tab) is taken from the header line and a UTF-8
 * byte-order mark is skipped. A bad record becomes an error result with its line number and reading goes on with the
 * next one.
 */
public final class SignupCsvReader implements Iterator<CsvRowResult>, Closeable {

    private static final char REPLACEMENT = '\uFFFD';

    /** How far a quoted cell may run across lines before it counts as a quote that never closes. */
    static final int MAX_RECORD_LINES = 100;
    static final int MAX_RECORD_CHARS = 64 * 1024;

    private static final Pattern GROUP_SEPARATORS = Pattern.compile("[;|,\\s]+");
    private static final Pattern GROUP_ID = Pattern.compile("[1-9][0-9]{0,8}");

    private final String fileName;
    private final BoundedLines text;
    private final CSVFormat format;
    private final SignupColumns columns;
    private final Deque<Line> reread = new ArrayDeque<>();
    private long physicalLines = 1;
    private CsvRowResult next;

    /** One physical line of the file and its number; no text when it was longer than {@link #MAX_RECORD_CHARS}. */
    private record Line(long number, String text) {

        boolean tooLong() {
            return text == null;
        }
    }

    private SignupCsvReader(String fileName, BoundedLines text, CSVFormat format, SignupColumns columns) {
        this.fileName = fileName;
        this.text = text;
        this.format = format;
        this.columns = columns;
    }

    /**
     * Opens a CSV and reads its header.
     *
     * @throws UnreadableCsvException when the file is empty, binary, not UTF-8 in its header, has a header longer
     *                                than {@link #MAX_RECORD_CHARS}, uses an unknown delimiter or has no email
     *                                column
     */
    public static SignupCsvReader open(InputStream in, String fileName) throws IOException, UnreadableCsvException {
        BoundedLines text = new BoundedLines(new InputStreamReader(withoutByteOrderMark(in),
                StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                        .onUnmappableCharacter(CodingErrorAction.REPLACE)), MAX_RECORD_CHARS);
        BoundedLines.PhysicalLine first = text.next();
        if (first != null && first.tooLong()) {
            throw new UnreadableCsvException("the header line is longer than " + MAX_RECORD_CHARS
                                             + " characters; is this a signup CSV?");
        }
        String headerLine = first == null ? null : first.text();
        if (headerLine == null || headerLine.isBlank()) {
            throw new UnreadableCsvException("the file is empty; a signup CSV starts with a header line");
        }
        if (headerLine.indexOf('\0') >= 0 || headerLine.indexOf(REPLACEMENT) >= 0) {
            throw new UnreadableCsvException("the header is not UTF-8 text; is this a binary or a spreadsheet file?");
        }
        char delimiter = delimiterOf(headerLine);
        CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(delimiter).setIgnoreEmptyLines(true)
                .setIgnoreSurroundingSpaces(true).get();
        CSVRecord header = parseOne(headerLine, format);
        if (header == null) {
            throw new UnreadableCsvException("the header line is not valid CSV: " + headerLine);
        }
        return new SignupCsvReader(fileName, text, format, new SignupColumns(header.toList()));
    }

    private static InputStream withoutByteOrderMark(InputStream in) throws IOException {
        PushbackInputStream pushback = new PushbackInputStream(in, 3);
        byte[] start = pushback.readNBytes(3);
        boolean bom = start.length == 3 && (start[0] & 0xFF) == 0xEF && (start[1] & 0xFF) == 0xBB
                      && (start[2] & 0xFF) == 0xBF;
        if (!bom) {
            pushback.unread(start);
        }
        return pushback;
    }

    /** The most frequent of comma, semicolon and tab in the header, outside quotes. */
    static char delimiterOf(String headerLine) throws UnreadableCsvException {
        int commas = 0;
        int semicolons = 0;
        int tabs = 0;
        boolean quoted = false;
        for (char c : headerLine.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted) {
                commas += c == ',' ? 1 : 0;
                semicolons += c == ';' ? 1 : 0;
                tabs += c == '\t' ? 1 : 0;
            }
        }
        if (commas == 0 && semicolons == 0 && tabs == 0) {
            if (headerLine.matches(".*[|:^#~].*") && !headerLine.toLowerCase(java.util.Locale.ROOT).startsWith("attr")) {
                throw new UnreadableCsvException("unknown delimiter in the header '" + headerLine
                                                 + "'; use comma, semicolon or tab");
            }
            return ',';
        }
        if (tabs >= commas && tabs >= semicolons) {
            return '\t';
        }
        return semicolons > commas ? ';' : ',';
    }

    @Override
    public boolean hasNext() {
        if (next == null) {
            next = readRecord();
        }
        return next != null;
    }

    @Override
    public CsvRowResult next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        CsvRowResult result = next;
        next = null;
        return result;
    }

    /**
     * Gathers the physical lines of the next record (a quoted cell may hold line breaks) and parses it alone, so a
     * bad record costs only itself: a quote that has not closed within {@link #MAX_RECORD_LINES} lines or
     * {@link #MAX_RECORD_CHARS} characters, or a record that does not parse, is reported at its first line, and
     * reading resumes on the line after it.
     */
    private CsvRowResult readRecord() {
        Line first;
        do {
            first = nextLine();
            if (first == null) {
                return null;
            }
        } while (!first.tooLong() && first.text().isBlank());
        if (first.tooLong()) {
            return CsvRowResult.error(first.number(), "is longer than " + MAX_RECORD_CHARS
                                                      + " characters; read on from the next line");
        }
        StringBuilder record = new StringBuilder(first.text());
        List<Line> continuation = new ArrayList<>();
        while (quoteOpen(record)) {
            boolean tooBig = record.length() > MAX_RECORD_CHARS || continuation.size() >= MAX_RECORD_LINES;
            Line more = tooBig ? null : nextLine();
            if (more == null || more.tooLong()) {
                if (more != null) {
                    continuation.add(more);
                }
                readAgain(continuation);
                return CsvRowResult.error(first.number(), "has a quote that never closes; read on from line "
                                                          + (first.number() + 1));
            }
            continuation.add(more);
            record.append('\n').append(more.text());
        }
        List<String> parsed = cells(record.toString(), format);
        if (parsed == null) {
            // the lines this record borrowed may be good records of their own
            readAgain(continuation);
            return CsvRowResult.error(first.number(), "is not valid CSV (text around a quoted cell)");
        }
        return toResult(parsed, first.number());
    }

    private void readAgain(List<Line> lines) {
        for (int i = lines.size() - 1; i >= 0; i--) {
            reread.push(lines.get(i));
        }
    }

    private Line nextLine() {
        if (!reread.isEmpty()) {
            return reread.pop();
        }
        try {
            BoundedLines.PhysicalLine line = text.next();
            return line == null ? null : new Line(++physicalLines, line.text());
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + fileName + " failed after line " + physicalLines, e);
        }
    }

    /** RFC 4180 escapes a quote by doubling it, so an odd count means a quoted cell is still open. */
    private static boolean quoteOpen(CharSequence record) {
        int quotes = 0;
        for (int i = 0; i < record.length(); i++) {
            if (record.charAt(i) == '"') {
                quotes++;
            }
        }
        return quotes % 2 == 1;
    }

    /**
     * The cells of one record, or null when it is not valid CSV. A record without quotes or line breaks is split
     * here as commons-csv would split it (at each delimiter, surrounding white space ignored): a parser per record
     * costs a read buffer of its own, most of what reading a large file allocated.
     */
    static List<String> cells(String record, CSVFormat format) {
        char delimiter = format.getDelimiterString().charAt(0);
        if (record.indexOf('"') >= 0 || record.indexOf('\r') >= 0 || record.indexOf('\n') >= 0
            || format.getDelimiterString().length() != 1) {
            CSVRecord parsed = parseOne(record, format);
            return parsed == null ? null : parsed.toList();
        }
        List<String> cells = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= record.length(); i++) {
            if (i == record.length() || record.charAt(i) == delimiter) {
                cells.add(withoutSurroundingSpace(record, start, i, delimiter));
                start = i + 1;
            }
        }
        return cells;
    }

    /** commons-csv's {@code ignoreSurroundingSpaces}: white space other than the delimiter, at either end. */
    private static String withoutSurroundingSpace(String record, int start, int end, char delimiter) {
        int from = start;
        int to = end;
        while (from < to && isSpace(record.charAt(from), delimiter)) {
            from++;
        }
        while (to > from && isSpace(record.charAt(to - 1), delimiter)) {
            to--;
        }
        return record.substring(from, to);
    }

    private static boolean isSpace(char c, char delimiter) {
        return c != delimiter && Character.isWhitespace(c);
    }

    private static CSVRecord parseOne(String record, CSVFormat format) {
        try (CSVParser parser = CSVParser.parse(record, format)) {
            List<CSVRecord> records = parser.getRecords();
            return records.size() == 1 ? records.get(0) : null;
        } catch (IOException | UncheckedIOException | IllegalStateException malformed) {
            return null;
        }
    }

    private CsvRowResult toResult(List<String> record, long line) {
        if (record.size() != columns.width) {
            return CsvRowResult.error(line, "has " + record.size() + " cells but the header has " + columns.width);
        }
        for (String cell : record) {
            if (cell.indexOf(REPLACEMENT) >= 0 || cell.indexOf('\0') >= 0) {
                return CsvRowResult.error(line, "is not valid UTF-8 text");
            }
        }
        Signup signup;
        try {
            signup = signup(record, line);
        } catch (NumberFormatException e) {
            return CsvRowResult.error(line, "groups: '" + e.getMessage() + "' is not a group id (a positive integer)");
        }
        if (signup == null) {
            return CsvRowResult.error(line, "has no email");
        }
        String action = cell(record, "action");
        boolean removal = action != null && action.equalsIgnoreCase("remove");
        if (action != null && !removal && !action.equalsIgnoreCase("add")) {
            return CsvRowResult.error(line, "action: '" + (action.length() <= 40 ? action : action.substring(0, 40))
                                            + "' is neither add nor remove");
        }
        List<SignupLimits.Problem> problems = SignupLimits.problems(signup);
        if (removal && problems.isEmpty()) {
            return CsvRowResult.removal(line, signup);
        }
        return problems.isEmpty() ? CsvRowResult.of(line, signup)
                : CsvRowResult.error(line, problems.stream().map(SignupLimits.Problem::toString)
                        .collect(Collectors.joining("; ")));
    }

    /** The record's signup, or null when it has no email. */
    private Signup signup(List<String> record, long line) {
        String email = cell(record, "email");
        if (email == null) {
            return null;
        }
        String first = cell(record, "firstName");
        String last = cell(record, "lastName");
        String fullName = cell(record, "fullName");
        if (first == null && last == null && fullName != null) {
            int space = fullName.lastIndexOf(' ');
            first = space < 0 ? fullName : fullName.substring(0, space).trim();
            last = space < 0 ? null : fullName.substring(space + 1);
        }
        List<Integer> groups = groupIds(cell(record, "groups"));
        Map<String, String> attributes = new LinkedHashMap<>();
        columns.attributes.forEach((name, column) -> {
            String value = CsvCells.undefused(record.get(column).trim());
            if (!value.isEmpty()) {
                attributes.put(name, value);
            }
        });
        return new Signup(email, first, last, cell(record, "company"), cell(record, "role"), groups, attributes,
                SignupSource.CSV, fileName + ":" + line);
    }

    private String cell(List<String> record, String field) {
        Integer column = columns.fields.get(field);
        if (column == null) {
            return null;
        }
        String value = CsvCells.undefused(record.get(column).trim());
        return value.isEmpty() ? null : value;
    }

    private static List<Integer> groupIds(String cell) {
        List<Integer> ids = new ArrayList<>();
        if (cell != null) {
            for (String part : GROUP_SEPARATORS.split(cell)) {
                if (!part.isEmpty()) {
                    if (!GROUP_ID.matcher(part).matches()) {
                        throw new NumberFormatException(part);
                    }
                    ids.add(Integer.valueOf(part));
                }
            }
        }
        return ids;
    }

    /** The header's problems that do not stop the file, such as a column that is ignored. */
    public List<String> headerWarnings() {
        return List.copyOf(columns.warnings);
    }

    @Override
    public void close() throws IOException {
        text.close();
    }
}
