package io.camelretool.example.routes;

/**
 * The endpoints signups come in through, in one place: the folder and the mailbox must be read by one node only, so
 * a deployment with several nodes sharing a PostgreSQL ledger wraps these two (and only these) in Camel's
 * {@code master:} endpoint. The webhook runs on every node.
 */
public final class IntakeEndpoints {

    /** {@code .csv} files in the inbox; moved to {@code .done} when accepted, to {@code .error} when unreadable. */
    public static final String FOLDER = "file:{{signups.dir}}/inbox?include=.*\\.(csv|CSV)&move=.done"
                                        + "&moveFailed=.error&readLock=changed&readLockMinAge=1000";

    /** Signed JSON signups; Camel's HTTP server (shared with the health endpoints) on {@code WEBHOOK_PORT}. */
    public static final String WEBHOOK = "platform-http:/signups?httpMethodRestrict=POST";

    private IntakeEndpoints() {
    }
}
