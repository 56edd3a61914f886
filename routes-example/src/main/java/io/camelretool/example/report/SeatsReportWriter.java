package io.camelretool.example.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.camelretool.example.files.PrivateFiles;

/**
 * The seats report, beside the batch reports: what the read API's {@code /api/seats} answers, as JSON and as a CSV of
 * one line per figure, each written aside (private to the application's user) and then renamed so a reader never sees
 * half a file.
 */
public final class SeatsReportWriter {

    private static final DateTimeFormatter NAME_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    /** A value the CSV may hold as it is: a currency, a status. */
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_.]{0,40}");

    private final Path reports;
    private final Clock clock;

    public SeatsReportWriter(Path reports, Clock clock) {
        this.reports = reports;
        this.clock = clock;
    }

    /** @return the JSON file written; the CSV has the same name ending in .csv */
    public Path write(Map<String, Object> seats) throws IOException {
        PrivateFiles.directory(reports);
        String name = "seats-" + NAME_TIME.format(clock.instant());
        Path json = reports.resolve(name + ".json");
        Path csv = reports.resolve(name + ".csv");
        Path jsonPart = Files.createTempFile(reports, name + ".json.", ".part");
        Path csvPart = Files.createTempFile(reports, name + ".csv.", ".part");
        JSON.writeValue(jsonPart.toFile(), seats);
        StringBuilder lines = new StringBuilder("figure,value\n");
        flatten("", seats, lines);
        Files.writeString(csvPart, lines, StandardCharsets.UTF_8);
        Files.move(csvPart, csv, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        Files.move(jsonPart, json, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return json;
    }

    /**
     * {@code joined.EXTERNAL,12}: names and numbers only, nothing a spreadsheet would run as a formula; a sentence
     * (the JSON's {@code note}) is left to the JSON.
     */
    private static void flatten(String prefix, Map<?, ?> values, StringBuilder lines) {
        values.forEach((name, value) -> {
            String figure = prefix + name;
            if (value instanceof Map<?, ?> nested) {
                flatten(figure + ".", nested, lines);
            } else if (value == null || value instanceof Number || CODE.matcher(value.toString()).matches()) {
                lines.append(figure).append(',').append(value == null ? "" : value).append('\n');
            }
        });
    }
}
