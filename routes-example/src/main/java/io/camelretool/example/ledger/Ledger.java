package io.camelretool.example.ledger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import javax.sql.DataSource;

import io.camelretool.component.classify.UserClass;
import io.camelretool.example.signup.Signup;
import io.camelretool.example.signup.SignupSource;

import static io.camelretool.example.ledger.LedgerSchema.EMAIL_LENGTH;
import static io.camelretool.example.ledger.LedgerSchema.KEY_LENGTH;
import static io.camelretool.example.ledger.LedgerSchema.REF_LENGTH;
import static io.camelretool.example.ledger.LedgerSchema.TEXT_LENGTH;
import static io.camelretool.example.ledger.LedgerSchema.fit;

/**
 * The application's memory: one row per normalised email, and the batches that brought them with one line per
 * signup. An intake's signups are accepted in one transaction before the intake acknowledges them (202, the file
 * moved to done, the mail marked seen); the pipeline then moves each row on with conditional updates, so two nodes
 * sharing one database never send the same invite twice.
 */
public final class Ledger {

    /** SQLState of a unique-key violation, the same on H2 and PostgreSQL. */
    private static final String DUPLICATE_KEY = "23505";
    private static final int SCHEMA_ATTEMPTS = 5;
    private static final DateTimeFormatter BATCH_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final String ENTRY_COLUMNS = "email_key, user_class, status, invite_id, invite_expires_at, "
                                                + "attempts, last_error, signup_json, created_at, updated_at";

    private final Transactions transactions;
    private final Clock clock;

    public Ledger(DataSource dataSource, Clock clock) {
        this.transactions = new Transactions(dataSource);
        this.clock = clock;
    }

    /**
     * Creates the tables that are missing. Nodes starting together on an empty PostgreSQL database race: one
     * {@code CREATE TABLE IF NOT EXISTS} can fail on the catalogue while another's commits, so a failed attempt is
     * tried again, and finds the tables there.
     */
    public void createSchema() {
        for (int attempt = 1; ; attempt++) {
            try {
                transactions.inTransaction(connection -> {
                    LedgerSchema.create(connection);
                    return null;
                });
                return;
            } catch (LedgerException raced) {
                if (attempt == SCHEMA_ATTEMPTS) {
                    throw raced;
                }
                pause(ThreadLocalRandom.current().nextInt(50, 250));
            }
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new LedgerException("interrupted while creating the ledger's tables");
        }
    }

    /** A new batch, or the open one of the same name: for an intake whose items' names say which batch they are. */
    public Batch startBatch(SignupSource source, String name) {
        return startBatch(source, name, name);
    }

    /**
     * The batch an intake adds its items to: the still open batch with the same resume key (a file being read again
     * after a crash goes on where it stopped), else a new one.
     *
     * @param name      what the report calls it (a file name, a Message-ID)
     * @param resumeKey what makes it the same batch when it is read again; for a file its name, size and time, so
     *                  that a different file of the same name never resumes another's batch and skips its rows
     */
    public Batch startBatch(SignupSource source, String name, String resumeKey) {
        Optional<Batch> latest = latestBatch(source, resumeKey);
        if (latest.isPresent() && !latest.get().isClosed()) {
            return latest.get();
        }
        Instant now = clock.instant();
        String id = source.name().toLowerCase(Locale.ROOT) + "-" + BATCH_TIME.format(now) + "-"
                    + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        return transactions.inTransaction(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO signup_batch (batch_id, source, source_name, source_key, created_at) "
                    + "VALUES (?, ?, ?, ?, ?)")) {
                insert.setString(1, id);
                insert.setString(2, source.name());
                insert.setString(3, fit(name, REF_LENGTH));
                insert.setString(4, fit(resumeKey, KEY_LENGTH));
                insert.setObject(5, time(now));
                insert.executeUpdate();
            }
            return new Batch(id, source, name, now, null, null);
        });
    }

    /** The most recent batch with that resume key, closed or not. */
    public Optional<Batch> latestBatch(SignupSource source, String resumeKey) {
        return transactions.inTransaction(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT batch_id, source, source_name, created_at, closed_at, reported_at FROM signup_batch "
                    + "WHERE source = ? AND source_key = ? ORDER BY created_at DESC")) {
                select.setString(1, source.name());
                select.setString(2, fit(resumeKey, KEY_LENGTH));
                select.setMaxRows(1);
                return first(select, Ledger::batchOf);
            }
        });
    }

    public Optional<Batch> batch(String batchId) {
        return transactions.inTransaction(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT batch_id, source, source_name, created_at, closed_at, reported_at FROM signup_batch "
                    + "WHERE batch_id = ?")) {
                select.setString(1, batchId);
                return first(select, Ledger::batchOf);
            }
        });
    }

    /**
     * Durably accepts a batch's items in one transaction and says what became of each: {@link ItemOutcome#PENDING}
     * for a new signup the pipeline will handle, {@link ItemOutcome#DUPLICATE} for an email the ledger already
     * knows, {@link ItemOutcome#REJECTED} or {@link ItemOutcome#INVALID} for one that will not be invited. An item
     * accepted before (the same batch read again) keeps its first outcome.
     */
    public List<ItemOutcome> accept(String batchId, List<Arrival> arrivals) {
        Instant now = clock.instant();
        return transactions.inTransaction(connection -> {
            List<ItemOutcome> outcomes = new ArrayList<>(arrivals.size());
            for (Arrival arrival : arrivals) {
                outcomes.add(acceptOne(connection, batchId, arrival, now));
            }
            return outcomes;
        });
    }

    private ItemOutcome acceptOne(Connection connection, String batchId, Arrival arrival, Instant now)
            throws SQLException {
        Optional<ItemOutcome> earlier = itemOutcome(connection, batchId, arrival.itemNo());
        if (earlier.isPresent()) {
            return earlier.get();
        }
        ItemOutcome outcome;
        String reason = arrival.reason();
        if (!arrival.entersLedger()) {
            outcome = arrival.signup() == null ? ItemOutcome.INVALID : ItemOutcome.REJECTED;
        } else {
            LedgerStatus initial = arrival.userClass() == UserClass.REJECTED ? LedgerStatus.REJECTED
                    : LedgerStatus.RECEIVED;
            if (insertEntry(connection, arrival, initial, now)) {
                outcome = ItemOutcome.of(initial);
            } else {
                LedgerEntry known = lockedEntry(connection, arrival.emailKey());
                if (initial == LedgerStatus.RECEIVED && LedgerStatus.RESTARTABLE.contains(known.status())) {
                    restartEntry(connection, arrival, now);
                    outcome = ItemOutcome.PENDING;
                } else {
                    outcome = ItemOutcome.DUPLICATE;
                    reason = "already " + known.status() + " from " + known.signup().source() + " "
                             + known.signup().sourceRef();
                }
            }
        }
        insertItem(connection, batchId, arrival, outcome, reason);
        return outcome;
    }

    private static Optional<ItemOutcome> itemOutcome(Connection connection, String batchId, long itemNo)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT outcome FROM signup_batch_item WHERE batch_id = ? AND item_no = ?")) {
            select.setString(1, batchId);
            select.setLong(2, itemNo);
            return first(select, row -> ItemOutcome.valueOf(row.getString(1)));
        }
    }

    /** Inserts a new row; false when the email is already there (another signup owns it). */
    private static boolean insertEntry(Connection connection, Arrival arrival, LedgerStatus status, Instant now)
            throws SQLException {
        // PostgreSQL aborts the whole transaction on a failed statement; the savepoint keeps the batch's other items
        Savepoint beforeInsert = connection.setSavepoint();
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO signup_ledger (email_key, user_class, status, attempts, last_error, source, source_ref, "
                + "signup_json, created_at, updated_at) VALUES (?, ?, ?, 0, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, arrival.emailKey());
            insert.setString(2, arrival.userClass().name());
            insert.setString(3, status.name());
            insert.setString(4, status == LedgerStatus.REJECTED ? fit(arrival.reason(), TEXT_LENGTH) : null);
            insert.setString(5, arrival.signup().source().name());
            insert.setString(6, fit(arrival.sourceRef(), REF_LENGTH));
            insert.setString(7, SignupJson.write(arrival.signup()));
            insert.setObject(8, time(now));
            insert.setObject(9, time(now));
            insert.executeUpdate();
            connection.releaseSavepoint(beforeInsert);
            return true;
        } catch (SQLException failure) {
            if (DUPLICATE_KEY.equals(failure.getSQLState())) {
                connection.rollback(beforeInsert);
                return false;
            }
            throw failure;
        }
    }

    private static LedgerEntry lockedEntry(Connection connection, String emailKey) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT " + ENTRY_COLUMNS + " FROM signup_ledger WHERE email_key = ? FOR UPDATE")) {
            select.setString(1, emailKey);
            return first(select, Ledger::entryOf).orElseThrow(
                    () -> new LedgerException("ledger row for " + emailKey + " vanished while it was read"));
        }
    }

    private static void restartEntry(Connection connection, Arrival arrival, Instant now) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE signup_ledger SET status = ?, user_class = ?, source = ?, source_ref = ?, signup_json = ?, "
                + "updated_at = ? WHERE email_key = ?")) {
            update.setString(1, LedgerStatus.RECEIVED.name());
            update.setString(2, arrival.userClass().name());
            update.setString(3, arrival.signup().source().name());
            update.setString(4, fit(arrival.sourceRef(), REF_LENGTH));
            update.setString(5, SignupJson.write(arrival.signup()));
            update.setObject(6, time(now));
            update.setString(7, arrival.emailKey());
            update.executeUpdate();
        }
    }

    private static void insertItem(Connection connection, String batchId, Arrival arrival, ItemOutcome outcome,
                                   String reason) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO signup_batch_item (batch_id, item_no, source_ref, email, email_key, user_class, outcome, "
                + "reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, batchId);
            insert.setLong(2, arrival.itemNo());
            insert.setString(3, fit(arrival.sourceRef(), REF_LENGTH));
            insert.setString(4, fit(arrival.email(), EMAIL_LENGTH));
            insert.setString(5, arrival.emailKey());
            insert.setString(6, arrival.userClass() == null ? null : arrival.userClass().name());
            insert.setString(7, outcome.name());
            insert.setString(8, fit(reason, TEXT_LENGTH));
            insert.executeUpdate();
        }
    }

    /** The intake has handed over every item: the batch's report is written once they are all settled. */
    public void closeBatch(String batchId) {
        Instant now = clock.instant();
        transactions.inTransaction(connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE signup_batch SET closed_at = ? WHERE batch_id = ? AND closed_at IS NULL")) {
                update.setObject(1, time(now));
                update.setString(2, batchId);
                return update.executeUpdate();
            }
        });
    }

    public Optional<LedgerEntry> find(String emailKey) {
        return transactions.inTransaction(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT " + ENTRY_COLUMNS + " FROM signup_ledger WHERE email_key = ?")) {
                select.setString(1, emailKey);
                return first(select, Ledger::entryOf);
            }
        });
    }

    /**
     * Emails the pipeline should take up, oldest first: those received, then those over the cap on an earlier day
     * (a new day brings new room).
     */
    public List<String> waiting(int limit) {
        return transactions.inTransaction(connection -> {
            List<String> keys = new ArrayList<>();
            // two indexed queries rather than one with OR: the queue may hold a million rows
            try (PreparedStatement received = connection.prepareStatement(
                    "SELECT email_key FROM signup_ledger WHERE status = ? ORDER BY status, created_at, email_key")) {
                received.setString(1, LedgerStatus.RECEIVED.name());
                received.setMaxRows(limit);
                addKeys(received, keys);
            }
            if (keys.size() < limit) {
                try (PreparedStatement overCap = connection.prepareStatement(
                        "SELECT email_key FROM signup_ledger WHERE status = ? AND updated_at < ? "
                        + "ORDER BY status, updated_at")) {
                    overCap.setString(1, LedgerStatus.OVER_CAP.name());
                    overCap.setObject(2, time(startOfToday()));
                    overCap.setMaxRows(limit - keys.size());
                    addKeys(overCap, keys);
                }
            }
            return keys;
        });
    }

    private static void addKeys(PreparedStatement select, List<String> keys) throws SQLException {
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                keys.add(rows.getString(1));
            }
        }
    }

    /**
     * Claims a row for an invite call: {@code from} becomes {@link LedgerStatus#SENDING} and the attempt is counted.
     * Only one caller can win; false means another got there first (or the row moved on).
     */
    public boolean claim(String emailKey, LedgerStatus from) {
        Instant now = clock.instant();
        return transactions.inTransaction(connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE signup_ledger SET status = ?, attempts = attempts + 1, claimed_at = ?, updated_at = ? "
                    + "WHERE email_key = ? AND status = ?")) {
                update.setString(1, LedgerStatus.SENDING.name());
                update.setObject(2, time(now));
                update.setObject(3, time(now));
                update.setString(4, emailKey);
                update.setString(5, from.name());
                return update.executeUpdate() == 1;
            }
        });
    }

    /**
     * Records an outcome, if the row is still in status {@code from}, and settles the batch lines waiting for it,
     * in one transaction.
     *
     * @param error the reason the report gives for the outcome; null keeps the reason the line has
     * @return false when the row had moved on (nothing changed)
     */
    public boolean settle(String emailKey, LedgerStatus from, LedgerStatus to, Long inviteId, Instant inviteExpiresAt,
                          String error) {
        Instant now = clock.instant();
        return transactions.inTransaction(connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE signup_ledger SET status = ?, invite_id = ?, invite_expires_at = ?, last_error = ?, "
                    + "updated_at = ? WHERE email_key = ? AND status = ?")) {
                update.setString(1, to.name());
                if (inviteId == null) {
                    update.setNull(2, Types.BIGINT);
                } else {
                    update.setLong(2, inviteId);
                }
                update.setObject(3, inviteExpiresAt == null ? null : time(inviteExpiresAt));
                update.setString(4, fit(error, TEXT_LENGTH));
                update.setObject(5, time(now));
                update.setString(6, emailKey);
                update.setString(7, from.name());
                if (update.executeUpdate() != 1) {
                    return false;
                }
            }
            if (to.isSettled()) {
                settleLines(connection, emailKey, ItemOutcome.of(to), error);
            }
            return true;
        });
    }

    private static void settleLines(Connection connection, String emailKey, ItemOutcome outcome, String error)
            throws SQLException {
        String sql = error == null
                ? "UPDATE signup_batch_item SET outcome = ? WHERE email_key = ? AND outcome = ?"
                : "UPDATE signup_batch_item SET outcome = ?, reason = ? WHERE email_key = ? AND outcome = ?";
        try (PreparedStatement update = connection.prepareStatement(sql)) {
            int column = 1;
            update.setString(column++, outcome.name());
            if (error != null) {
                update.setString(column++, fit(error, TEXT_LENGTH));
            }
            update.setString(column++, emailKey);
            update.setString(column, ItemOutcome.PENDING.name());
            update.executeUpdate();
        }
    }

    /** New external seats taken today: invites sent or being sent (or, in a dry run, that would be). */
    public int externalSeatsClaimedToday() {
        return transactions.inTransaction(connection -> {
            try (PreparedStatement count = connection.prepareStatement(
                    "SELECT COUNT(*) FROM signup_ledger WHERE claimed_at >= ? AND user_class = ? "
                    + "AND status IN (?, ?, ?)")) {
                count.setObject(1, time(startOfToday()));
                count.setString(2, UserClass.EXTERNAL.name());
                count.setString(3, LedgerStatus.SENDING.name());
                count.setString(4, LedgerStatus.INVITED.name());
                count.setString(5, LedgerStatus.WOULD_INVITE.name());
                return first(count, row -> row.getInt(1)).orElse(0);
            }
        });
    }

    /** Rows claimed before {@code claimedBefore} and never settled: their invite call's outcome is unknown. */
    public List<LedgerEntry> uncertain(Instant claimedBefore) {
        return transactions.inTransaction(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT " + ENTRY_COLUMNS + " FROM signup_ledger WHERE status = ? AND claimed_at < ?")) {
                select.setString(1, LedgerStatus.SENDING.name());
                select.setObject(2, time(claimedBefore));
                List<LedgerEntry> entries = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        entries.add(entryOf(rows));
                    }
                }
                return entries;
            }
        });
    }

    /** Closed batches whose every line is settled and that have no report yet, oldest first. */
    public List<String> reportableBatches() {
        return transactions.inTransaction(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT b.batch_id FROM signup_batch b WHERE b.closed_at IS NOT NULL AND b.reported_at IS NULL "
                    + "AND NOT EXISTS (SELECT 1 FROM signup_batch_item i WHERE i.batch_id = b.batch_id "
                    + "AND i.outcome = ?) ORDER BY b.created_at")) {
                select.setString(1, ItemOutcome.PENDING.name());
                List<String> ids = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        ids.add(rows.getString(1));
                    }
                }
                return ids;
            }
        });
    }

    /** Streams a batch's lines in item order; the signup is read only for FAILED lines, which the dead letter needs. */
    public void forEachLine(String batchId, Consumer<BatchLine> consumer) {
        transactions.inTransaction(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT i.item_no, i.source_ref, i.email, i.user_class, i.outcome, i.reason, l.invite_id, "
                    + "l.invite_expires_at, l.signup_json FROM signup_batch_item i "
                    + "LEFT JOIN signup_ledger l ON l.email_key = i.email_key "
                    + "WHERE i.batch_id = ? ORDER BY i.item_no")) {
                select.setString(1, batchId);
                select.setFetchSize(500);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        consumer.accept(lineOf(rows));
                    }
                }
            }
            return null;
        });
    }

    /** Records that the batch's report is written; false when it already was (by another node, say). */
    public boolean markReported(String batchId) {
        Instant now = clock.instant();
        return transactions.inTransaction(connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE signup_batch SET reported_at = ? WHERE batch_id = ? AND reported_at IS NULL")) {
                update.setObject(1, time(now));
                update.setString(2, batchId);
                return update.executeUpdate() == 1;
            }
        });
    }

    /** Midnight UTC: the daily cap counts from here. */
    public Instant startOfToday() {
        return LocalDate.now(clock.withZone(ZoneOffset.UTC)).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** Maps the current row of a result set. */
    @FunctionalInterface
    private interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    private static <T> Optional<T> first(PreparedStatement select, RowMapper<T> mapper) throws SQLException {
        try (ResultSet rows = select.executeQuery()) {
            return rows.next() ? Optional.of(mapper.map(rows)) : Optional.empty();
        }
    }

    private static Batch batchOf(ResultSet row) throws SQLException {
        return new Batch(row.getString(1), SignupSource.valueOf(row.getString(2)), row.getString(3), instant(row, 4),
                instant(row, 5), instant(row, 6));
    }

    private static LedgerEntry entryOf(ResultSet row) throws SQLException {
        long inviteId = row.getLong(4);
        return new LedgerEntry(row.getString(1), UserClass.valueOf(row.getString(2)),
                LedgerStatus.valueOf(row.getString(3)), row.wasNull() ? null : inviteId, instant(row, 5),
                row.getInt(6), row.getString(7), SignupJson.read(row.getString(8)), instant(row, 9), instant(row, 10));
    }

    private static BatchLine lineOf(ResultSet row) throws SQLException {
        String userClass = row.getString(4);
        ItemOutcome outcome = ItemOutcome.valueOf(row.getString(5));
        long inviteId = row.getLong(7);
        Long invite = row.wasNull() ? null : inviteId;
        String signupJson = row.getString(9);
        Signup signup = outcome == ItemOutcome.FAILED && signupJson != null ? SignupJson.read(signupJson) : null;
        return new BatchLine(row.getLong(1), row.getString(2), row.getString(3),
                userClass == null ? null : UserClass.valueOf(userClass), outcome, row.getString(6), invite,
                instant(row, 8), signup);
    }

    private static Instant instant(ResultSet row, int column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime time(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
