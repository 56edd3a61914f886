package io.camelretool.example.routes;

/**
 * The fixed endpoints signups come in through. With several nodes sharing a PostgreSQL ledger, the folder (and the
 * mailbox, whose endpoint comes from its settings) is wrapped in Camel's {@code master:} endpoint by
 * {@link io.camelretool.example.config.ClusterSettings#intakeUri}; the webhook runs on every node.
 */
public final class IntakeEndpoints {

    /** {@code .csv} files in the inbox; moved to {@code .done} when accepted, to {@code .error} when unreadable. */
    public static final String FOLDER = "file:{{signups.dir}}/inbox?include=.*\\.(csv|CSV)&move=.done"
                                        + "&moveFailed=.error&readLock=changed&readLockMinAge=1000"
                                        // an empty file is taken too (and refused as empty), not left waiting forever
                                        + "&readLockMinLength=0"
                                        // only regular files: links, FIFOs, devices and overlong names set aside
                                        + "&filter=#" + IntakeEndpoints.INBOX_FILTER;

    /** The registry name of the folder intake's {@link io.camelretool.example.intake.folder.InboxEntryFilter}. */
    public static final String INBOX_FILTER = "inboxEntryFilter";

    /** Signed JSON signups; Camel's HTTP server (shared with the health endpoints) on {@code WEBHOOK_PORT}. */
    public static final String WEBHOOK = "platform-http:/signups?httpMethodRestrict=POST";

    private IntakeEndpoints() {
    }
}
