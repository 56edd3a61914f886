package io.camelretool.example.intake.folder;

/**
 * The folder signups are dropped into, as the folder route reads it (property {@code intake.folder.uri}). With several
 * nodes sharing a PostgreSQL ledger it is wrapped in Camel's {@code master:} endpoint by
 * {@link io.camelretool.example.config.ClusterSettings#intakeUri}, so that one node reads it.
 */
public final class InboxEndpoint {

    /** The registry name of the folder intake's {@link InboxEntryFilter}. */
    public static final String FILTER = "inboxEntryFilter";

    /** {@code .csv} files in the inbox; moved to {@code .done} when accepted, to {@code .error} when unreadable. */
    public static final String URI = "file:{{signups.dir}}/inbox?include=.*\\.(csv|CSV)&move=.done"
                                     + "&moveFailed=.error&readLock=changed&readLockMinAge=1000"
                                     // an empty file is taken too (and refused as empty), not left waiting forever
                                     + "&readLockMinLength=0"
                                     // only regular files: links, FIFOs, devices and overlong names set aside
                                     + "&filter=#" + FILTER;

    private InboxEndpoint() {
    }
}
