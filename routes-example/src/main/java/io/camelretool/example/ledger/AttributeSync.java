package io.camelretool.example.ledger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javax.sql.DataSource;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelretool.example.signup.Signup;

import static io.camelretool.example.ledger.LedgerSchema.TEXT_LENGTH;
import static io.camelretool.example.ledger.LedgerSchema.fit;

/**
 * A later signup for someone already invited or joined, whose attributes differ from those last applied: its batch
 * line waits ({@code PENDING}) in {@code attribute_sync} until the changed values are applied in Retool, then says
 * {@code UPDATED} with what changed. The ledger keeps the attributes last applied (at first, the owning signup's, which
 * the invite carried).
 */
public final class AttributeSync {

    /** Rows whose person has a live invite or an account in Retool, where attributes can be set. */
    static final Set<LedgerStatus> FOLLOWS = Set.of(LedgerStatus.INVITED, LedgerStatus.ALREADY_INVITED,
            LedgerStatus.ALREADY_USER, LedgerStatus.JOINED);

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One waiting update: the signup that asked for it and what the ledger row stands at. */
    public record Pending(String batchId, long itemNo, String emailKey, Signup signup, LedgerStatus status,
                          Map<String, String> applied, List<Integer> appliedGroups) {
    }

    private final Transactions transactions;
    private final Clock clock;

    public AttributeSync(DataSource dataSource, Clock clock) {
        this.transactions = new Transactions(dataSource);
        this.clock = clock;
    }

    /**
     * The attributes last applied: those recorded, or else the owning signup's, which its invite carried.
     *
     * @param owner the row's owning signup, read once by the caller (which needs its groups too); null for none
     */
    static Map<String, String> applied(String appliedJson, Signup owner) {
        if (appliedJson != null) {
            return AttributesJson.read(appliedJson);
        }
        return owner == null ? Map.of() : owner.attributes();
    }

    /**
     * The note a later signup's line carries when it asks for groups the person's invite did not have: they cannot be
     * added, whether or not anything else changed; empty when it asks for none.
     */
    public static String groupsNotApplied(LedgerStatus status, List<Integer> appliedGroups, List<Integer> wanted) {
        List<Integer> added = wanted.stream().filter(id -> !appliedGroups.contains(id)).toList();
        if (added.isEmpty()) {
            return "";
        }
        boolean user = status == LedgerStatus.JOINED || status == LedgerStatus.ALREADY_USER;
        return "; groups " + added + " not applied: " + (user
                ? "Retool's Business plan cannot change an existing user's groups through its API"
                : "Retool's API cannot change the groups of an invite already sent");
    }

    /** The names whose wanted value is new or differs from the one applied, with the wanted value, in name order. */
    public static Map<String, String> changes(Map<String, String> applied, Map<String, String> wanted) {
        Map<String, String> changes = new java.util.TreeMap<>();
        wanted.forEach((name, value) -> {
            if (!Objects.equals(applied.get(name), value)) {
                changes.put(name, value);
            }
        });
        return changes;
    }

    /** Queues the lines' updates, in the acceptance's transaction. */
    static void queue(Connection connection, String batchId, List<Arrival> arrivals, Instant now) throws SQLException {
        if (arrivals.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO attribute_sync (batch_id, item_no, email_key, signup_json, created_at) "
                + "VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
            for (Arrival arrival : arrivals) {
                insert.setString(1, batchId);
                insert.setLong(2, arrival.itemNo());
                insert.setString(3, arrival.emailKey());
                insert.setString(4, SignupJson.write(arrival.signup()));
                insert.setObject(5, Rows.time(now));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** The waiting updates, oldest first. */
    public List<Pending> due(int limit) {
        return transactions.inTransaction(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT s.batch_id, s.item_no, s.email_key, s.signup_json, l.status, l.applied_attributes, "
                    + "l.signup_json FROM attribute_sync s JOIN signup_ledger l ON l.email_key = s.email_key "
                    + "ORDER BY s.created_at, s.batch_id, s.item_no")) {
                select.setMaxRows(limit);
                return Rows.all(select, row -> {
                    Signup owner = SignupJson.read(row.getString(7));
                    return new Pending(row.getString(1), row.getLong(2), row.getString(3),
                            SignupJson.read(row.getString(4)), LedgerStatus.valueOf(row.getString(5)),
                            applied(row.getString(6), owner), owner.groups());
                });
            }
        });
    }

    /**
     * Settles a waiting line with its outcome and reason; with {@code nowApplied} the row records those as the
     * attributes last applied. Once, whoever (which node) finishes it first.
     */
    public void finish(Pending pending, ItemOutcome outcome, String reason, Map<String, String> nowApplied) {
        Instant now = clock.instant();
        transactions.inTransaction(connection -> {
            if (nowApplied != null) {
                try (PreparedStatement update = connection.prepareStatement(
                        "UPDATE signup_ledger SET applied_attributes = ?, updated_at = ? WHERE email_key = ?")) {
                    update.setString(1, json(nowApplied));
                    update.setObject(2, Rows.time(now));
                    update.setString(3, pending.emailKey());
                    update.executeUpdate();
                }
            }
            int settled;
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE signup_batch_item SET outcome = ?, reason = ? WHERE batch_id = ? AND item_no = ? "
                    + "AND outcome = ?")) {
                update.setString(1, outcome.name());
                update.setString(2, fit(reason, TEXT_LENGTH));
                update.setString(3, pending.batchId());
                update.setLong(4, pending.itemNo());
                update.setString(5, ItemOutcome.PENDING.name());
                settled = update.executeUpdate();
            }
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM attribute_sync WHERE batch_id = ? AND item_no = ?")) {
                delete.setString(1, pending.batchId());
                delete.setLong(2, pending.itemNo());
                delete.executeUpdate();
            }
            BatchCounts.addUnsettled(connection, Map.of(pending.batchId(), (long) -settled));
            return null;
        });
    }

    private static String json(Map<String, String> attributes) {
        try {
            return JSON.writeValueAsString(new LinkedHashMap<>(attributes));
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException("a map of texts is always JSON", impossible);
        }
    }
}
