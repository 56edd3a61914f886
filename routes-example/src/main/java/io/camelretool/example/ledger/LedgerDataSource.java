package io.camelretool.example.ledger;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcConnectionPool;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The ledger's database from its JDBC URL: an embedded H2 file (pooled in-process) or PostgreSQL, the same SQL on
 * both.
 */
public final class LedgerDataSource {

    private LedgerDataSource() {
    }

    /**
     * H2 file database under the data folder; written through on every commit so a killed process loses nothing. H2
     * writes no trace file beside it: such a file would be made with the umask's modes and could quote the data, and
     * the ledger's errors reach the application as exceptions anyway.
     */
    public static String embeddedUrl(java.nio.file.Path signupsDir) {
        // no compaction at close: H2 2.4's can trip its own assertion (FreeSpaceBitSet.allocate) where assertions
        // are on, and then writes a ledger.trace.db that is not private; the store still compacts as it runs
        return "jdbc:h2:file:" + signupsDir.toAbsolutePath().normalize().resolve("ledger").resolve("ledger")
               + ";WRITE_DELAY=0;TRACE_LEVEL_FILE=0;MAX_COMPACT_TIME=0";
    }

    /**
     * @throws IllegalArgumentException naming {@code LEDGER_JDBC_URL} for a URL of another database
     */
    public static DataSource forUrl(String url, String username, String password) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("LEDGER_JDBC_URL is empty; leave it unset for the embedded database");
        }
        String trimmed = url.trim();
        if (trimmed.startsWith("jdbc:h2:")) {
            return JdbcConnectionPool.create(inPostgresqlMode(trimmed), nullToEmpty(username), nullToEmpty(password));
        }
        if (trimmed.startsWith("jdbc:postgresql:")) {
            PGSimpleDataSource postgres = new PGSimpleDataSource();
            postgres.setURL(trimmed);
            if (username != null && !username.isBlank()) {
                postgres.setUser(username);
            }
            if (password != null && !password.isEmpty()) {
                postgres.setPassword(password);
            }
            return postgres;
        }
        // only the scheme is named: the rest of a URL may carry credentials
        String scheme = trimmed.split(":", 3).length == 3 ? trimmed.substring(0, trimmed.indexOf(':', 5) + 1) : "?";
        throw new IllegalArgumentException("LEDGER_JDBC_URL must start with jdbc:h2: or jdbc:postgresql:, not "
                                           + scheme);
    }

    /**
     * The ledger speaks one SQL, PostgreSQL's (its {@code INSERT ... ON CONFLICT DO NOTHING} makes bulk writes safe
     * when two writers meet); H2 understands it in its PostgreSQL mode.
     */
    private static String inPostgresqlMode(String url) {
        String upper = url.toUpperCase(java.util.Locale.ROOT);
        if (upper.contains(";MODE=")) {
            if (!upper.contains(";MODE=POSTGRESQL")) {
                throw new IllegalArgumentException("LEDGER_JDBC_URL: an H2 ledger runs in MODE=PostgreSQL; "
                                                   + "leave MODE out of the URL");
            }
            return url;
        }
        return url + ";MODE=PostgreSQL";
    }

    /** Closes what {@link #forUrl} opened, where there is anything to close. */
    public static void close(DataSource dataSource) {
        if (dataSource instanceof JdbcConnectionPool pool) {
            pool.dispose();
        }
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
