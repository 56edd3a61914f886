package io.camelretool.example.ledger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;
import java.util.TreeMap;

/**
 * Each batch's count of lines still waiting for their rows' outcome: its report is due when the batch is closed and
 * the count is 0, which a report check reads from the batch's own row instead of searching its lines.
 */
final class BatchCounts {

    private BatchCounts() {
    }

    /**
     * Adds to the batches' counts (a negative change for lines settled). The batches are changed in the order of their
     * ids and last in the transaction: two nodes settling rows of the same batches lock them in the same order, and
     * each holds the lock only until its commit.
     */
    static void addUnsettled(Connection connection, Map<String, Long> changeByBatch) throws SQLException {
        Map<String, Long> ordered = new TreeMap<>(changeByBatch);
        ordered.values().removeIf(change -> change == 0);
        if (ordered.isEmpty()) {
            return;
        }
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE signup_batch SET unsettled = unsettled + ? WHERE batch_id = ?")) {
            for (Map.Entry<String, Long> change : ordered.entrySet()) {
                update.setLong(1, change.getValue());
                update.setString(2, change.getKey());
                update.addBatch();
            }
            update.executeBatch();
        }
    }
}
