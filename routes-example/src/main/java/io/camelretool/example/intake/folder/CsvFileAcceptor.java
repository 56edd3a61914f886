package io.camelretool.example.intake.folder;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import io.camelretool.example.intake.LogText;
import io.camelretool.example.intake.csv.CsvRowResult;
import io.camelretool.example.intake.csv.ReadProgress;
import io.camelretool.example.intake.csv.SignupCsvReader;
import io.camelretool.example.intake.csv.UnreadableCsvException;
import io.camelretool.example.ledger.Arrival;
import io.camelretool.example.ledger.Batch;
import io.camelretool.example.ledger.ItemOutcome;
import io.camelretool.example.pipeline.SignupIntake;
import io.camelretool.example.signup.SignupSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one signup CSV record by record into the ledger, a few hundred rows per transaction, so a file of a million
 * rows needs neither a large heap nor a million commits. A file read again after a crash resumes its open batch:
 * rows already accepted keep their first outcome.
 */
final class CsvFileAcceptor {

    /** What the file yielded, for the log. */
    record Result(Batch batch, long rows, long pending, long duplicates, long invalid, long rejected) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(CsvFileAcceptor.class);
    private static final int ROWS_PER_TRANSACTION = 500;
    private static final int PROGRESS_EVERY_ROWS = 10_000;

    private final SignupIntake intake;

    CsvFileAcceptor(SignupIntake intake) {
        this.intake = intake;
    }

    /**
     * @param lastModified with the name and size, what makes a file read again after a crash the same file: a
     *                     different file of the same name starts a batch of its own instead of resuming one
     * @throws UnreadableCsvException when the file is not a signup CSV at all (nothing was accepted)
     * @throws IOException            when reading stopped part way; what was read before is accepted and reported,
     *                                with the failure as the batch's last line
     */
    Result accept(InputStream content, long size, long lastModified, String fileName)
            throws IOException, UnreadableCsvException {
        ReadProgress progress = new ReadProgress(content, size);
        try (SignupCsvReader reader = SignupCsvReader.open(progress, fileName)) {
            reader.headerWarnings().forEach(warning -> LOG.warn("{}: {}", LogText.of(fileName),
                    LogText.of(warning)));
            Batch batch = intake.startBatch(SignupSource.CSV, fileName, fileName + "|" + size + "|" + lastModified);
            long[] counts = new long[ItemOutcome.values().length];
            List<Arrival> part = new ArrayList<>(ROWS_PER_TRANSACTION);
            long rows = 0;
            long lastLine = 1;
            try {
                while (reader.hasNext()) {
                    CsvRowResult row = reader.next();
                    lastLine = row.lineNumber();
                    part.add(row.signup().map(signup -> row.removal()
                                    ? intake.arrival(row.lineNumber(), signup).asRemoval()
                                    : intake.arrival(row.lineNumber(), signup))
                            .orElseGet(() -> Arrival.unreadable(row.lineNumber(), fileName + ":" + row.lineNumber(),
                                    row.error().orElse("unreadable row"))));
                    if (row.error().isPresent()) {
                        LOG.warn("{}:{} skipped: {}", LogText.of(fileName), row.lineNumber(),
                                LogText.of(row.error().get()));
                    }
                    rows++;
                    if (part.size() == ROWS_PER_TRANSACTION) {
                        acceptPart(batch, part, counts);
                    }
                    if (rows % PROGRESS_EVERY_ROWS == 0) {
                        LOG.info("{}: {}", LogText.of(fileName), progress.describe(rows));
                    }
                }
            } catch (RuntimeException readingStopped) {
                part.add(Arrival.unreadable(lastLine + 1, fileName + ":" + (lastLine + 1),
                        "reading stopped: " + readingStopped.getMessage()));
                acceptPart(batch, part, counts);
                intake.closeBatch(batch);
                throw new IOException(fileName + ": reading stopped after line " + lastLine + ": "
                                      + readingStopped.getMessage(), readingStopped);
            }
            acceptPart(batch, part, counts);
            intake.closeBatch(batch);
            return new Result(batch, rows, counts[ItemOutcome.PENDING.ordinal()],
                    counts[ItemOutcome.DUPLICATE.ordinal()], counts[ItemOutcome.INVALID.ordinal()],
                    counts[ItemOutcome.REJECTED.ordinal()]);
        }
    }

    private void acceptPart(Batch batch, List<Arrival> part, long[] counts) {
        if (part.isEmpty()) {
            return;
        }
        intake.acceptPart(batch, part).forEach(outcome -> counts[outcome.ordinal()]++);
        part.clear();
    }
}
