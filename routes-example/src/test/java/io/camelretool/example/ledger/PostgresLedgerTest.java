package io.camelretool.example.ledger;

import java.sql.Connection;
import java.sql.Statement;
import javax.sql.DataSource;

import org.junit.jupiter.api.Assumptions;

/**
 * The ledger's cases on PostgreSQL, the database several nodes share. Runs when {@code LEDGER_TEST_POSTGRES_URL}
 * names a throwaway database (its ledger tables are dropped before each case); skipped otherwise.
 */
class PostgresLedgerTest extends LedgerTest {

    @Override
    DataSource dataSource() throws Exception {
        String url = System.getenv("LEDGER_TEST_POSTGRES_URL");
        Assumptions.assumeTrue(url != null && !url.isBlank(), "LEDGER_TEST_POSTGRES_URL is not set");
        DataSource postgres = LedgerDataSource.forUrl(url, System.getenv("LEDGER_TEST_POSTGRES_USER"),
                System.getenv("LEDGER_TEST_POSTGRES_PASSWORD"));
        try (Connection connection = postgres.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS signup_batch_item, signup_batch, signup_ledger");
        }
        return postgres;
    }
}
