package io.camelretool.example.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.camelretool.example.files.PrivateFiles;
import io.camelretool.example.ledger.Batch;

/**
 * The note of a batch that cannot be reported yet because some of its people wait for a next attempt (Retool did
 * not answer, or answered with a failure that may pass): {@code <reports>/waiting/<batch-id>.json} says how many
 * wait and why. A folder of its own, so that whoever watches the reports folder for {@code *.json} still gets only
 * settled reports; the report, once written, removes the note.
 */
public final class WaitingNoteWriter {

    private static final JsonFactory JSON = new JsonFactory();

    private final Path reports;

    public WaitingNoteWriter(Path reports) {
        this.reports = reports;
    }

    /** Where a batch's waiting note is written. */
    public static Path file(Path reports, String batchId) {
        return reports.resolve("waiting").resolve(batchId + ".json");
    }

    /**
     * Writes the note whole (aside, then renamed).
     *
     * @param waiting how many of the batch's people wait
     * @param reasons how many wait for each reason
     */
    public Path write(Batch batch, long waiting, Map<String, Long> reasons) throws IOException {
        Path note = file(reports, batch.id());
        Path folder = PrivateFiles.directory(note.getParent());
        Path part = PrivateFiles.temporary(folder, batch.id() + ".json.", ".part");
        try (JsonGenerator out = JSON.createGenerator(part.toFile(), JsonEncoding.UTF8)) {
            out.useDefaultPrettyPrinter();
            out.writeStartObject();
            out.writeStringField("batch", batch.id());
            out.writeStringField("source", batch.source().name());
            out.writeStringField("name", batch.name());
            out.writeStringField("receivedAt", batch.createdAt().toString());
            out.writeStringField("notedAt", Instant.now().toString());
            out.writeBooleanField("settled", false);
            out.writeNumberField("waiting", waiting);
            out.writeObjectFieldStart("waitingByReason");
            for (Map.Entry<String, Long> reason : reasons.entrySet()) {
                out.writeNumberField(reason.getKey() == null ? "(no reason recorded)" : reason.getKey(),
                        reason.getValue());
            }
            out.writeEndObject();
            out.writeEndObject();
        }
        Files.move(part, note, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return note;
    }

    /** Removes a batch's note: nobody of it waits any more, or its report is written. */
    public void remove(String batchId) throws IOException {
        Files.deleteIfExists(file(reports, batchId));
    }
}
