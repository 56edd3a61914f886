package io.camelretool.example.config;

import java.sql.SQLException;
import java.util.Optional;

import io.camelretool.example.ledger.LedgerDataSource;

/**
 * An embedded (H2) ledger that another process holds open: H2 allows one process per database file, so a second copy
 * of the application started on the same data folder fails on the file's lock. That is said in one line naming the
 * folder and the variable that gives the copy its own, instead of H2's stack trace ("Database may be already in use").
 */
public final class LedgerInUse {

    /** H2's SQLState for a database file locked by another process (ErrorCode.DATABASE_ALREADY_OPEN_1). */
    static final String H2_DATABASE_ALREADY_OPEN = "90020";

    private LedgerInUse() {
    }

    /**
     * @param failure  what opening the ledger threw, with its causes
     * @param settings the settings in use: only an H2 ledger is looked at, and only the embedded one's folder is named
     *                 (a URL of the user's own may carry a password)
     * @return the refusal when the cause is a ledger file held by another process; empty for any other failure
     */
    public static Optional<StartRefused> refusal(Throwable failure, ExampleSettings settings) {
        if (!settings.ledgerUrl().startsWith("jdbc:h2:") || !lockedByAnotherProcess(failure)) {
            return Optional.empty();
        }
        boolean embedded = settings.ledgerUrl().equals(LedgerDataSource.embeddedUrl(settings.signupsDir()));
        String which = embedded ? "The ledger in " + settings.signupsDir().resolve("ledger")
                : "The H2 ledger of LEDGER_JDBC_URL";
        String change = embedded ? "set SIGNUPS_DIR to a folder of its own for this copy" : "set LEDGER_JDBC_URL";
        return Optional.of(new StartRefused(which + " is in use by another process (another copy of the application "
                                            + "on the same data folder?): " + change + ", or stop the program that "
                                            + "holds it; copies that share the work share a PostgreSQL ledger "
                                            + "(LEDGER_JDBC_URL, CLUSTER_LOCK_DIR)"));
    }

    private static boolean lockedByAnotherProcess(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && H2_DATABASE_ALREADY_OPEN.equals(sql.getSQLState())) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }
}
