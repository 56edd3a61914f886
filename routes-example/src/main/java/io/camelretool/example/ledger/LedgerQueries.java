package io.camelretool.example.ledger;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.camelretool.component.classify.UserClass;
import io.camelretool.example.signup.SignupSource;

/**
 * The operator's questions to the ledger: how many people stand where, who matches a search, what happened to one
 * person, what each batch did. Read-only, except for letting people past the daily cap, which is the ledger's own
 * conditional update like every other status change.
 */
public final class LedgerQueries {

    /** One page of a longer list; {@code more} when a next page has something. */
    public record Page<T>(List<T> items, int offset, boolean more) {
    }

    /** One batch line that named the person: where a signup for them came from and what became of it. */
    public record HistoryLine(String batchId, SignupSource batchSource, String batchName, Instant receivedAt,
                              long itemNo, String sourceRef, ItemOutcome outcome, String reason) {
    }

    /** A batch with its lines counted by outcome and, for the invited ones, by class (the new seats). */
    public record BatchSummary(Batch batch, Map<ItemOutcome, Long> byOutcome, Map<UserClass, Long> seatsByClass) {

        public long lines() {
            return byOutcome.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /** How many of something happened on one day (UTC). */
    public record DayCount(LocalDate day, long count) {
    }

    private static final String BATCH_COLUMNS = "batch_id, source, source_name, created_at, closed_at, reported_at";

    private final Transactions transactions;
    private final Clock clock;

    LedgerQueries(Transactions transactions, Clock clock) {
        this.transactions = transactions;
        this.clock = clock;
    }

    /** People by status and class: every figure of the overview is a sum of these. */
    public Map<LedgerStatus, Map<UserClass, Long>> countsByStatus() {
        return transactions.inTransaction(connection -> {
            Map<LedgerStatus, Map<UserClass, Long>> counts = new EnumMap<>(LedgerStatus.class);
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT status, user_class, COUNT(*) FROM signup_ledger GROUP BY status, user_class")) {
                Rows.all(select, row -> counts.computeIfAbsent(LedgerStatus.valueOf(row.getString(1)),
                        status -> new EnumMap<>(UserClass.class)).put(UserClass.valueOf(row.getString(2)),
                        row.getLong(3)));
            }
            return counts;
        });
    }

    /** Invites sent per day since {@code from} (UTC days), by the day their row was claimed for the call. */
    public List<DayCount> invitesPerDay(LocalDate from) {
        return transactions.inTransaction(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT CAST(claimed_at AS DATE), COUNT(*) FROM signup_ledger WHERE claimed_at >= ? "
                    + "AND invite_id IS NOT NULL AND status NOT IN (?, ?) GROUP BY CAST(claimed_at AS DATE)")) {
                select.setObject(1, Rows.time(from.atStartOfDay(ZoneOffset.UTC).toInstant()));
                select.setString(2, LedgerStatus.ALREADY_INVITED.name());
                select.setString(3, LedgerStatus.ALREADY_USER.name());
                return Rows.all(select, row -> new DayCount(row.getObject(1, LocalDate.class), row.getLong(2)));
            }
        });
    }

    /** People who joined per day since {@code from} (UTC days), by the time the ledger learned they joined. */
    public List<DayCount> joinsPerDay(LocalDate from) {
        return transactions.inTransaction(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT CAST(joined_at AS DATE), COUNT(*) FROM signup_ledger WHERE joined_at >= ? "
                    + "GROUP BY CAST(joined_at AS DATE)")) {
                select.setObject(1, Rows.time(from.atStartOfDay(ZoneOffset.UTC).toInstant()));
                return Rows.all(select, row -> new DayCount(row.getObject(1, LocalDate.class), row.getLong(2)));
            }
        });
    }

    /**
     * People whose email contains {@code search} (a name, an address, a domain), in a status and class if given,
     * most recently changed first.
     */
    public Page<LedgerEntry> people(String search, LedgerStatus status, UserClass userClass, int offset, int limit) {
        StringBuilder sql = new StringBuilder("SELECT " + Rows.ENTRY_COLUMNS + " FROM signup_ledger WHERE 1 = 1");
        List<Object> values = new ArrayList<>();
        if (search != null && !search.isBlank()) {
            sql.append(" AND email_key LIKE ? ESCAPE '\\'");
            values.add("%" + likeLiteral(search.strip().toLowerCase(Locale.ROOT)) + "%");
        }
        if (status != null) {
            sql.append(" AND status = ?");
            values.add(status.name());
        }
        if (userClass != null) {
            sql.append(" AND user_class = ?");
            values.add(userClass.name());
        }
        sql.append(" ORDER BY updated_at DESC, email_key OFFSET ? ROWS FETCH FIRST ? ROWS ONLY");
        values.add(offset);
        values.add(limit + 1);
        return transactions.inTransaction(connection -> {
            try (PreparedStatement select = connection.prepareStatement(sql.toString())) {
                for (int i = 0; i < values.size(); i++) {
                    select.setObject(i + 1, values.get(i));
                }
                List<LedgerEntry> found = Rows.all(select, Rows::entry);
                boolean more = found.size() > limit;
                return new Page<>(more ? found.subList(0, limit) : found, offset, more);
            }
        });
    }

    /** Every batch line that named this email, oldest first (a scan of the lines: one person, on request). */
    public List<HistoryLine> history(String emailKey) {
        return transactions.inTransaction(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT b.batch_id, b.source, b.source_name, b.created_at, i.item_no, i.source_ref, i.outcome, "
                    + "i.reason FROM signup_batch_item i JOIN signup_batch b ON b.batch_id = i.batch_id "
                    + "WHERE i.email_key = ? ORDER BY b.created_at, i.item_no")) {
                select.setString(1, emailKey);
                return Rows.all(select, row -> new HistoryLine(row.getString(1),
                        SignupSource.valueOf(row.getString(2)), row.getString(3), Rows.instant(row, 4),
                        row.getLong(5), row.getString(6), ItemOutcome.valueOf(row.getString(7)), row.getString(8)));
            }
        });
    }

    /** Batches, newest first, each with its lines counted. */
    public Page<BatchSummary> batches(int offset, int limit) {
        return transactions.inTransaction(connection -> {
            List<Batch> batches;
            try (PreparedStatement select = connection.prepareStatement("SELECT " + BATCH_COLUMNS
                    + " FROM signup_batch ORDER BY created_at DESC, batch_id OFFSET ? ROWS FETCH FIRST ? ROWS ONLY")) {
                select.setInt(1, offset);
                select.setInt(2, limit + 1);
                batches = Rows.all(select, Rows::batch);
            }
            boolean more = batches.size() > limit;
            List<BatchSummary> summaries = new ArrayList<>();
            for (Batch batch : more ? batches.subList(0, limit) : batches) {
                summaries.add(summary(connection, batch));
            }
            return new Page<>(summaries, offset, more);
        });
    }

    public java.util.Optional<BatchSummary> batchSummary(String batchId) {
        return transactions.inTransaction(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT " + BATCH_COLUMNS
                    + " FROM signup_batch WHERE batch_id = ?")) {
                select.setString(1, batchId);
                java.util.Optional<Batch> batch = Rows.first(select, Rows::batch);
                return batch.isEmpty() ? java.util.Optional.empty()
                        : java.util.Optional.of(summary(connection, batch.get()));
            }
        });
    }

    private static BatchSummary summary(java.sql.Connection connection, Batch batch) throws SQLException {
        Map<ItemOutcome, Long> byOutcome = new EnumMap<>(ItemOutcome.class);
        Map<UserClass, Long> seats = new EnumMap<>(UserClass.class);
        try (PreparedStatement count = connection.prepareStatement(
                "SELECT outcome, user_class, COUNT(*) FROM signup_batch_item WHERE batch_id = ? "
                + "GROUP BY outcome, user_class")) {
            count.setString(1, batch.id());
            try (ResultSet rows = count.executeQuery()) {
                while (rows.next()) {
                    ItemOutcome outcome = ItemOutcome.valueOf(rows.getString(1));
                    String userClass = rows.getString(2);
                    byOutcome.merge(outcome, rows.getLong(3), Long::sum);
                    if ((outcome == ItemOutcome.INVITED || outcome == ItemOutcome.WOULD_INVITE) && userClass != null) {
                        seats.merge(UserClass.valueOf(userClass), rows.getLong(3), Long::sum);
                    }
                }
            }
        }
        return new BatchSummary(batch, byOutcome, seats);
    }

    /** The rows of these emails that the ledger has, in the order asked. */
    public List<LedgerEntry> entries(Collection<String> emailKeys) {
        List<String> keys = List.copyOf(new java.util.LinkedHashSet<>(emailKeys));
        return transactions.inTransaction(connection -> {
            Map<String, LedgerEntry> found = new LinkedHashMap<>();
            Rows.forKeys(connection, "SELECT " + Rows.ENTRY_COLUMNS + " FROM signup_ledger WHERE email_key IN", keys,
                    row -> {
                        LedgerEntry entry = Rows.entry(row);
                        found.put(entry.emailKey(), entry);
                    });
            return keys.stream().filter(found::containsKey).map(found::get).toList();
        });
    }

    /** The rows a batch's lines name that now stand in {@code status} (a batch's failures, say). */
    public List<LedgerEntry> inBatch(String batchId, LedgerStatus status) {
        return transactions.inTransaction(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT " + prefixed("l.")
                    + " FROM signup_batch_item i JOIN signup_ledger l ON l.email_key = i.email_key "
                    + "WHERE i.batch_id = ? AND l.status = ? ORDER BY i.batch_id, i.item_no")) {
                select.setString(1, batchId);
                select.setString(2, status.name());
                return Rows.all(select, Rows::entry);
            }
        });
    }

    /** Rows in a status, oldest change first (the overview's lists of people held back). */
    public List<LedgerEntry> withStatus(LedgerStatus status, int limit) {
        return transactions.inTransaction(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT " + Rows.ENTRY_COLUMNS
                    + " FROM signup_ledger WHERE status = ? ORDER BY status, updated_at")) {
                select.setString(1, status.name());
                select.setMaxRows(limit);
                return Rows.all(select, Rows::entry);
            }
        });
    }

    /**
     * An operator lets these people past today's cap: the permission is recorded for today (UTC), and those still
     * OVER_CAP go back to the queue at once, where the pipeline invites them without taking a seat from the cap.
     *
     * @return the emails that were put back in the queue (none when they already were: a second click)
     */
    public Set<String> letPastCapToday(Collection<String> emailKeys, String operator) {
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        Instant now = clock.instant();
        List<String> keys = List.copyOf(new java.util.LinkedHashSet<>(emailKeys));
        if (keys.isEmpty()) {
            return Set.of();
        }
        return transactions.inTransaction(connection -> {
            try (PreparedStatement grant = connection.prepareStatement(
                    "INSERT INTO cap_override (email_key, granted_on, granted_by, granted_at) VALUES (?, ?, ?, ?) "
                    + "ON CONFLICT DO NOTHING")) {
                for (String key : keys) {
                    grant.setString(1, key);
                    grant.setObject(2, today);
                    grant.setString(3, LedgerSchema.fit(operator, 100));
                    grant.setObject(4, Rows.time(now));
                    grant.addBatch();
                }
                grant.executeBatch();
            }
            Set<String> queued = new HashSet<>();
            try (PreparedStatement requeue = connection.prepareStatement(
                    "UPDATE signup_ledger SET status = ?, updated_at = ? WHERE email_key = ? AND status = ?")) {
                for (String key : keys) {
                    requeue.setString(1, LedgerStatus.RECEIVED.name());
                    requeue.setObject(2, Rows.time(now));
                    requeue.setString(3, key);
                    requeue.setString(4, LedgerStatus.OVER_CAP.name());
                    if (requeue.executeUpdate() == 1) {
                        queued.add(key);
                    }
                }
            }
            return queued;
        });
    }

    /** Of these emails, those an operator let past today's cap. */
    public Set<String> pastCapToday(Collection<String> emailKeys) {
        if (emailKeys.isEmpty()) {
            return Set.of();
        }
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        List<String> keys = List.copyOf(new java.util.LinkedHashSet<>(emailKeys));
        return transactions.inTransaction(connection -> {
            Set<String> allowed = new HashSet<>();
            // the day is a LocalDate's own ISO text, never outside input
            Rows.forKeys(connection, "SELECT email_key FROM cap_override WHERE granted_on = DATE '" + today
                                     + "' AND email_key IN", keys, row -> allowed.add(row.getString(1)));
            return allowed;
        });
    }

    /**
     * Of these emails, those WAITING on a seat claimed today: counted among today's seats already, their next attempt
     * takes no second one.
     */
    public Set<String> waitingOnTodaysSeat(Collection<String> emailKeys, Instant startOfToday) {
        if (emailKeys.isEmpty()) {
            return Set.of();
        }
        List<String> keys = List.copyOf(new java.util.LinkedHashSet<>(emailKeys));
        return transactions.inTransaction(connection -> {
            Set<String> holding = new HashSet<>();
            Rows.forKeys(connection, "SELECT email_key, claimed_at FROM signup_ledger WHERE status = 'WAITING' "
                    + "AND email_key IN", keys, row -> {
                Instant claimedAt = Rows.instant(row, 2);
                if (claimedAt != null && !claimedAt.isBefore(startOfToday)) {
                    holding.add(row.getString(1));
                }
            });
            return holding;
        });
    }

    /** Text searched for literally in a {@code LIKE ... ESCAPE '\'} pattern. */
    static String likeLiteral(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static String prefixed(String alias) {
        return alias + Rows.ENTRY_COLUMNS.replace(", ", ", " + alias);
    }
}
