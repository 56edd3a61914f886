package io.camelretool.example.intake.folder;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

import io.camelretool.example.files.PrivateFiles;
import io.camelretool.example.intake.LogText;
import io.camelretool.example.intake.csv.UnreadableCsvException;
import io.camelretool.example.pipeline.SignupIntake;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The steps of the CSV drop folder's route ({@code camel/folder-intake.camel.yaml}), registered as the bean
 * {@code folderIntake}: {@link #accept} reads one file streaming into the ledger; {@link #setAside} and
 * {@link #setAsideAfterLedgerFailure} say once, in one sanitised line, why a file goes to {@code inbox/.error}, and
 * write that reason beside it. The route's file endpoint does the moving ({@code move=.done}, {@code moveFailed=.error}).
 */
public final class FolderIntake {

    private static final Logger LOG = LoggerFactory.getLogger(FolderIntake.class);

    private final CsvFileAcceptor acceptor;

    public FolderIntake(SignupIntake intake) {
        this.acceptor = new CsvFileAcceptor(intake);
    }

    /**
     * Reads one signup CSV into the ledger, as one batch, and logs what it yielded.
     *
     * @param fileName     the file's name (Camel's {@code CamelFileNameOnly})
     * @param path         where it is ({@code CamelFilePath}); opened only if it is a regular file
     * @param size         its size ({@code CamelFileLength}), for progress and to tell a different file of the name
     * @param lastModified {@code CamelFileLastModified}, with the name and size what makes a file read again after a
     *                     crash resume its batch
     * @throws UnreadableCsvException when the file is not a signup CSV (nothing accepted): the route sets it aside
     * @throws IOException            when reading stopped part way (what was read is accepted and reported)
     */
    public void accept(@Header(Exchange.FILE_NAME_ONLY) String fileName, @Header(Exchange.FILE_PATH) String path,
                       @Header(Exchange.FILE_LENGTH) Long size, @Header(Exchange.FILE_LAST_MODIFIED) Long lastModified)
            throws IOException, UnreadableCsvException {
        LOG.info("Reading signups from {}", LogText.of(fileName));
        try (InputStream content = InboxFiles.open(Path.of(path))) {
            CsvFileAcceptor.Result result = acceptor.accept(content, size == null ? 0 : size,
                    lastModified == null ? 0 : lastModified, fileName);
            LOG.info("{}: {} rows accepted as batch {}: {} new, {} duplicate, {} rejected, {} invalid",
                    LogText.of(fileName), result.rows(), result.batch().id(), result.pending(),
                    result.duplicates(), result.rejected(), result.invalid());
        }
    }

    /** A file that cannot be read: one WARN line with the reason, and the reason in {@code .error/<file>.reason.txt}. */
    public void setAside(@Header(Exchange.FILE_NAME_ONLY) String fileName, @Header(Exchange.FILE_PARENT) String parent,
                         @ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Exception failure) throws IOException {
        setAside(fileName, parent, failure, false);
    }

    /** The same after the ledger stayed unreachable through every retry: an ERROR, since it is not the file's fault. */
    public void setAsideAfterLedgerFailure(@Header(Exchange.FILE_NAME_ONLY) String fileName,
                                           @Header(Exchange.FILE_PARENT) String parent,
                                           @ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Exception failure)
            throws IOException {
        setAside(fileName, parent, failure, true);
    }

    private static void setAside(String fileName, String parent, Exception failure, boolean error)
            throws IOException {
        if (fileName == null || parent == null || failure == null) {
            return;
        }
        String reason = LogText.of(failure.getMessage());
        Path errors = PrivateFiles.directory(Path.of(parent, ".error"));
        PrivateFiles.write(errors.resolve(InboxFiles.shortName(fileName) + ".reason.txt"),
                reason + System.lineSeparator());
        String line = "Signup file {} moved to inbox/.error: {}";
        if (error) {
            LOG.error(line, LogText.of(fileName), reason);
        } else {
            LOG.warn(line, LogText.of(fileName), reason);
        }
    }
}
