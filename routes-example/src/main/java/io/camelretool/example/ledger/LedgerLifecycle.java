package io.camelretool.example.ledger;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

import io.camelretool.component.classify.UserClass;

import static io.camelretool.example.ledger.LedgerSchema.TEXT_LENGTH;
import static io.camelretool.example.ledger.LedgerSchema.fit;

/**
 * The ledger after the invite: what Retool's invites say became of each person (joined, expired, revoked, vanished)
 * and the renewal of expired invites. Every change is a conditional update on the row's status, so what two nodes
 * (or a late event) do at once is done once; a row is found by the invite Retool reports on.
 */
public final class LedgerLifecycle {

    private final Transactions transactions;
    private final Clock clock;

    public LedgerLifecycle(DataSource dataSource, Clock clock) {
        this.transactions = new Transactions(dataSource);
        this.clock = clock;
    }

    /** The invite was claimed: its row is JOINED with the user's id. @return whether a row changed */
    public boolean joined(long inviteId, String userId, Instant joinedAt) {
        return update("UPDATE signup_ledger SET status = 'JOINED', user_id = ?, joined_at = ?, last_error = NULL, "
                      + "updated_at = ? WHERE invite_id = ? AND status IN ('INVITED', 'ALREADY_INVITED', 'EXPIRED', "
                      + "'REVOKED', 'VANISHED')", statement -> {
            statement.setString(1, fit(userId, 100));
            statement.setObject(2, Rows.time(joinedAt == null ? clock.instant() : joinedAt));
            statement.setObject(3, Rows.time(clock.instant()));
            statement.setLong(4, inviteId);
        });
    }

    /** The invite's seven days passed unclaimed. @return whether a row changed */
    public boolean expired(long inviteId) {
        return moved(inviteId, LedgerStatus.EXPIRED, "the invite expired unclaimed", "'INVITED', 'ALREADY_INVITED'");
    }

    /** Gone, not by this application. @return whether a row changed */
    public boolean revoked(long inviteId) {
        return moved(inviteId, LedgerStatus.REVOKED, "the invite was revoked in Retool, not by this application",
                "'INVITED', 'ALREADY_INVITED', 'EXPIRED'");
    }

    /**
     * Revoked by this application at an operator's word (the console): the same move as {@link #revoked}, with the
     * operator's reason. @return whether a row changed
     */
    public boolean revokedByOperator(long inviteId, String reason) {
        return moved(inviteId, LedgerStatus.REVOKED, reason, "'INVITED', 'ALREADY_INVITED', 'EXPIRED'");
    }

    /** Gone before expiring where claimed invites are not listed. @return whether a row changed */
    public boolean vanished(long inviteId) {
        return moved(inviteId, LedgerStatus.VANISHED, "the invite left Retool's list before expiring: accepted or "
                                                      + "revoked, Retool's API cannot tell which",
                "'INVITED', 'ALREADY_INVITED'");
    }

    private boolean moved(long inviteId, LedgerStatus to, String reason, String fromList) {
        return update("UPDATE signup_ledger SET status = ?, last_error = ?, updated_at = ? WHERE invite_id = ? "
                      + "AND status IN (" + fromList + ")", statement -> {
            statement.setString(1, to.name());
            statement.setString(2, reason);
            statement.setObject(3, Rows.time(clock.instant()));
            statement.setLong(4, inviteId);
        });
    }

    /**
     * Rows to renew, oldest first: EXPIRED ones that were renewed fewer than {@code maxRenewals} times, and RENEWING
     * ones left by a node that stopped part way (not touched since {@code staleBefore}).
     */
    public List<LedgerEntry> renewable(int maxRenewals, Instant staleBefore, int limit) {
        return transactions.inTransaction(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT " + Rows.ENTRY_COLUMNS
                    + " FROM signup_ledger WHERE (status = 'EXPIRED' AND renewals < ?) "
                    + "OR (status = 'RENEWING' AND updated_at < ?) ORDER BY updated_at, email_key")) {
                select.setInt(1, maxRenewals);
                select.setObject(2, Rows.time(staleBefore));
                select.setMaxRows(limit);
                return Rows.all(select, Rows::entry);
            }
        });
    }

    /**
     * Claims a row for its renewal, recording the intent (RENEWING, and the invite to revoke) before anything is
     * revoked. Of two nodes claiming at once one wins; a RENEWING row is taken over only when stale.
     *
     * @return whether this caller won the row
     */
    public boolean claimRenewal(LedgerEntry entry, int maxRenewals, Instant staleBefore) {
        if (entry.inviteId() == null) {
            return false;
        }
        return update("UPDATE signup_ledger SET status = 'RENEWING', renewing_invite_id = COALESCE(renewing_invite_id, "
                      + "invite_id), updated_at = ? WHERE email_key = ? AND invite_id = ? AND renewals < ? AND "
                      + "(status = 'EXPIRED' OR (status = 'RENEWING' AND updated_at < ?))", statement -> {
            statement.setObject(1, Rows.time(clock.instant()));
            statement.setString(2, entry.emailKey());
            statement.setLong(3, entry.inviteId());
            statement.setInt(4, maxRenewals);
            statement.setObject(5, Rows.time(staleBefore));
        });
    }

    /**
     * Claims one person's row for a renewal an operator asked for (the console): like {@link #claimRenewal}, but from
     * any status with an invite to replace (pending, expired, revoked, vanished) and whatever MAX_INVITE_RENEWALS says;
     * a RENEWING row only when stale. Only while the row still holds {@code inviteId}: the invite the operator saw,
     * so a second click, once it is renewed, finds it gone.
     *
     * @return whether this caller won the row
     */
    public boolean claimRenewalNow(String emailKey, long inviteId, Instant staleBefore) {
        return update("UPDATE signup_ledger SET status = 'RENEWING', renewing_invite_id = COALESCE(renewing_invite_id, "
                      + "invite_id), updated_at = ? WHERE email_key = ? AND invite_id = ? AND (status IN "
                      + "('INVITED', 'ALREADY_INVITED', 'EXPIRED', 'REVOKED', 'VANISHED') "
                      + "OR (status = 'RENEWING' AND updated_at < ?))", statement -> {
            statement.setObject(1, Rows.time(clock.instant()));
            statement.setString(2, emailKey);
            statement.setLong(3, inviteId);
            statement.setObject(4, Rows.time(staleBefore));
        });
    }

    /** The renewal's invite is in Retool: the row is INVITED again, one renewal more. */
    public boolean renewed(String emailKey, long newInviteId, Instant expiresAt) {
        return update("UPDATE signup_ledger SET status = 'INVITED', invite_id = ?, invite_expires_at = ?, "
                      + "renewals = renewals + 1, renewing_invite_id = NULL, last_error = NULL, updated_at = ? "
                      + "WHERE email_key = ? AND status = 'RENEWING'", statement -> {
            statement.setLong(1, newInviteId);
            statement.setObject(2, Rows.time(expiresAt));
            statement.setObject(3, Rows.time(clock.instant()));
            statement.setString(4, emailKey);
        });
    }

    /** While renewing, Retool showed the person has an account: JOINED, nothing renewed. */
    public boolean joinedWhileRenewing(String emailKey, String userId) {
        return update("UPDATE signup_ledger SET status = 'JOINED', user_id = ?, joined_at = ?, "
                      + "renewing_invite_id = NULL, updated_at = ? WHERE email_key = ? AND status = 'RENEWING'",
                statement -> {
                    statement.setString(1, fit(userId, 100));
                    statement.setObject(2, Rows.time(clock.instant()));
                    statement.setObject(3, Rows.time(clock.instant()));
                    statement.setString(4, emailKey);
                });
    }

    /** The renewal failed; the row stays RENEWING with the reason and is taken up again once stale. */
    public boolean renewalFailed(String emailKey, String reason) {
        return update("UPDATE signup_ledger SET last_error = ? WHERE email_key = ? AND status = 'RENEWING'",
                statement -> {
                    statement.setString(1, fit(reason, TEXT_LENGTH));
                    statement.setString(2, emailKey);
                });
    }

    /** The invite a RENEWING row is revoking, or empty. */
    public Optional<Long> renewingInvite(String emailKey) {
        return transactions.inTransaction(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT renewing_invite_id FROM signup_ledger WHERE email_key = ? AND status = 'RENEWING'")) {
                select.setString(1, emailKey);
                // invite ids are positive; a NULL column reads as 0
                return Rows.first(select, row -> row.getLong(1)).filter(id -> id > 0);
            }
        });
    }

    private static final String PERSON_COLUMNS = Rows.ENTRY_COLUMNS
                                                 + ", source, user_id, joined_at, renewals, applied_attributes, "
                                                 + AccessLedger.COLUMNS;

    /** The person with this email key, if the ledger knows them. */
    public Optional<Person> person(String emailKey) {
        return transactions.inTransaction(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT " + PERSON_COLUMNS + " FROM signup_ledger WHERE email_key = ?")) {
                select.setString(1, emailKey);
                return Rows.first(select, LedgerLifecycle::person);
            }
        });
    }

    /**
     * People newest first (by last change, then email), filtered; {@code after} continues a page from the last
     * person of the one before.
     *
     * @param status null for any
     * @param userClass null for any
     * @param updatedSince null for any time
     * @param after null for the first page, else the (updated at, email) of the last person read
     */
    public List<Person> people(LedgerStatus status, UserClass userClass, Instant updatedSince, PageMark after,
                               int limit) {
        StringBuilder sql = new StringBuilder("SELECT " + PERSON_COLUMNS + " FROM signup_ledger WHERE 1 = 1");
        List<Object> values = new ArrayList<>();
        if (status != null) {
            sql.append(" AND status = ?");
            values.add(status.name());
        }
        if (userClass != null) {
            sql.append(" AND user_class = ?");
            values.add(userClass.name());
        }
        if (updatedSince != null) {
            sql.append(" AND updated_at >= ?");
            values.add(Rows.time(updatedSince));
        }
        if (after != null) {
            sql.append(" AND (updated_at < ? OR (updated_at = ? AND email_key < ?))");
            values.add(Rows.time(after.updatedAt()));
            values.add(Rows.time(after.updatedAt()));
            values.add(after.emailKey());
        }
        sql.append(" ORDER BY updated_at DESC, email_key DESC");
        return transactions.inTransaction(connection -> {
            try (PreparedStatement select = connection.prepareStatement(sql.toString())) {
                for (int i = 0; i < values.size(); i++) {
                    select.setObject(i + 1, values.get(i));
                }
                select.setMaxRows(limit);
                return Rows.all(select, LedgerLifecycle::person);
            }
        });
    }

    /** Where a page of people stopped: the last person's last change and email key. */
    public record PageMark(Instant updatedAt, String emailKey) {
    }

    /**
     * The seats by class and status, and today's new external seats against the daily cap; Embed users and offboarded
     * accounts still active in Retool counted apart (see {@link SeatKind}).
     */
    public Seats seats(int newExternalSeatsToday) {
        return transactions.inTransaction(connection -> {
            Map<UserClass, Long> joined = new EnumMap<>(UserClass.class);
            Map<UserClass, Long> pending = new EnumMap<>(UserClass.class);
            Map<UserClass, Long> embed = new EnumMap<>(UserClass.class);
            Map<UserClass, Long> stillActive = new EnumMap<>(UserClass.class);
            // expired, vanished, Embed users with a session, offboardings under way
            long[] others = new long[4];
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT user_class, status, COUNT(*), SUM(CASE WHEN embed_sessions > 0 THEN 1 ELSE 0 END) "
                    + "FROM signup_ledger WHERE status IN ('JOINED', 'ALREADY_USER', 'INVITED', 'ALREADY_INVITED', "
                    + "'SENDING', 'RENEWING', 'EXPIRED', 'VANISHED', 'EMBED_ONLY', 'OFFBOARDING') "
                    + "OR (status = 'OFFBOARDED' AND account_active = TRUE) GROUP BY user_class, status")) {
                Rows.all(select, row -> {
                    UserClass userClass = UserClass.valueOf(row.getString(1));
                    long count = row.getLong(3);
                    switch (LedgerStatus.valueOf(row.getString(2))) {
                        case JOINED, ALREADY_USER -> joined.merge(userClass, count, Long::sum);
                        case EXPIRED -> others[0] += count;
                        case VANISHED -> others[1] += count;
                        case EMBED_ONLY -> {
                            embed.merge(userClass, count, Long::sum);
                            others[2] += row.getLong(4);
                        }
                        case OFFBOARDING -> others[3] += count;
                        case OFFBOARDED -> stillActive.merge(userClass, count, Long::sum);
                        default -> pending.merge(userClass, count, Long::sum);
                    }
                    return null;
                });
            }
            return new Seats(joined, pending, others[0], others[1], newExternalSeatsToday, embed, others[2],
                    stillActive, others[3]);
        });
    }

    private static Person person(ResultSet row) throws SQLException {
        LedgerEntry entry = Rows.entry(row);
        String applied = row.getString(15);
        Map<String, String> attributes = applied != null ? AttributesJson.read(applied) : entry.signup().attributes();
        return new Person(entry.emailKey(), entry.userClass(), entry.status(), row.getString(11), entry.inviteId(),
                entry.inviteExpiresAt(), row.getString(12), Rows.instant(row, 13), row.getInt(14), entry.attempts(),
                entry.lastError(), attributes, entry.createdAt(), entry.updatedAt(), AccessLedger.access(row, 16));
    }

    /** Binds an update's parameters. */
    @FunctionalInterface
    private interface Binder {
        void bind(PreparedStatement statement) throws java.sql.SQLException;
    }

    private boolean update(String sql, Binder binder) {
        return transactions.inTransaction(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                binder.bind(statement);
                return statement.executeUpdate() > 0;
            }
        });
    }
}
