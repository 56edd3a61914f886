package io.camelretool.example.resilience;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.sql.DataSource;

import io.camelretool.example.ledger.LedgerDataSource;

/**
 * What a test reads from the ledger's tables once the application has stopped: plain SQL, so it checks the
 * application's state without going through the application's own code.
 */
final class LedgerInspection implements AutoCloseable {

    private final DataSource dataSource;

    LedgerInspection(String jdbcUrl) {
        this.dataSource = LedgerDataSource.forUrl(jdbcUrl, "", "");
    }

    /** Ledger rows per status. */
    Map<String, Integer> rowsByStatus() throws SQLException {
        Map<String, Integer> counts = new LinkedHashMap<>();
        query("SELECT status, COUNT(*) FROM signup_ledger GROUP BY status ORDER BY status",
                row -> counts.put(row.getString(1), row.getInt(2)));
        return counts;
    }

    /** Batches the intakes opened but never closed, or whose report was never written. */
    List<String> unfinishedBatches() throws SQLException {
        List<String> batches = new ArrayList<>();
        query("SELECT batch_id, source_name FROM signup_batch WHERE closed_at IS NULL OR reported_at IS NULL",
                row -> batches.add(row.getString(1) + " (" + row.getString(2) + ")"));
        return batches;
    }

    /** The source references of every batch line (a CSV line, a webhook item, a mail item). */
    Set<String> itemSourceRefs() throws SQLException {
        Set<String> refs = new TreeSet<>();
        query("SELECT source_ref FROM signup_batch_item", row -> refs.add(row.getString(1)));
        return refs;
    }

    /** The names of closed batches of one intake (file names, Message-IDs, webhook request ids). */
    Set<String> closedBatchNames(String source) throws SQLException {
        Set<String> names = new TreeSet<>();
        query("SELECT source_name FROM signup_batch WHERE source = '" + source + "' AND closed_at IS NOT NULL",
                row -> names.add(row.getString(1)));
        return names;
    }

    /** Names that more than one batch of the intake was opened for (a mail read by two nodes, say). */
    Map<String, Integer> namesInSeveralBatches(String source) throws SQLException {
        Map<String, Integer> names = new LinkedHashMap<>();
        query("SELECT source_name, COUNT(*) FROM signup_batch WHERE source = '" + source + "' GROUP BY source_name "
              + "HAVING COUNT(*) > 1", row -> names.put(row.getString(1), row.getInt(2)));
        return names;
    }

    /** One column of every ledger row, by email key (a test's own column name, never input). */
    Map<String, String> byEmail(String column) throws SQLException {
        Map<String, String> values = new TreeMap<>();
        query("SELECT email_key, " + column + " FROM signup_ledger", row -> values.put(row.getString(1),
                row.getString(2)));
        return values;
    }

    /** The outcome of each line of the batches of one source file, webhook request or mail, by its reference. */
    Map<String, String> itemOutcomes(String sourceName) throws SQLException {
        Map<String, String> outcomes = new TreeMap<>();
        query("SELECT i.source_ref, i.outcome FROM signup_batch_item i JOIN signup_batch b ON b.batch_id = "
              + "i.batch_id WHERE b.source_name = '" + sourceName.replace("'", "''") + "'",
                row -> outcomes.merge(row.getString(1), row.getString(2), (one, two) -> one + "+" + two));
        return outcomes;
    }

    /** Every text the ledger holds, for a scan for secrets. */
    String allText() throws SQLException {
        StringBuilder text = new StringBuilder();
        query("SELECT email_key, status, last_error, source_ref, signup_json, external_id, offboarded_by, "
              + "offboard_note, user_id FROM signup_ledger", row -> appendRow(text, row, 9));
        query("SELECT batch_id, source_ref, email, outcome, reason FROM signup_batch_item",
                row -> appendRow(text, row, 5));
        query("SELECT batch_id, source_name FROM signup_batch", row -> appendRow(text, row, 2));
        return text.toString();
    }

    private static void appendRow(StringBuilder text, ResultSet row, int columns) throws SQLException {
        for (int column = 1; column <= columns; column++) {
            text.append(row.getString(column)).append('\t');
        }
        text.append('\n');
    }

    /** Reads one row of a result. */
    @FunctionalInterface
    private interface RowReader {
        void read(ResultSet row) throws SQLException;
    }

    private void query(String sql, RowReader reader) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(sql);
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                reader.read(rows);
            }
        }
    }

    @Override
    public void close() {
        LedgerDataSource.close(dataSource);
    }
}
