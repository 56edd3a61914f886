package io.camelretool.example.intake.folder;

import java.io.IOException;
import java.nio.file.Path;

import io.camelretool.example.files.PrivateFiles;

/**
 * The folder signups are dropped into, as the folder route reads it (property {@code intake.folder.uri}). With several
 * nodes sharing a PostgreSQL ledger it is wrapped in Camel's {@code master:} endpoint by
 * {@link io.camelretool.example.config.ClusterSettings#intakeUri}, so that one node reads it.
 */
public final class InboxEndpoint {

    /** The registry name of the folder intake's {@link InboxEntryFilter}. */
    public static final String FILTER = "inboxEntryFilter";

    /**
     * {@code .csv} files in the inbox; moved to {@code .done} when accepted, to {@code .error} when unreadable. The
     * pattern is DOTALL ({@code (?s)}): a name with a line break in it is read like any other (and logged escaped),
     * not left in the inbox unread and unsaid.
     */
    public static final String URI = "file:{{signups.dir}}/inbox?include=(?s).*\\.(csv|CSV)&move=.done"
                                     + "&moveFailed=.error&readLock=changed&readLockMinAge=1000"
                                     // an empty file is taken too (and refused as empty), not left waiting forever
                                     + "&readLockMinLength=0"
                                     // only regular files: links, FIFOs, devices and overlong names set aside
                                     + "&filter=#" + FILTER;

    private InboxEndpoint() {
    }

    /**
     * Makes the data folder, the inbox and its {@code .done} and {@code .error} private ({@code 0700}) when they do not
     * exist yet, before the file component would make them as any folder (readable by all under umask 0022): the CSVs
     * accepted into {@code .done} hold people's data. Folders that exist are left as they are.
     */
    public static void createFolders(Path signupsDir) throws IOException {
        PrivateFiles.directoryIfAbsent(signupsDir);
        Path inbox = PrivateFiles.directoryIfAbsent(signupsDir.resolve("inbox"));
        PrivateFiles.directoryIfAbsent(inbox.resolve(".done"));
        PrivateFiles.directoryIfAbsent(inbox.resolve(".error"));
    }
}
