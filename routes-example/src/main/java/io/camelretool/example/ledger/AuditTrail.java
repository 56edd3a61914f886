package io.camelretool.example.ledger;

import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import static io.camelretool.example.ledger.LedgerSchema.TEXT_LENGTH;
import static io.camelretool.example.ledger.LedgerSchema.fit;

/**
 * What operators did in the console: who, when, what to whom, and what came of it. Kept in the ledger's database so
 * that every node shows the same trail and it outlives restarts.
 */
public final class AuditTrail {

    /** One recorded action. */
    public record Entry(long id, Instant at, String actor, String action, String target, String outcome) {
    }

    private static final int ACTOR_LENGTH = 100;
    private static final int ACTION_LENGTH = 50;

    private final Transactions transactions;
    private final Clock clock;

    AuditTrail(Transactions transactions, Clock clock) {
        this.transactions = transactions;
        this.clock = clock;
    }

    public void record(String actor, String action, String target, String outcome) {
        transactions.inTransaction(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO console_audit (acted_at, actor, action, target, outcome) VALUES (?, ?, ?, ?, ?)")) {
                insert.setObject(1, Rows.time(clock.instant()));
                insert.setString(2, fit(actor, ACTOR_LENGTH));
                insert.setString(3, fit(action, ACTION_LENGTH));
                insert.setString(4, fit(target, TEXT_LENGTH));
                insert.setString(5, fit(outcome, TEXT_LENGTH));
                return insert.executeUpdate();
            }
        });
    }

    /** The newest entries first. */
    public List<Entry> recent(int limit) {
        return transactions.inTransaction(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT audit_id, acted_at, actor, action, target, outcome FROM console_audit "
                    + "ORDER BY audit_id DESC")) {
                select.setMaxRows(limit);
                return Rows.all(select, AuditTrail::entry);
            }
        });
    }

    /** The newest entries whose target names this email. */
    public List<Entry> about(String emailKey, int limit) {
        return transactions.inTransaction(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT audit_id, acted_at, actor, action, target, outcome FROM console_audit "
                    + "WHERE target LIKE ? ESCAPE '\\' ORDER BY audit_id DESC")) {
                select.setString(1, "%" + LedgerQueries.likeLiteral(emailKey) + "%");
                select.setMaxRows(limit);
                return Rows.all(select, AuditTrail::entry);
            }
        });
    }

    private static Entry entry(java.sql.ResultSet row) throws java.sql.SQLException {
        return new Entry(row.getLong(1), Rows.instant(row, 2), row.getString(3), row.getString(4), row.getString(5),
                row.getString(6));
    }
}
