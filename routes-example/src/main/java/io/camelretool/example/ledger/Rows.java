package io.camelretool.example.ledger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import io.camelretool.component.classify.UserClass;
import io.camelretool.example.signup.Signup;
import io.camelretool.example.signup.SignupSource;

/** Reading the ledger's rows into its records, and its times to and from the database. */
final class Rows {

    /** The columns {@link #entry} reads, in its order. */
    static final String ENTRY_COLUMNS = "email_key, user_class, status, invite_id, invite_expires_at, attempts, "
                                        + "last_error, signup_json, created_at, updated_at";

    private Rows() {
    }

    /** Maps the current row of a result set. */
    @FunctionalInterface
    interface Mapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    /** Takes in the current row of a result set. */
    @FunctionalInterface
    interface RowReader {
        void read(ResultSet row) throws SQLException;
    }

    /** How many keys one {@code IN (...)} query names. */
    private static final int KEYS_PER_QUERY = 500;

    /**
     * Reads every row a query finds for the keys, a few hundred keys per query however many there are.
     *
     * @param selectIn the query up to its key list: {@code SELECT ... WHERE email_key IN}
     */
    static void forKeys(Connection connection, String selectIn, List<String> keys, RowReader reader)
            throws SQLException {
        for (int start = 0; start < keys.size(); start += KEYS_PER_QUERY) {
            List<String> part = keys.subList(start, Math.min(keys.size(), start + KEYS_PER_QUERY));
            String marks = String.join(", ", Collections.nCopies(part.size(), "?"));
            try (PreparedStatement select = connection.prepareStatement(selectIn + " (" + marks + ")")) {
                for (int i = 0; i < part.size(); i++) {
                    select.setString(i + 1, part.get(i));
                }
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        reader.read(rows);
                    }
                }
            }
        }
    }

    static <T> Optional<T> first(PreparedStatement select, Mapper<T> mapper) throws SQLException {
        try (ResultSet rows = select.executeQuery()) {
            return rows.next() ? Optional.of(mapper.map(rows)) : Optional.empty();
        }
    }

    static <T> List<T> all(PreparedStatement select, Mapper<T> mapper) throws SQLException {
        List<T> all = new ArrayList<>();
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                all.add(mapper.map(rows));
            }
        }
        return all;
    }

    static Batch batch(ResultSet row) throws SQLException {
        return new Batch(row.getString(1), SignupSource.valueOf(row.getString(2)), row.getString(3), instant(row, 4),
                instant(row, 5), instant(row, 6));
    }

    static LedgerEntry entry(ResultSet row) throws SQLException {
        long inviteId = row.getLong(4);
        // asked at once: wasNull() answers for the column read last, and a NULL invite id reads as 0
        Long invite = row.wasNull() ? null : inviteId;
        return new LedgerEntry(row.getString(1), UserClass.valueOf(row.getString(2)),
                LedgerStatus.valueOf(row.getString(3)), invite, instant(row, 5),
                row.getInt(6), row.getString(7), SignupJson.read(row.getString(8)), instant(row, 9), instant(row, 10));
    }

    static BatchLine line(ResultSet row) throws SQLException {
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

    static Instant instant(ResultSet row, int column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static OffsetDateTime time(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
