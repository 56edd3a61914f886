package io.camelretool.example.ledger;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The ledger's tables, created at start when missing. Plain SQL types only, so the same statements run on the
 * embedded H2 database and on PostgreSQL.
 */
final class LedgerSchema {

    static final int EMAIL_LENGTH = 320;
    static final int TEXT_LENGTH = 2000;
    static final int REF_LENGTH = 500;
    static final int KEY_LENGTH = 600;

    private static final List<String> STATEMENTS = List.of("""
            CREATE TABLE IF NOT EXISTS signup_ledger (
                email_key VARCHAR(320) NOT NULL PRIMARY KEY,
                user_class VARCHAR(20) NOT NULL,
                status VARCHAR(20) NOT NULL,
                invite_id BIGINT,
                invite_expires_at TIMESTAMP WITH TIME ZONE,
                attempts INTEGER NOT NULL,
                last_error VARCHAR(2000),
                source VARCHAR(20) NOT NULL,
                source_ref VARCHAR(500),
                signup_json VARCHAR(200000) NOT NULL,
                created_at TIMESTAMP WITH TIME ZONE NOT NULL,
                updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
                claimed_at TIMESTAMP WITH TIME ZONE)""",
            // the pipeline's queue, oldest first (and the rows of any one status); today's claimed seats
            "CREATE INDEX IF NOT EXISTS signup_ledger_queue ON signup_ledger (status, created_at, email_key)",
            "CREATE INDEX IF NOT EXISTS signup_ledger_by_claim ON signup_ledger (claimed_at)",
            // every index costs each status change a write; this one served nothing the queue index does not
            "DROP INDEX IF EXISTS signup_ledger_by_status",
            """
            CREATE TABLE IF NOT EXISTS signup_batch (
                batch_id VARCHAR(100) NOT NULL PRIMARY KEY,
                source VARCHAR(20) NOT NULL,
                source_name VARCHAR(500) NOT NULL,
                created_at TIMESTAMP WITH TIME ZONE NOT NULL,
                closed_at TIMESTAMP WITH TIME ZONE,
                reported_at TIMESTAMP WITH TIME ZONE)""",
            // ledgers made before batches had a resume key get the column; their batches are simply never resumed
            "ALTER TABLE signup_batch ADD COLUMN IF NOT EXISTS source_key VARCHAR(600)",
            "CREATE INDEX IF NOT EXISTS signup_batch_by_key ON signup_batch (source, source_key)",
            """
            CREATE TABLE IF NOT EXISTS signup_batch_item (
                batch_id VARCHAR(100) NOT NULL,
                item_no BIGINT NOT NULL,
                source_ref VARCHAR(500),
                email VARCHAR(320),
                email_key VARCHAR(320),
                user_class VARCHAR(20),
                outcome VARCHAR(20) NOT NULL,
                reason VARCHAR(2000),
                PRIMARY KEY (batch_id, item_no))""",
            // a row names the batch line waiting for it, and a batch counts its lines still waiting, so settling a
            // row rewrites its one line by key and a report is due when the count is 0: no index on the lines but
            // their key has to follow each outcome (a million-row file costs a million fewer index changes)
            "ALTER TABLE signup_ledger ADD COLUMN IF NOT EXISTS owner_batch VARCHAR(100)",
            "ALTER TABLE signup_ledger ADD COLUMN IF NOT EXISTS owner_item BIGINT",
            "ALTER TABLE signup_batch ADD COLUMN IF NOT EXISTS unsettled BIGINT",
            // ledgers made before the counts: their waiting rows and their batches get them once, then the indexes
            // those older ledgers kept for that purpose go
            """
            UPDATE signup_ledger SET (owner_batch, owner_item) = (SELECT i.batch_id, i.item_no FROM signup_batch_item i
                WHERE i.email_key = signup_ledger.email_key AND i.outcome = 'PENDING' FETCH FIRST 1 ROW ONLY)
            WHERE status IN ('RECEIVED', 'SENDING') AND owner_batch IS NULL
                AND EXISTS (SELECT 1 FROM signup_batch WHERE unsettled IS NULL)""",
            """
            UPDATE signup_batch SET unsettled = (SELECT COUNT(*) FROM signup_batch_item i
                WHERE i.batch_id = signup_batch.batch_id AND i.outcome = 'PENDING')
            WHERE unsettled IS NULL""",
            "DROP INDEX IF EXISTS signup_batch_item_by_email",
            "DROP INDEX IF EXISTS signup_batch_item_by_outcome",
            // a WAITING row's next attempt, and since when it has been failing (for the give-up); older ledgers get
            // the columns empty, which is right: none of their rows waits
            "ALTER TABLE signup_ledger ADD COLUMN IF NOT EXISTS next_attempt_at TIMESTAMP WITH TIME ZONE",
            "ALTER TABLE signup_ledger ADD COLUMN IF NOT EXISTS waiting_since TIMESTAMP WITH TIME ZONE",
            // the operator console's audit trail: who did what, when, to whom, and what came of it
            """
            CREATE TABLE IF NOT EXISTS console_audit (
                audit_id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
                acted_at TIMESTAMP WITH TIME ZONE NOT NULL,
                actor VARCHAR(100) NOT NULL,
                action VARCHAR(50) NOT NULL,
                target VARCHAR(2000),
                outcome VARCHAR(2000))""",
            // people an operator let past the daily cap, for the day they were let through
            """
            CREATE TABLE IF NOT EXISTS cap_override (
                email_key VARCHAR(320) NOT NULL,
                granted_on DATE NOT NULL,
                granted_by VARCHAR(100) NOT NULL,
                granted_at TIMESTAMP WITH TIME ZONE NOT NULL,
                PRIMARY KEY (email_key, granted_on))""",
            // the replay store (Deliveries): each outside delivery once, with the answer it got, until it expires
            """
            CREATE TABLE IF NOT EXISTS delivery_record (
                source VARCHAR(40) NOT NULL,
                delivery_key VARCHAR(200) NOT NULL,
                answer_status INTEGER,
                answer_body VARCHAR(200000),
                expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
                PRIMARY KEY (source, delivery_key))""",
            "CREATE INDEX IF NOT EXISTS delivery_record_by_expiry ON delivery_record (expires_at)",
            // after the invite (issue 12): who joined and as which user, how often an expired invite was renewed, the
            // invite a renewal under way revokes, and the attributes last applied in Retool; the lifecycle finds a
            // row by the invite Retool reports on
            "ALTER TABLE signup_ledger ADD COLUMN IF NOT EXISTS user_id VARCHAR(100)",
            "ALTER TABLE signup_ledger ADD COLUMN IF NOT EXISTS joined_at TIMESTAMP WITH TIME ZONE",
            "ALTER TABLE signup_ledger ADD COLUMN IF NOT EXISTS renewals INTEGER DEFAULT 0 NOT NULL",
            "ALTER TABLE signup_ledger ADD COLUMN IF NOT EXISTS renewing_invite_id BIGINT",
            "ALTER TABLE signup_ledger ADD COLUMN IF NOT EXISTS applied_attributes VARCHAR(200000)",
            "CREATE INDEX IF NOT EXISTS signup_ledger_by_invite ON signup_ledger (invite_id)",
            // the read API pages people newest first
            "CREATE INDEX IF NOT EXISTS signup_ledger_by_update ON signup_ledger (updated_at, email_key)",
            // a later signup whose attributes differ waits here, its batch line PENDING, until they are applied
            """
            CREATE TABLE IF NOT EXISTS attribute_sync (
                batch_id VARCHAR(100) NOT NULL,
                item_no BIGINT NOT NULL,
                email_key VARCHAR(320) NOT NULL,
                signup_json VARCHAR(200000) NOT NULL,
                created_at TIMESTAMP WITH TIME ZONE NOT NULL,
                PRIMARY KEY (batch_id, item_no))""");

    private LedgerSchema() {
    }

    /** Any number, the same on every node: the key of the PostgreSQL lock that lets one node at a time change tables. */
    private static final long SCHEMA_LOCK = 0x7265746f6f6cL;

    static void create(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            if (connection.getMetaData().getDatabaseProductName().equals("PostgreSQL")) {
                // nodes starting together would each take the tables' exclusive locks in their own order and deadlock;
                // with this lock, held until the transaction ends, they change the tables one after another
                statement.execute("SELECT pg_advisory_xact_lock(" + SCHEMA_LOCK + ")");
            }
            for (String sql : STATEMENTS) {
                statement.execute(sql);
            }
        }
    }

    /** Cuts free text to a column's size: a long reason is still worth keeping in part. */
    static String fit(String text, int length) {
        return text == null || text.length() <= length ? text : text.substring(0, length - 1) + "…";
    }
}
