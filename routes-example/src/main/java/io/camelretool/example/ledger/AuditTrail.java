package io.camelretool.example.ledger;

import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
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

    /** How a batch action names its batch in the trail, and how an accepted mail names the batch it made. */
    public static final String BATCH_TARGET = "batch ";
    public static final String ACCEPTED_AS = "accepted as batch ";
    private static final int BATCHES_ASKED = 50;
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

    /**
     * The newest entries about a person: those whose target names their email, and those on a batch they are in (a
     * batch replayed or made real, or made by accepting a mail from review), which changed them too.
     *
     * @param batchIds the batches the person is in; the first {@value #BATCHES_ASKED} are looked at
     */
    public List<Entry> about(String emailKey, Collection<String> batchIds, int limit) {
        List<String> batches = batchIds.stream().distinct().limit(BATCHES_ASKED).toList();
        StringBuilder where = new StringBuilder("target LIKE ? ESCAPE '\\'");
        batches.forEach(batch -> where.append(" OR target = ? OR outcome LIKE ? ESCAPE '\\'"));
        return transactions.inTransaction(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT audit_id, acted_at, actor, action, target, outcome FROM console_audit WHERE " + where
                    + " ORDER BY audit_id DESC")) {
                int parameter = 1;
                select.setString(parameter++, "%" + LedgerQueries.likeLiteral(emailKey) + "%");
                for (String batch : batches) {
                    select.setString(parameter++, BATCH_TARGET + batch);
                    select.setString(parameter++, ACCEPTED_AS + LedgerQueries.likeLiteral(batch) + ":%");
                }
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
