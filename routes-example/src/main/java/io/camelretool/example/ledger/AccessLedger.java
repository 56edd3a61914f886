package io.camelretool.example.ledger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static io.camelretool.example.ledger.LedgerSchema.REF_LENGTH;
import static io.camelretool.example.ledger.LedgerSchema.TEXT_LENGTH;
import static io.camelretool.example.ledger.LedgerSchema.fit;

/**
 * The ledger's record of access beyond invites: the identifier a host application knows a person by, their Embed
 * sessions, and offboarding, whose intent is committed before any Retool call so that a crash part way is finished
 * later rather than leaving access half taken away. Every move is a conditional update, as the pipeline's are.
 */
public final class AccessLedger {

    /** Statuses a person cannot be offboarded from right now: an invite call is in flight (or it is under way). */
    private static final Set<LedgerStatus> NOT_NOW = Set.of(LedgerStatus.SENDING, LedgerStatus.OFFBOARDING,
            LedgerStatus.OFFBOARDED);
    /** What {@link #access(ResultSet, int)} reads, in its order. */
    static final String COLUMNS = "email_key, status, external_id, embed_first_at, embed_last_at, "
                                          + "embed_sessions, offboarded_at, offboarded_by, offboarded_from, "
                                          + "offboard_note, account_active, user_id";

    /** The outcome of binding a host's identifier to a person. */
    public enum Binding {
        /** Bound now, or already bound to this person. */
        BOUND,
        /** The person is bound to a different identifier. */
        PERSON_HAS_ANOTHER,
        /** Another person is bound to this identifier. */
        IDENTIFIER_TAKEN
    }

    /** The outcome of asking to offboard a person. */
    public enum Start {
        /** The intent is recorded: the caller takes access away in Retool, then {@link #finishOffboarding}. */
        STARTED,
        /** Already offboarded, or being offboarded: nothing more to do (the sweeper finishes one left part way). */
        ALREADY,
        /** An invite call for the person is in flight; ask again in a moment. */
        BUSY,
        /** The ledger does not know the person. */
        UNKNOWN
    }

    private final Transactions transactions;
    private final Clock clock;

    AccessLedger(Transactions transactions, Clock clock) {
        this.transactions = transactions;
        this.clock = clock;
    }

    public Optional<PersonAccess> find(String emailKey) {
        return transactions.inTransaction(connection -> find(connection, emailKey));
    }

    private static Optional<PersonAccess> find(Connection connection, String emailKey) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT " + COLUMNS + " FROM signup_ledger WHERE email_key = ?")) {
            select.setString(1, emailKey);
            return Rows.first(select, AccessLedger::access);
        }
    }

    /**
     * Binds the host application's identifier to the person, once: a second identifier for the same person, or an
     * identifier another person has, is refused (either would let one customer into another's Retool session).
     */
    public Binding bind(String emailKey, String externalId) {
        String identifier = fit(externalId, REF_LENGTH);
        return transactions.inTransaction(connection -> {
            try (PreparedStatement owner = connection.prepareStatement(
                    "SELECT email_key FROM signup_ledger WHERE external_id = ?")) {
                owner.setString(1, identifier);
                Optional<String> holder = Rows.first(owner, row -> row.getString(1));
                if (holder.isPresent()) {
                    return holder.get().equals(emailKey) ? Binding.BOUND : Binding.IDENTIFIER_TAKEN;
                }
            }
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE signup_ledger SET external_id = ? WHERE email_key = ? AND external_id IS NULL")) {
                update.setString(1, identifier);
                update.setString(2, emailKey);
                // the unique index refuses a second person the same identifier bound meanwhile by another node
                return update.executeUpdate() == 1 ? Binding.BOUND : Binding.PERSON_HAS_ANOTHER;
            }
        });
    }

    /** Counts an Embed session minted for the person, unless they were offboarded meanwhile. */
    public boolean recordSession(String emailKey) {
        Instant now = clock.instant();
        return transactions.inTransaction(connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE signup_ledger SET embed_sessions = COALESCE(embed_sessions, 0) + 1, "
                    + "embed_first_at = COALESCE(embed_first_at, ?), embed_last_at = ?, updated_at = ? "
                    + "WHERE email_key = ? AND status NOT IN (?, ?)")) {
                update.setObject(1, Rows.time(now));
                update.setObject(2, Rows.time(now));
                update.setObject(3, Rows.time(now));
                update.setString(4, emailKey);
                update.setString(5, LedgerStatus.OFFBOARDING.name());
                update.setString(6, LedgerStatus.OFFBOARDED.name());
                return update.executeUpdate() == 1;
            }
        });
    }

    /**
     * Records the intent to offboard the person, before anything is done in Retool.
     *
     * @param by     who or what asked, for the record
     * @param reason why, when given; may be null
     */
    public Start startOffboarding(String emailKey, String by, String reason) {
        Instant now = clock.instant();
        return transactions.inTransaction(connection -> start(connection, emailKey, by, reason, now));
    }

    /** Records the intent within the caller's transaction (a batch whose items ask for removals). */
    static Start start(Connection connection, String emailKey, String by, String reason, Instant now)
            throws SQLException {
        Optional<PersonAccess> person = find(connection, emailKey);
        if (person.isEmpty()) {
            return Start.UNKNOWN;
        }
        LedgerStatus from = person.get().status();
        if (NOT_NOW.contains(from)) {
            return from == LedgerStatus.SENDING ? Start.BUSY : Start.ALREADY;
        }
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE signup_ledger SET status = ?, offboarded_from = ?, offboarded_by = ?, offboarded_at = ?, "
                + "offboard_note = ?, account_active = NULL, updated_at = ? WHERE email_key = ? AND status = ?")) {
            update.setString(1, LedgerStatus.OFFBOARDING.name());
            update.setString(2, from.name());
            update.setString(3, fit(by, REF_LENGTH));
            update.setObject(4, Rows.time(now));
            update.setString(5, fit(reason, TEXT_LENGTH));
            update.setObject(6, Rows.time(now));
            update.setString(7, emailKey);
            update.setString(8, from.name());
            return update.executeUpdate() == 1 ? Start.STARTED : Start.BUSY;
        }
    }

    /** Offboardings started before {@code before} and never finished: their process stopped part way. */
    public List<PersonAccess> unfinishedOffboardings(Instant before) {
        return transactions.inTransaction(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT " + COLUMNS + " FROM signup_ledger WHERE status = ? AND offboarded_at < ?")) {
                select.setString(1, LedgerStatus.OFFBOARDING.name());
                select.setObject(2, Rows.time(before));
                return Rows.all(select, AccessLedger::access);
            }
        });
    }

    /**
     * Records what the offboarding did. Keeps the note with the row; a batch line still waiting for the row (a
     * person offboarded before the pipeline reached them) takes the outcome, so its batch is reported.
     *
     * @param accountActive see {@link PersonAccess#accountActive()}
     */
    public boolean finishOffboarding(Ledger ledger, LedgerEntry entry, String note, Boolean accountActive) {
        boolean moved = !ledger.settleAll(List.of(new Settlement(entry.emailKey(), Set.of(LedgerStatus.OFFBOARDING),
                LedgerStatus.OFFBOARDED, entry.inviteId(), entry.inviteExpiresAt(), entry.lastError()))).isEmpty();
        if (moved) {
            transactions.inTransaction(connection -> {
                try (PreparedStatement update = connection.prepareStatement(
                        "UPDATE signup_ledger SET offboard_note = ?, account_active = ? WHERE email_key = ?")) {
                    update.setString(1, fit(note, TEXT_LENGTH));
                    update.setObject(2, accountActive, Types.BOOLEAN);
                    update.setString(3, entry.emailKey());
                    return update.executeUpdate();
                }
            });
        }
        return moved;
    }

    /** Reads {@link #COLUMNS} starting at column {@code first} (1 when the select starts with them). */
    static PersonAccess access(ResultSet row, int first) throws SQLException {
        int at = first - 1;
        String from = row.getString(at + 9);
        boolean active = row.getBoolean(at + 11);
        Boolean accountActive = row.wasNull() ? null : active;
        return new PersonAccess(row.getString(at + 1), LedgerStatus.valueOf(row.getString(at + 2)),
                row.getString(at + 3), Rows.instant(row, at + 4), Rows.instant(row, at + 5), row.getInt(at + 6),
                Rows.instant(row, at + 7), row.getString(at + 8), from == null ? null : LedgerStatus.valueOf(from),
                row.getString(at + 10), accountActive, row.getString(at + 12));
    }

    /**
     * An operator lets an offboarded person in again: the row starts over at RECEIVED (the pipeline decides and
     * invites them as a new signup; their host identifier stays bound), with who did it in the offboarding note.
     *
     * @return false when the person is not OFFBOARDED (unknown, never offboarded, re-admitted already, or an
     *         offboarding still under way)
     */
    public boolean readmit(String emailKey, String by, String note) {
        Instant now = clock.instant();
        return transactions.inTransaction(connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE signup_ledger SET status = ?, attempts = 0, last_error = NULL, next_attempt_at = NULL, "
                    + "waiting_since = NULL, owner_batch = NULL, owner_item = NULL, account_active = NULL, "
                    + "offboard_note = ?, updated_at = ? WHERE email_key = ? AND status = ?")) {
                update.setString(1, LedgerStatus.RECEIVED.name());
                update.setString(2, fit("re-admitted by " + by + " at " + now + (note == null ? "" : ": " + note),
                        TEXT_LENGTH));
                update.setObject(3, Rows.time(now));
                update.setString(4, emailKey);
                update.setString(5, LedgerStatus.OFFBOARDED.name());
                return update.executeUpdate() == 1;
            }
        });
    }

    private static PersonAccess access(ResultSet row) throws SQLException {
        return access(row, 1);
    }
}
