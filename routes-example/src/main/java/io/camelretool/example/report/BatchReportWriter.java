package io.camelretool.example.report;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.camelretool.component.classify.SeatPriceTable;
import io.camelretool.example.files.PrivateFiles;
import io.camelretool.example.intake.csv.CsvCells;
import io.camelretool.example.ledger.Batch;
import io.camelretool.example.ledger.BatchLine;
import io.camelretool.example.ledger.ItemOutcome;
import io.camelretool.example.ledger.Ledger;

/**
 * Writes a settled batch's report, {@code <reports>/<batch-id>.json} and {@code .csv}: counts per status and class,
 * the projected monthly cost of the new seats, and one line per signup. Both are streamed from the ledger and
 * appear whole (written aside, then renamed); CSV cells a spreadsheet would run as a formula are defused.
 */
public final class BatchReportWriter {

    /** What was written, for the log. */
    public record Written(Path json, Path csv, Path deadLetter, long lines, Map<ItemOutcome, Long> byOutcome,
                          SeatPriceTable.CostProjection newSeatCost) {
    }

    static final String CSV_HEADER = "line,source_ref,email,class,status,reason,invite_id,invite_expires_at";

    private static final JsonFactory JSON = new JsonFactory();

    private final Path reports;
    private final DeadLetterWriter deadLetter;
    private final SeatPriceTable prices;
    private final boolean dryRun;

    public BatchReportWriter(Path reports, Path deadLetterFolder, SeatPriceTable prices, boolean dryRun) {
        this.reports = reports;
        this.deadLetter = new DeadLetterWriter(deadLetterFolder);
        this.prices = prices;
        this.dryRun = dryRun;
    }

    /** The folder the reports are written to. */
    public Path folder() {
        return reports;
    }

    public Written write(Batch batch, Ledger ledger) throws IOException {
        BatchTally tally = new BatchTally();
        ledger.forEachLine(batch.id(), tally::add);
        PrivateFiles.directory(reports);
        Path csv = reports.resolve(batch.id() + ".csv");
        Path json = reports.resolve(batch.id() + ".json");
        // names of their own, so that two nodes writing the same report never share a half-written file
        Path csvPart = PrivateFiles.temporary(reports, batch.id() + ".csv.", ".part");
        Path jsonPart = PrivateFiles.temporary(reports, batch.id() + ".json.", ".part");
        Path deadLetterFile = tally.count(ItemOutcome.FAILED) > 0
                ? deadLetter.write(batch.id(), tally.failedAttributeNames(), ledger) : null;
        SeatPriceTable.CostProjection cost = tally.newSeatCost(prices);
        try (BufferedWriter csvOut = Files.newBufferedWriter(csvPart, StandardCharsets.UTF_8);
             JsonGenerator jsonOut = JSON.createGenerator(jsonPart.toFile(), JsonEncoding.UTF8)) {
            jsonOut.useDefaultPrettyPrinter();
            writeSummary(jsonOut, batch, tally, cost, deadLetterFile);
            jsonOut.writeArrayFieldStart("lines");
            csvOut.write(CSV_HEADER);
            csvOut.newLine();
            ledger.forEachLine(batch.id(), line -> {
                try {
                    writeJsonLine(jsonOut, line);
                    csvOut.write(csvLine(line));
                    csvOut.newLine();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            jsonOut.writeEndArray();
            jsonOut.writeEndObject();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        Files.move(csvPart, csv, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        Files.move(jsonPart, json, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return new Written(json, csv, deadLetterFile, tally.lines(), tally.byOutcome(), cost);
    }

    private void writeSummary(JsonGenerator out, Batch batch, BatchTally tally, SeatPriceTable.CostProjection cost,
                              Path deadLetterFile) throws IOException {
        out.writeStartObject();
        out.writeStringField("batch", batch.id());
        out.writeStringField("source", batch.source().name());
        out.writeStringField("name", batch.name());
        writeTime(out, "receivedAt", batch.createdAt());
        writeTime(out, "reportedAt", Instant.now());
        out.writeBooleanField("dryRun", dryRun);
        out.writeNumberField("signups", tally.lines());
        out.writeObjectFieldStart("byStatus");
        for (Map.Entry<ItemOutcome, Long> count : tally.byOutcome().entrySet()) {
            out.writeNumberField(count.getKey().name(), count.getValue());
        }
        out.writeEndObject();
        out.writeObjectFieldStart("byClass");
        for (var count : tally.byClass().entrySet()) {
            out.writeNumberField(count.getKey().name(), count.getValue());
        }
        out.writeEndObject();
        out.writeObjectFieldStart("newSeats");
        out.writeStringField("currency", cost.currency());
        out.writeStringField("projectedMonthlyCost", cost.monthlyTotal().toPlainString());
        out.writeObjectFieldStart("byClass");
        for (var count : cost.counts().entrySet()) {
            out.writeObjectFieldStart(count.getKey().name());
            out.writeNumberField("seats", count.getValue());
            out.writeStringField("monthlyCost", cost.monthlyCostByClass().get(count.getKey()).toPlainString());
            out.writeEndObject();
        }
        out.writeEndObject();
        out.writeEndObject();
        out.writeStringField("deadLetter", deadLetterFile == null ? null : deadLetterFile.toString());
    }

    private static void writeJsonLine(JsonGenerator out, BatchLine line) throws IOException {
        out.writeStartObject();
        out.writeNumberField("line", line.itemNo());
        out.writeStringField("sourceRef", line.sourceRef());
        out.writeStringField("email", line.email());
        out.writeStringField("class", line.userClass() == null ? null : line.userClass().name());
        out.writeStringField("status", line.outcome().name());
        out.writeStringField("reason", line.reason());
        if (line.inviteId() != null) {
            out.writeNumberField("inviteId", line.inviteId());
        }
        writeTime(out, "inviteExpiresAt", line.inviteExpiresAt());
        out.writeEndObject();
    }

    static String csvLine(BatchLine line) {
        return String.join(",", String.valueOf(line.itemNo()), CsvCells.quoted(line.sourceRef()),
                CsvCells.quoted(line.email()), CsvCells.quoted(line.userClass() == null ? "" : line.userClass().name()),
                CsvCells.quoted(line.outcome().name()), CsvCells.quoted(line.reason()),
                line.inviteId() == null ? "" : String.valueOf(line.inviteId()),
                line.inviteExpiresAt() == null ? "" : line.inviteExpiresAt().toString());
    }

    private static void writeTime(JsonGenerator out, String field, Instant time) throws IOException {
        if (time != null) {
            out.writeStringField(field, time.toString());
        }
    }
}
