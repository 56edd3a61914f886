package io.camelretool.example.ledger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.AbstractMap.SimpleEntry;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.camelretool.example.ledger.LedgerSchema.TEXT_LENGTH;
import static io.camelretool.example.ledger.LedgerSchema.fit;

/**
 * The ledger's side of healing: rows whose call failed for a reason that may pass wait (status {@code WAITING}) with
 * their reason, the time of their next attempt and the time they started failing; the pipeline takes them up again
 * when that time comes, and a row failing for longer than the give-up time is settled as {@code FAILED}.
 */
final class WaitingRows {

    private WaitingRows() {
    }

    /** Rows whose next attempt is due, the longest overdue first. */
    static List<LedgerEntry> due(Connection connection, Instant now, int limit) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT " + Rows.ENTRY_COLUMNS
                + " FROM signup_ledger WHERE status = ? AND next_attempt_at <= ? ORDER BY next_attempt_at")) {
            select.setString(1, LedgerStatus.WAITING.name());
            select.setObject(2, Rows.time(now));
            select.setMaxRows(limit);
            return Rows.all(select, Rows::entry);
        }
    }

    /**
     * Moves the calls' rows (still SENDING, or put back to RECEIVED by a reconciliation meanwhile) to WAITING with
     * their next attempt; answers the postponements that are to be given up on instead, as FAILED settlements.
     *
     * @param moved receives the emails whose rows now wait
     */
    static List<Settlement> postpone(Connection connection, List<Postponement> postponements, RetryBackoff backoff,
                                     Instant now, List<String> moved) throws SQLException {
        Map<String, Instant> failingSince = new HashMap<>();
        Rows.forKeys(connection, "SELECT email_key, waiting_since FROM signup_ledger WHERE email_key IN",
                postponements.stream().map(Postponement::emailKey).toList(), row -> {
                    Instant since = Rows.instant(row, 2);
                    if (since != null) {
                        failingSince.put(row.getString(1), since);
                    }
                });
        List<Settlement> givenUp = new ArrayList<>();
        Map<String, Postponement> waiting = new LinkedHashMap<>();
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE signup_ledger SET status = ?, last_error = ?, next_attempt_at = ?, waiting_since = ?, "
                + "updated_at = ? WHERE email_key = ? AND status IN (?, ?)")) {
            for (Postponement postponement : postponements) {
                Instant since = failingSince.getOrDefault(postponement.emailKey(), now);
                Duration failingFor = Duration.between(since, now);
                if (backoff.givesUp(failingFor)) {
                    givenUp.add(Settlement.ofCall(postponement.emailKey(), LedgerStatus.FAILED, null, null,
                            "still failing after " + failingFor.toMinutes() + " minute(s), the give-up time "
                            + "(RETRY_GIVE_UP_AFTER): " + postponement.reason()));
                    continue;
                }
                update.setString(1, LedgerStatus.WAITING.name());
                update.setString(2, fit(postponement.reason(), TEXT_LENGTH));
                update.setObject(3, Rows.time(now.plus(backoff.nextDelay(failingFor))));
                update.setObject(4, Rows.time(since));
                update.setObject(5, Rows.time(now));
                update.setString(6, postponement.emailKey());
                update.setString(7, LedgerStatus.SENDING.name());
                update.setString(8, LedgerStatus.RECEIVED.name());
                update.addBatch();
                waiting.put(postponement.emailKey(), postponement);
            }
            int[] counts = update.executeBatch();
            List<String> keys = List.copyOf(waiting.keySet());
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] > 0) {
                    moved.add(keys.get(i));
                }
            }
        }
        return givenUp;
    }

    /** Every waiting row becomes due now: Retool answers again, so nobody need wait out a long backoff. */
    static int wake(Connection connection, Instant now) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE signup_ledger SET next_attempt_at = ? WHERE status = ? AND next_attempt_at > ?")) {
            update.setObject(1, Rows.time(now));
            update.setString(2, LedgerStatus.WAITING.name());
            update.setObject(3, Rows.time(now));
            return update.executeUpdate();
        }
    }

    static WaitingSummary summary(Connection connection) throws SQLException {
        long[] counts = new long[3];
        Instant[] next = new Instant[1];
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT COUNT(*), MIN(next_attempt_at) FROM signup_ledger WHERE status = ?")) {
            select.setString(1, LedgerStatus.WAITING.name());
            Rows.first(select, row -> {
                counts[0] = row.getLong(1);
                next[0] = Rows.instant(row, 2);
                return counts[0];
            });
        }
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT COUNT(*) FROM signup_ledger WHERE status = ?")) {
            select.setString(1, LedgerStatus.RECEIVED.name());
            counts[1] = Rows.first(select, row -> row.getLong(1)).orElse(0L);
            select.setString(1, LedgerStatus.SENDING.name());
            counts[2] = Rows.first(select, row -> row.getLong(1)).orElse(0L);
        }
        String reason = null;
        Map<String, Long> byBatch = new LinkedHashMap<>();
        if (counts[0] > 0) {
            try (PreparedStatement select = connection.prepareStatement("SELECT last_error FROM signup_ledger "
                    + "WHERE status = ? ORDER BY updated_at DESC")) {
                select.setString(1, LedgerStatus.WAITING.name());
                select.setMaxRows(1);
                reason = Rows.first(select, row -> row.getString(1)).orElse(null);
            }
            try (PreparedStatement select = connection.prepareStatement("SELECT owner_batch, COUNT(*) FROM "
                    + "signup_ledger WHERE status = ? AND owner_batch IS NOT NULL GROUP BY owner_batch "
                    + "ORDER BY owner_batch")) {
                select.setString(1, LedgerStatus.WAITING.name());
                Rows.all(select, row -> byBatch.put(row.getString(1), row.getLong(2)) == null);
            }
        }
        return new WaitingSummary(counts[0], counts[1], counts[2], next[0], reason, byBatch);
    }

    /**
     * How many of a batch's people wait, per reason (their last failure, its ids replaced by placeholders: see
     * {@link FailureReason}), the most frequent first.
     */
    static Map<String, Long> reasons(Connection connection, String batchId) throws SQLException {
        Map<String, Long> byReason = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT last_error, COUNT(*) FROM signup_ledger "
                + "WHERE status = ? AND owner_batch = ? GROUP BY last_error")) {
            select.setString(1, LedgerStatus.WAITING.name());
            select.setString(2, batchId);
            for (SimpleEntry<String, Long> row : Rows.all(select, row -> new SimpleEntry<>(row.getString(1),
                    row.getLong(2)))) {
                byReason.merge(FailureReason.withoutIds(row.getKey()), row.getValue(), Long::sum);
            }
        }
        Map<String, Long> reasons = new LinkedHashMap<>();
        byReason.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed()
                        .thenComparing(Map.Entry.comparingByKey(Comparator.nullsFirst(Comparator.naturalOrder()))))
                .forEach(reason -> reasons.put(reason.getKey(), reason.getValue()));
        return reasons;
    }
}
