package io.camelretool.example.ledger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The replay store: what was answered to each delivery an outside sender made (a signed webhook request; the event id
 * of a payment or form provider), kept in the ledger so that every node and every later start of the application sees
 * it. A delivery seen before gets its first answer again and does nothing more; a delivery is remembered until its
 * expiry (for a signed request, the end of its signature's window, after which the signature is refused anyway).
 * The claim of a delivery and the work it causes are one transaction: of two copies racing on two nodes, one does the
 * work and the other finds its answer.
 */
public final class Deliveries {

    /** A delivery: who sent it ({@code WEBHOOK}, {@code STRIPE}...), its key within that source, and its expiry. */
    public record Delivery(String source, String key, Instant expiresAt) {
    }

    /** What a delivery was answered: an HTTP status and body. */
    public record Answer(int status, String body) {
    }

    static final int SOURCE_LENGTH = 40;
    static final int KEY_LENGTH = 200;
    static final int BODY_LENGTH = 200_000;

    private final Transactions transactions;
    private final Clock clock;

    public Deliveries(DataSource dataSource, Clock clock) {
        this.transactions = new Transactions(dataSource);
        this.clock = clock;
    }

    /** The answer a delivery got the first time, if it was seen before (and not yet forgotten). */
    public Optional<Answer> answered(String source, String key) {
        return transactions.inTransaction(connection -> answered(connection, source, key));
    }

    static Optional<Answer> answered(Connection connection, String source, String key) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT answer_status, answer_body FROM delivery_record WHERE source = ? AND delivery_key = ? "
                + "AND answer_status IS NOT NULL")) {
            select.setString(1, source);
            select.setString(2, key);
            return Rows.first(select, row -> new Answer(row.getInt(1), row.getString(2)));
        }
    }

    /**
     * Claims a delivery inside the caller's transaction: true when it is new (the caller does its work and then
     * {@link #record}s the answer, both committed together), false when another transaction has it.
     */
    static boolean claim(Connection connection, Delivery delivery) throws SQLException {
        if (delivery.key().length() > KEY_LENGTH || delivery.source().length() > SOURCE_LENGTH) {
            throw new IllegalArgumentException("a delivery key is at most " + KEY_LENGTH + " characters");
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO delivery_record (source, delivery_key, expires_at) VALUES (?, ?, ?) "
                + "ON CONFLICT DO NOTHING")) {
            insert.setString(1, delivery.source());
            insert.setString(2, delivery.key());
            insert.setObject(3, Rows.time(delivery.expiresAt()));
            return insert.executeUpdate() == 1;
        }
    }

    static void record(Connection connection, Delivery delivery, Answer answer) throws SQLException {
        if (answer.body().length() > BODY_LENGTH) {
            throw new IllegalArgumentException("an answer to remember is at most " + BODY_LENGTH + " characters");
        }
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE delivery_record SET answer_status = ?, answer_body = ? WHERE source = ? AND delivery_key = ?")) {
            update.setInt(1, answer.status());
            update.setString(2, answer.body());
            update.setString(3, delivery.source());
            update.setString(4, delivery.key());
            update.executeUpdate();
        }
    }

    /**
     * Forgets deliveries expired longer ago than {@code grace} (room for nodes whose clocks differ a little).
     *
     * @return how many were forgotten
     */
    public int forgetExpired(Duration grace) {
        return transactions.inTransaction(connection -> {
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM delivery_record WHERE expires_at < ?")) {
                delete.setObject(1, Rows.time(clock.instant().minus(grace)));
                return delete.executeUpdate();
            }
        });
    }
}
