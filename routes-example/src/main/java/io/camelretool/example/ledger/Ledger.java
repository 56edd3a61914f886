package io.camelretool.example.ledger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import javax.sql.DataSource;

import io.camelretool.component.classify.UserClass;
import io.camelretool.example.signup.SignupSource;

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

    private static final int SCHEMA_ATTEMPTS = 5;
    private static final DateTimeFormatter BATCH_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final Transactions transactions;
    private final Clock clock;
    private volatile boolean readmitOffboarded;
    private final Deliveries deliveries;

    public Ledger(DataSource dataSource, Clock clock) {
        this.transactions = new Transactions(dataSource);
        this.clock = clock;
        this.deliveries = new Deliveries(dataSource, clock);
    }

    /** The replay store kept in this ledger's database. */
    public Deliveries deliveries() {
        return deliveries;
    }

    /** With true, a new signup of an offboarded person starts over ({@code READMIT_OFFBOARDED}), else is reported. */
    public void readmitOffboarded(boolean readmit) {
        this.readmitOffboarded = readmit;
    }

    /** The record of Embed sessions and offboarding, in the same database. */
    public AccessLedger access() {
        return new AccessLedger(transactions, clock);
    }

    /**
     * Creates the tables that are missing. Nodes starting together on one PostgreSQL database take turns (see
     * {@link LedgerSchema#create}); a failed attempt is still tried again, and finds the tables there.
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
        return transactions.inTransaction(connection -> startBatch(connection, source, name, resumeKey));
    }

    private Batch startBatch(Connection connection, SignupSource source, String name, String resumeKey)
            throws SQLException {
        Optional<Batch> latest = latestBatch(connection, source, resumeKey);
        if (latest.isPresent() && !latest.get().isClosed()) {
            return latest.get();
        }
        Instant now = clock.instant();
        String id = source.name().toLowerCase(Locale.ROOT) + "-" + BATCH_TIME.format(now) + "-"
                    + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO signup_batch (batch_id, source, source_name, source_key, created_at, unsettled) "
                + "VALUES (?, ?, ?, ?, ?, 0)")) {
            insert.setString(1, id);
            insert.setString(2, source.name());
            insert.setString(3, fit(name, REF_LENGTH));
            insert.setString(4, fit(resumeKey, KEY_LENGTH));
            insert.setObject(5, Rows.time(now));
            insert.executeUpdate();
        }
        return new Batch(id, source, name, now, null, null);
    }

    /**
     * Starts (or resumes), fills and closes a batch in one transaction, for an intake that hands a batch over whole (a
     * webhook request, a mail): a process stopped part way leaves no batch behind that would never be closed, and the
     * sender, who got no acknowledgement, sends it again.
     *
     */
    public AcceptedBatch acceptWhole(SignupSource source, String name, String resumeKey,
                                                          List<Arrival> arrivals) {
        return transactions.inTransaction(connection -> {
            Batch batch = startBatch(connection, source, name, resumeKey);
            List<ItemOutcome> outcomes = new BulkAcceptance(connection, batch.id(), clock.instant(),
                    readmitOffboarded).accept(arrivals);
            closeBatch(connection, batch.id());
            return new AcceptedBatch(batch, outcomes);
        });
    }

    /**
     * {@link #acceptWhole}, once per delivery: a delivery seen before (on any node, before any restart) gets the answer
     * it got the first time and makes no batch; a new one is accepted and its answer, made by {@code answerOf} from
     * the accepted batch, is remembered in the same transaction.
     *
     * @throws LedgerException when a copy of the same delivery is being accepted right now and has no answer yet
     */
    public Deliveries.Answer acceptWholeOnce(Deliveries.Delivery delivery, SignupSource source, String name,
                                             List<Arrival> arrivals,
                                             java.util.function.Function<AcceptedBatch, Deliveries.Answer> answerOf) {
        Optional<Deliveries.Answer> seen = transactions.inTransaction(connection ->
                Deliveries.answered(connection, delivery.source(), delivery.key()));
        if (seen.isPresent()) {
            return seen.get();
        }
        Optional<Deliveries.Answer> answer = transactions.inTransaction(connection -> {
            if (!Deliveries.claim(connection, delivery)) {
                return Deliveries.answered(connection, delivery.source(), delivery.key());
            }
            Batch batch = startBatch(connection, source, name, name);
            List<ItemOutcome> outcomes = new BulkAcceptance(connection, batch.id(), clock.instant(), readmitOffboarded)
                    .accept(arrivals);
            closeBatch(connection, batch.id());
            Deliveries.Answer made = answerOf.apply(new AcceptedBatch(batch, outcomes));
            Deliveries.record(connection, delivery, made);
            return Optional.of(made);
        });
        return answer.orElseThrow(() -> new LedgerException("the same delivery is being accepted right now"));
    }

    /** The most recent batch with that resume key, closed or not. */
    public Optional<Batch> latestBatch(SignupSource source, String resumeKey) {
        return transactions.inTransaction(connection -> latestBatch(connection, source, resumeKey));
    }

    private static Optional<Batch> latestBatch(Connection connection, SignupSource source, String resumeKey)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT batch_id, source, source_name, created_at, closed_at, reported_at FROM signup_batch "
                + "WHERE source = ? AND source_key = ? ORDER BY created_at DESC")) {
            select.setString(1, source.name());
            select.setString(2, fit(resumeKey, KEY_LENGTH));
            select.setMaxRows(1);
            return Rows.first(select, Rows::batch);
        }
    }

    public Optional<Batch> batch(String batchId) {
        return transactions.inTransaction(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT batch_id, source, source_name, created_at, closed_at, reported_at FROM signup_batch "
                    + "WHERE batch_id = ?")) {
                select.setString(1, batchId);
                return Rows.first(select, Rows::batch);
            }
        });
    }

    /**
     * Durably accepts a batch's items in one transaction and says what became of each: {@link ItemOutcome#PENDING}
     * for a new signup the pipeline will handle, {@link ItemOutcome#DUPLICATE} for an email the ledger already
     * knows (also one whose changed attributes are queued to be applied: its report line waits for that),
     * {@link ItemOutcome#REJECTED} or {@link ItemOutcome#INVALID} for one that will not be invited. An item
     * accepted before (the same batch read again) keeps its first outcome.
     */
    public List<ItemOutcome> accept(String batchId, List<Arrival> arrivals) {
        Instant now = clock.instant();
        return transactions.inTransaction(connection -> new BulkAcceptance(connection, batchId, now, readmitOffboarded)
                .accept(arrivals));
    }

    /** The intake has handed over every item: the batch's report is written once they are all settled. */
    public void closeBatch(String batchId) {
        transactions.inTransaction(connection -> closeBatch(connection, batchId));
    }

    private int closeBatch(Connection connection, String batchId) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE signup_batch SET closed_at = ? WHERE batch_id = ? AND closed_at IS NULL")) {
            update.setObject(1, Rows.time(clock.instant()));
            update.setString(2, batchId);
            return update.executeUpdate();
        }
    }

    public Optional<LedgerEntry> find(String emailKey) {
        return transactions.inTransaction(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT " + Rows.ENTRY_COLUMNS + " FROM signup_ledger WHERE email_key = ?")) {
                select.setString(1, emailKey);
                return Rows.first(select, Rows::entry);
            }
        });
    }

    /**
     * The rows the pipeline should take up: those WAITING whose next attempt is due (they came first), then those
     * received, oldest first, then those over the cap on an earlier day (a new day brings new room). Those held over
     * the cap today are {@link #overCapToday}'s.
     */
    public List<LedgerEntry> waiting(int limit) {
        return transactions.inTransaction(connection -> {
            List<LedgerEntry> entries = new ArrayList<>(WaitingRows.due(connection, clock.instant(), limit));
            // separate indexed queries rather than one with OR: the queue may hold a million rows
            if (entries.size() < limit) {
                try (PreparedStatement received = connection.prepareStatement("SELECT " + Rows.ENTRY_COLUMNS
                        + " FROM signup_ledger WHERE status = ? ORDER BY status, created_at, email_key")) {
                    received.setString(1, LedgerStatus.RECEIVED.name());
                    received.setMaxRows(limit - entries.size());
                    entries.addAll(Rows.all(received, Rows::entry));
                }
            }
            if (entries.size() < limit) {
                try (PreparedStatement overCap = connection.prepareStatement("SELECT " + Rows.ENTRY_COLUMNS
                        + " FROM signup_ledger WHERE status = ? AND updated_at < ? ORDER BY status, updated_at")) {
                    overCap.setString(1, LedgerStatus.OVER_CAP.name());
                    overCap.setObject(2, Rows.time(startOfToday()));
                    overCap.setMaxRows(limit - entries.size());
                    entries.addAll(Rows.all(overCap, Rows::entry));
                }
            }
            return entries;
        });
    }

    /**
     * The rows held {@code OVER_CAP} today, longest held first: taken up again when today's room comes back (a seat's
     * invite failed for good, an operator revoked one), which only the caller's seat budget can tell.
     */
    public List<LedgerEntry> overCapToday(int limit) {
        return transactions.inTransaction(connection -> {
            try (PreparedStatement overCap = connection.prepareStatement("SELECT " + Rows.ENTRY_COLUMNS
                    + " FROM signup_ledger WHERE status = ? AND updated_at >= ? ORDER BY status, updated_at")) {
                overCap.setString(1, LedgerStatus.OVER_CAP.name());
                overCap.setObject(2, Rows.time(startOfToday()));
                overCap.setMaxRows(limit);
                return Rows.all(overCap, Rows::entry);
            }
        });
    }

    /** Claims one row for an invite call; see {@link #claimAll}. */
    public boolean claim(String emailKey, LedgerStatus from) {
        return claimAll(Map.of(emailKey, from)).contains(emailKey);
    }

    /**
     * Claims rows for invite calls, in one transaction: each row still in its {@code from} status becomes
     * {@link LedgerStatus#SENDING} and its attempt is counted. Of several nodes claiming a row at once only one wins.
     *
     * @return the emails this caller won
     */
    public Set<String> claimAll(Map<String, LedgerStatus> fromByEmail) {
        if (fromByEmail.isEmpty()) {
            return Set.of();
        }
        Instant now = clock.instant();
        List<String> keys = List.copyOf(fromByEmail.keySet());
        return transactions.inTransaction(connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE signup_ledger SET status = ?, attempts = attempts + 1, claimed_at = ?, updated_at = ? "
                    + "WHERE email_key = ? AND status = ?")) {
                for (String key : keys) {
                    update.setString(1, LedgerStatus.SENDING.name());
                    update.setObject(2, Rows.time(now));
                    update.setObject(3, Rows.time(now));
                    update.setString(4, key);
                    update.setString(5, fromByEmail.get(key).name());
                    update.addBatch();
                }
                return changed(update.executeBatch(), keys);
            }
        });
    }

    /**
     * Renews this node's claim on rows whose calls are still out, so that only the rows of a node that stopped grow
     * old enough to be reconciled, however long a chunk of calls takes.
     */
    public void renewClaims(Collection<String> emailKeys) {
        if (emailKeys.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        transactions.inTransaction(connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE signup_ledger SET claimed_at = ? WHERE email_key = ? AND status = ?")) {
                for (String key : emailKeys) {
                    update.setObject(1, Rows.time(now));
                    update.setString(2, key);
                    update.setString(3, LedgerStatus.SENDING.name());
                    update.addBatch();
                }
                return update.executeBatch();
            }
        });
    }

    /** Records one outcome; see {@link #settleAll}. */
    public boolean settle(String emailKey, LedgerStatus from, LedgerStatus to, Long inviteId, Instant inviteExpiresAt,
                          String error) {
        return !settleAll(List.of(new Settlement(emailKey, Set.of(from), to, inviteId, inviteExpiresAt, error)))
                .isEmpty();
    }

    /**
     * Records outcomes in one transaction, each only if its row is still where the settlement expects it, and settles
     * the batch lines waiting for the rows that reached a final status.
     *
     * @return the emails whose rows were moved
     */
    public Set<String> settleAll(List<Settlement> settlements) {
        if (settlements.isEmpty()) {
            return Set.of();
        }
        Instant now = clock.instant();
        return transactions.inTransaction(connection -> settleAll(connection, settlements, now));
    }

    private static Set<String> settleAll(Connection connection, List<Settlement> settlements, Instant now)
            throws SQLException {
        if (settlements.isEmpty()) {
            return Set.of();
        }
        Set<String> moved;
        // a settled row no longer waits: a later replay that fails again starts its give-up time afresh
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE signup_ledger SET status = ?, invite_id = ?, invite_expires_at = ?, last_error = ?, "
                + "updated_at = ?, claimed_at = COALESCE(claimed_at, ?), "
                + "waiting_since = CASE WHEN ? THEN NULL ELSE waiting_since END, "
                + "next_attempt_at = CASE WHEN ? THEN NULL ELSE next_attempt_at END, user_id = COALESCE(?, user_id) "
                + "WHERE email_key = ? AND status IN (?, ?)")) {
            for (Settlement settlement : settlements) {
                List<LedgerStatus> from = List.copyOf(settlement.from());
                update.setString(1, settlement.to().name());
                update.setObject(2, settlement.inviteId(), Types.BIGINT);
                update.setObject(3, Rows.time(settlement.inviteExpiresAt()));
                update.setString(4, fit(settlement.error(), TEXT_LENGTH));
                update.setObject(5, Rows.time(now));
                // a row settled without a claim (a dry run's) was still taken up today, for the daily cap
                update.setObject(6, Rows.time(now));
                update.setBoolean(7, settlement.to().isSettled());
                update.setBoolean(8, settlement.to().isSettled());
                update.setString(9, settlement.userId());
                update.setString(10, settlement.emailKey());
                update.setString(11, from.get(0).name());
                update.setString(12, from.get(from.size() - 1).name());
                update.addBatch();
            }
            moved = changed(update.executeBatch(), settlements.stream().map(Settlement::emailKey).toList());
        }
        settleLines(connection, settlements.stream().filter(settlement -> moved.contains(settlement.emailKey())
                && settlement.to().isSettled()).toList());
        return moved;
    }

    /**
     * Records calls that failed for a reason that may pass, in one transaction: each row still SENDING (or put back
     * to RECEIVED meanwhile) waits, with its reason and a next attempt after the backoff; a row that has been failing
     * for the backoff's give-up time becomes FAILED instead, with the reason, for the dead-letter file.
     *
     * @return the status each moved row now has, WAITING or FAILED
     */
    public Map<String, LedgerStatus> postponeAll(List<Postponement> postponements, RetryBackoff backoff) {
        if (postponements.isEmpty()) {
            return Map.of();
        }
        Instant now = clock.instant();
        return transactions.inTransaction(connection -> {
            List<String> waiting = new ArrayList<>();
            List<Settlement> givenUp = WaitingRows.postpone(connection, postponements, backoff, now, waiting);
            Map<String, LedgerStatus> moved = new LinkedHashMap<>();
            waiting.forEach(key -> moved.put(key, LedgerStatus.WAITING));
            settleAll(connection, givenUp, now).forEach(key -> moved.put(key, LedgerStatus.FAILED));
            return moved;
        });
    }

    /**
     * Parks as FAILED the WAITING rows that have been failing for the backoff's give-up time while Retool is held back
     * from (nobody is tried during an outage, so nobody would otherwise reach the give-up time).
     *
     * @return the emails given up on
     */
    public Set<String> giveUpWaiting(RetryBackoff backoff) {
        Instant now = clock.instant();
        return transactions.inTransaction(connection -> {
            List<Settlement> givenUp = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT email_key, last_error FROM "
                    + "signup_ledger WHERE status = ? AND waiting_since <= ?")) {
                select.setString(1, LedgerStatus.WAITING.name());
                select.setObject(2, Rows.time(now.minus(backoff.giveUpAfter())));
                select.setMaxRows(500);
                Rows.all(select, row -> givenUp.add(new Settlement(row.getString(1), Set.of(LedgerStatus.WAITING),
                        LedgerStatus.FAILED, null, null, "still failing after the give-up time (RETRY_GIVE_UP_AFTER): "
                        + row.getString(2))));
            }
            return settleAll(connection, givenUp, now);
        });
    }

    /** Makes every WAITING row due now (Retool answers again); answers how many were. */
    public int wakeWaiting() {
        Instant now = clock.instant();
        return transactions.inTransaction(connection -> WaitingRows.wake(connection, now));
    }

    /** How many people wait, and why; see {@link WaitingSummary}. */
    public WaitingSummary waitingSummary() {
        return transactions.inTransaction(WaitingRows::summary);
    }

    /** How many of a batch's people wait, per reason, for the note of a batch that cannot be reported yet. */
    public Map<String, Long> waitingReasons(String batchId) {
        return transactions.inTransaction(connection -> WaitingRows.reasons(connection, batchId));
    }

    private static Set<String> changed(int[] counts, List<String> keys) {
        Set<String> changed = new LinkedHashSet<>();
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] > 0) {
                changed.add(keys.get(i));
            }
        }
        return changed;
    }

    /**
     * The batch lines waiting for these rows take their outcome (and, when one is given, its reason): each row names
     * its line, and each batch's count of waiting lines goes down by the lines settled.
     */
    private static void settleLines(Connection connection, List<Settlement> settled) throws SQLException {
        if (settled.isEmpty()) {
            return;
        }
        Map<String, BatchLineKey> lines = new HashMap<>();
        Rows.forKeys(connection, "SELECT email_key, owner_batch, owner_item FROM signup_ledger WHERE email_key IN",
                settled.stream().map(Settlement::emailKey).toList(),
                row -> lines.put(row.getString(1), new BatchLineKey(row.getString(2), row.getLong(3))));
        List<BatchLineKey> updated = new ArrayList<>();
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE signup_batch_item SET outcome = ?, reason = COALESCE(CAST(? AS VARCHAR(2000)), reason) "
                + "WHERE batch_id = ? AND item_no = ? AND outcome = ?")) {
            for (Settlement settlement : settled) {
                BatchLineKey line = lines.get(settlement.emailKey());
                if (line == null || line.batchId() == null) {
                    continue;
                }
                update.setString(1, ItemOutcome.of(settlement.to()).name());
                update.setString(2, fit(settlement.error(), TEXT_LENGTH));
                update.setString(3, line.batchId());
                update.setLong(4, line.itemNo());
                update.setString(5, ItemOutcome.PENDING.name());
                update.addBatch();
                updated.add(line);
            }
            int[] counts = update.executeBatch();
            Map<String, Long> settledByBatch = new HashMap<>();
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] > 0) {
                    settledByBatch.merge(updated.get(i).batchId(), -1L, Long::sum);
                }
            }
            BatchCounts.addUnsettled(connection, settledByBatch);
        }
    }

    /** Where a row's waiting line is: its batch and item number. */
    private record BatchLineKey(String batchId, long itemNo) {
    }

    /**
     * Where an invite sent today may have gone since (joined, expired, renewing, revoked, vanished): still a seat
     * taken today. A renewal keeps the first claim's time, so it takes no new seat.
     */
    private static final String SENT_SINCE = "'JOINED', 'EXPIRED', 'RENEWING', 'REVOKED', 'VANISHED'";

    /**
     * New external seats taken today: invites sent or being sent (or, in a dry run, that would be), and those whose
     * call today failed for a reason that may pass: a WAITING person keeps the seat they claimed, so that their
     * invite going through later cannot take the day past its cap. A permanent failure gives its seat back.
     */
    public int externalSeatsClaimedToday() {
        return transactions.inTransaction(connection -> {
            try (PreparedStatement count = connection.prepareStatement(
                    "SELECT COUNT(*) FROM signup_ledger WHERE claimed_at >= ? AND user_class = ? "
                    + "AND status IN (?, ?, ?, ?, " + SENT_SINCE + ")")) {
                count.setObject(1, Rows.time(startOfToday()));
                count.setString(2, UserClass.EXTERNAL.name());
                count.setString(3, LedgerStatus.SENDING.name());
                count.setString(4, LedgerStatus.INVITED.name());
                count.setString(5, LedgerStatus.WOULD_INVITE.name());
                count.setString(6, LedgerStatus.WAITING.name());
                return Rows.first(count, row -> row.getInt(1)).orElse(0);
            }
        });
    }

    /** Rows claimed before {@code claimedBefore} and never settled: their invite call's outcome is unknown. */
    public List<LedgerEntry> uncertain(Instant claimedBefore) {
        return transactions.inTransaction(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT " + Rows.ENTRY_COLUMNS + " FROM signup_ledger WHERE status = ? AND claimed_at < ?")) {
                select.setString(1, LedgerStatus.SENDING.name());
                select.setObject(2, Rows.time(claimedBefore));
                return Rows.all(select, Rows::entry);
            }
        });
    }

    /** Closed batches whose every line is settled and that have no report yet, oldest first. */
    public List<String> reportableBatches() {
        return transactions.inTransaction(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT batch_id FROM signup_batch WHERE closed_at IS NOT NULL AND reported_at IS NULL "
                    + "AND unsettled = 0 ORDER BY created_at")) {
                return Rows.all(select, row -> row.getString(1));
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
                    // ordered as the key is, so H2 reads the lines in order instead of sorting them on disk
                    + "WHERE i.batch_id = ? ORDER BY i.batch_id, i.item_no")) {
                select.setString(1, batchId);
                select.setFetchSize(500);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        consumer.accept(Rows.line(rows));
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
                update.setObject(1, Rows.time(now));
                update.setString(2, batchId);
                return update.executeUpdate() == 1;
            }
        });
    }

    /** The operator's questions to the ledger (the console's), on the same database. */
    public LedgerQueries queries() {
        return new LedgerQueries(transactions, clock);
    }

    /** The operator console's audit trail, on the same database. */
    public AuditTrail auditTrail() {
        return new AuditTrail(transactions, clock);
    }

    /** Midnight UTC: the daily cap counts from here. */
    public Instant startOfToday() {
        return LocalDate.now(clock.withZone(ZoneOffset.UTC)).atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}
