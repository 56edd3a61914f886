package io.camelretool.example.ledger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.camelretool.component.classify.UserClass;
import io.camelretool.example.signup.Signup;

import static io.camelretool.example.ledger.LedgerSchema.EMAIL_LENGTH;
import static io.camelretool.example.ledger.LedgerSchema.REF_LENGTH;
import static io.camelretool.example.ledger.LedgerSchema.TEXT_LENGTH;
import static io.camelretool.example.ledger.LedgerSchema.fit;

/**
 * Accepts one part of a batch (a few hundred items) with a handful of statements in one transaction, whatever its
 * size: the items already accepted (a batch read again after a crash) are read at once, the emails the ledger
 * already knows are read at once, and the new rows and lines are written as JDBC batches. Writes that another writer
 * got to first ({@code ON CONFLICT DO NOTHING} answers 0) turn into duplicates, so two nodes accepting the same email
 * at the same moment agree on one owner without locks or retries.
 */
final class BulkAcceptance {

    /**
     * What the ledger knows of an email: enough to say why a signup for it is a duplicate, and the attributes last
     * applied in Retool, which a later signup with other values updates.
     */
    private record Known(LedgerStatus status, String source, String sourceRef, Map<String, String> applied,
                         List<Integer> groups) {

        String duplicateReason() {
            if (status == LedgerStatus.OFFBOARDED || status == LedgerStatus.OFFBOARDING) {
                return "offboarded: not invited again (READMIT_OFFBOARDED=true lets a new signup start over)";
            }
            return "already " + status + " from " + source + " " + sourceRef;
        }
    }

    /** What becomes of one new item; {@code ownsRow} when its signup is to own the email's ledger row. */
    private static final class Decision {
        final Arrival arrival;
        ItemOutcome outcome;
        String reason;
        boolean ownsRow;
        boolean restart;
        /** A duplicate whose attributes differ from those last applied: its line waits for the update. */
        boolean syncAttributes;

        Decision(Arrival arrival) {
            this.arrival = arrival;
            this.reason = arrival.reason();
        }
    }

    private final Connection connection;
    private final String batchId;
    private final Instant now;
    private final boolean readmitOffboarded;

    /** @param readmitOffboarded whether a new signup of an offboarded person takes their row over (starts over) */
    BulkAcceptance(Connection connection, String batchId, Instant now, boolean readmitOffboarded) {
        this.connection = connection;
        this.batchId = batchId;
        this.now = now;
        this.readmitOffboarded = readmitOffboarded;
    }

    List<ItemOutcome> accept(List<Arrival> arrivals) throws SQLException {
        if (arrivals.isEmpty()) {
            return List.of();
        }
        Map<Long, ItemOutcome> earlier = earlierOutcomes(arrivals);
        List<Decision> decisions = new ArrayList<>();
        for (Arrival arrival : arrivals) {
            if (!earlier.containsKey(arrival.itemNo())) {
                decisions.add(new Decision(arrival));
            }
        }
        Map<String, Known> known = known(decisions.stream().filter(decision -> decision.arrival.entersLedger())
                .map(decision -> decision.arrival.emailKey()).distinct().toList());
        Map<String, Decision> owners = decide(decisions, known, readmitOffboarded);
        offboard(decisions.stream().filter(decision -> decision.arrival.removal()).toList());
        List<Decision> lost = writeRows(owners);
        if (!lost.isEmpty()) {
            // another writer took these emails between the read and the write: they are duplicates after all
            Map<String, Known> now = known(lost.stream().map(decision -> decision.arrival.emailKey()).toList());
            lost.forEach(decision -> {
                owners.remove(decision.arrival.emailKey());
                known.put(decision.arrival.emailKey(), now.get(decision.arrival.emailKey()));
            });
        }
        explainDuplicates(decisions, owners, known);
        Map<Long, ItemOutcome> written = writeLines(decisions);
        List<ItemOutcome> outcomes = new ArrayList<>(arrivals.size());
        for (Arrival arrival : arrivals) {
            outcomes.add(earlier.getOrDefault(arrival.itemNo(), written.get(arrival.itemNo())));
        }
        return outcomes;
    }

    /** The first signup of each email in the part owns its row, unless the ledger already has one. */
    private static Map<String, Decision> decide(List<Decision> decisions, Map<String, Known> known,
                                                boolean readmitOffboarded) {
        Map<String, Decision> owners = new LinkedHashMap<>();
        for (Decision decision : decisions) {
            Arrival arrival = decision.arrival;
            if (arrival.removal()) {
                continue;
            }
            if (!arrival.entersLedger()) {
                decision.outcome = arrival.signup() == null ? ItemOutcome.INVALID : ItemOutcome.REJECTED;
                continue;
            }
            boolean rejected = arrival.userClass() == UserClass.REJECTED;
            Known row = known.get(arrival.emailKey());
            if (owners.containsKey(arrival.emailKey())) {
                decision.outcome = ItemOutcome.DUPLICATE;
            } else if (row == null) {
                decision.ownsRow = true;
                decision.outcome = rejected ? ItemOutcome.REJECTED : ItemOutcome.PENDING;
                owners.put(arrival.emailKey(), decision);
            } else if (!rejected && (LedgerStatus.RESTARTABLE.contains(row.status())
                                     || readmitOffboarded && row.status() == LedgerStatus.OFFBOARDED)) {
                // a failure being replayed, or a dry run being made real: the new signup takes the row over
                decision.ownsRow = true;
                decision.restart = true;
                decision.outcome = ItemOutcome.PENDING;
                owners.put(arrival.emailKey(), decision);
            } else {
                decision.outcome = ItemOutcome.DUPLICATE;
            }
        }
        return owners;
    }

    private static void explainDuplicates(List<Decision> decisions, Map<String, Decision> owners,
                                          Map<String, Known> known) {
        for (Decision decision : decisions) {
            String key = decision.arrival.emailKey();
            Decision owner = key == null ? null : owners.get(key);
            if (owner == decision || decision.arrival.removal()) {
                continue;
            }
            if (owner != null) {
                decision.outcome = ItemOutcome.DUPLICATE;
                decision.reason = "already " + (owner.outcome == ItemOutcome.REJECTED ? LedgerStatus.REJECTED
                        : LedgerStatus.RECEIVED) + " from " + owner.arrival.signup().source() + " "
                                  + owner.arrival.sourceRef();
            } else if (key != null && decision.arrival.entersLedger()) {
                Known row = known.get(key);
                decision.outcome = ItemOutcome.DUPLICATE;
                decision.reason = row.duplicateReason();
                if (AttributeSync.FOLLOWS.contains(row.status())
                    && !AttributeSync.changes(row.applied(), decision.arrival.signup().attributes()).isEmpty()) {
                    // the line waits while the new values are applied in Retool (UPDATED), see AttributeSync
                    decision.outcome = ItemOutcome.PENDING;
                    decision.syncAttributes = true;
                } else if (AttributeSync.FOLLOWS.contains(row.status())) {
                    // nothing to apply, but groups asked for are not silently dropped: the line says they cannot be
                    decision.reason += AttributeSync.groupsNotApplied(row.status(), row.groups(),
                            decision.arrival.signup().groups());
                }
            }
        }
    }

    private Map<Long, ItemOutcome> earlierOutcomes(List<Arrival> arrivals) throws SQLException {
        long first = arrivals.stream().mapToLong(Arrival::itemNo).min().orElseThrow();
        long last = arrivals.stream().mapToLong(Arrival::itemNo).max().orElseThrow();
        Map<Long, ItemOutcome> outcomes = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT item_no, outcome FROM signup_batch_item WHERE batch_id = ? AND item_no BETWEEN ? AND ?")) {
            select.setString(1, batchId);
            select.setLong(2, first);
            select.setLong(3, last);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    outcomes.put(rows.getLong(1), ItemOutcome.valueOf(rows.getString(2)));
                }
            }
        }
        return outcomes;
    }

    private Map<String, Known> known(List<String> keys) throws SQLException {
        Map<String, Known> known = new HashMap<>();
        Rows.forKeys(connection, "SELECT email_key, status, source, source_ref, applied_attributes, signup_json "
                                 + "FROM signup_ledger WHERE email_key IN",
                keys, row -> {
                    // the owning signup: the attributes and the groups its invite was sent with
                    Signup owner = row.getString(6) == null ? null : SignupJson.read(row.getString(6));
                    known.put(row.getString(1), new Known(LedgerStatus.valueOf(row.getString(2)), row.getString(3),
                            row.getString(4), AttributeSync.applied(row.getString(5), owner),
                            owner == null ? List.of() : owner.groups()));
                });
        return known;
    }

    /** Inserts the new rows and takes over the restartable ones; answers the owners another writer beat. */
    private List<Decision> writeRows(Map<String, Decision> owners) throws SQLException {
        List<Decision> inserts = owners.values().stream().filter(decision -> !decision.restart).toList();
        List<Decision> restarts = owners.values().stream().filter(decision -> decision.restart).toList();
        List<Decision> lost = new ArrayList<>();
        if (!inserts.isEmpty()) {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO signup_ledger (email_key, user_class, status, attempts, last_error, source, "
                    + "source_ref, signup_json, created_at, updated_at, owner_batch, owner_item) "
                    + "VALUES (?, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
                for (Decision decision : inserts) {
                    Arrival arrival = decision.arrival;
                    boolean rejected = decision.outcome == ItemOutcome.REJECTED;
                    insert.setString(1, arrival.emailKey());
                    insert.setString(2, arrival.userClass().name());
                    insert.setString(3, (rejected ? LedgerStatus.REJECTED : LedgerStatus.RECEIVED).name());
                    insert.setString(4, rejected ? fit(arrival.reason(), TEXT_LENGTH) : null);
                    insert.setString(5, arrival.signup().source().name());
                    insert.setString(6, fit(arrival.sourceRef(), REF_LENGTH));
                    insert.setString(7, SignupJson.write(arrival.signup()));
                    insert.setObject(8, Rows.time(now));
                    insert.setObject(9, Rows.time(now));
                    insert.setString(10, batchId);
                    insert.setLong(11, arrival.itemNo());
                    insert.addBatch();
                }
                collectLost(insert.executeBatch(), inserts, lost);
            }
        }
        if (!restarts.isEmpty()) {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE signup_ledger SET status = ?, user_class = ?, source = ?, source_ref = ?, signup_json = ?, "
                    + "last_error = NULL, updated_at = ?, owner_batch = ?, owner_item = ? "
                    + "WHERE email_key = ? AND status IN (?, ?, ?)")) {
                for (Decision decision : restarts) {
                    Arrival arrival = decision.arrival;
                    update.setString(1, LedgerStatus.RECEIVED.name());
                    update.setString(2, arrival.userClass().name());
                    update.setString(3, arrival.signup().source().name());
                    update.setString(4, fit(arrival.sourceRef(), REF_LENGTH));
                    update.setString(5, SignupJson.write(arrival.signup()));
                    update.setObject(6, Rows.time(now));
                    update.setString(7, batchId);
                    update.setLong(8, arrival.itemNo());
                    update.setString(9, arrival.emailKey());
                    update.setString(10, LedgerStatus.FAILED.name());
                    update.setString(11, LedgerStatus.WOULD_INVITE.name());
                    update.setString(12, readmitOffboarded ? LedgerStatus.OFFBOARDED.name()
                            : LedgerStatus.WOULD_INVITE.name());
                    update.addBatch();
                }
                collectLost(update.executeBatch(), restarts, lost);
            }
        }
        return lost;
    }

    /**
     * Removal items record the intent to offboard their person in the same transaction as the batch's lines, so an
     * acknowledged removal is never lost; the offboarding sweeper then takes their access away in Retool.
     */
    private void offboard(List<Decision> removals) throws SQLException {
        for (Decision decision : removals) {
            Arrival arrival = decision.arrival;
            if (arrival.emailKey() == null) {
                decision.outcome = ItemOutcome.INVALID;
                decision.reason = "a removal needs a valid email: " + arrival.reason();
                continue;
            }
            String by = arrival.signup().source().name().toLowerCase(java.util.Locale.ROOT) + " "
                        + arrival.sourceRef();
            AccessLedger.Start start = AccessLedger.start(connection, arrival.emailKey(), by, "removal requested",
                    now);
            decision.outcome = start == AccessLedger.Start.STARTED || start == AccessLedger.Start.ALREADY
                    ? ItemOutcome.OFFBOARDED : ItemOutcome.INVALID;
            decision.reason = switch (start) {
                case STARTED -> "removal requested: access is being taken away";
                case ALREADY -> "removal requested: already offboarded";
                case BUSY -> "removal not done: an invite call for this person is in flight; send it again";
                case UNKNOWN -> "removal not done: the ledger does not know this person";
            };
        }
    }

    private static void collectLost(int[] counts, List<Decision> decisions, List<Decision> lost) {
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] == 0) {
                lost.add(decisions.get(i));
            }
        }
    }

    /**
     * Writes one line per new item; a line another writer of the same batch got to first keeps that writer's
     * outcome (the same file read by two nodes at once, say).
     */
    private Map<Long, ItemOutcome> writeLines(List<Decision> decisions) throws SQLException {
        Map<Long, ItemOutcome> outcomes = new HashMap<>();
        if (decisions.isEmpty()) {
            return outcomes;
        }
        int[] counts;
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO signup_batch_item (batch_id, item_no, source_ref, email, email_key, user_class, "
                + "outcome, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
            for (Decision decision : decisions) {
                Arrival arrival = decision.arrival;
                insert.setString(1, batchId);
                insert.setLong(2, arrival.itemNo());
                insert.setString(3, fit(arrival.sourceRef(), REF_LENGTH));
                insert.setString(4, fit(arrival.email(), EMAIL_LENGTH));
                insert.setString(5, arrival.emailKey());
                insert.setString(6, arrival.userClass() == null ? null : arrival.userClass().name());
                insert.setString(7, decision.outcome.name());
                insert.setString(8, fit(decision.reason, TEXT_LENGTH));
                insert.addBatch();
            }
            counts = insert.executeBatch();
        }
        List<Arrival> taken = new ArrayList<>();
        long waiting = 0;
        for (int i = 0; i < counts.length; i++) {
            // someone known whose new attributes are to be applied is a duplicate to the caller (no one new to
            // invite), though their line waits for the update
            outcomes.put(decisions.get(i).arrival.itemNo(), decisions.get(i).syncAttributes ? ItemOutcome.DUPLICATE
                    : decisions.get(i).outcome);
            if (counts[i] == 0) {
                taken.add(decisions.get(i).arrival);
            } else if (decisions.get(i).outcome == ItemOutcome.PENDING) {
                waiting++;
            }
        }
        if (!taken.isEmpty()) {
            outcomes.putAll(earlierOutcomes(taken));
        }
        List<Arrival> toSync = new ArrayList<>();
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] > 0 && decisions.get(i).syncAttributes) {
                toSync.add(decisions.get(i).arrival);
            }
        }
        AttributeSync.queue(connection, batchId, toSync, now);
        // the lines this writer wrote waiting for their rows (a line another writer got to first is its to count)
        BatchCounts.addUnsettled(connection, Map.of(batchId, waiting));
        return outcomes;
    }
}
