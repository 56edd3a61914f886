package io.camelretool.example.ledger;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import javax.sql.DataSource;

import io.camelretool.example.testing.TestPostgres;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The ledger's cases on PostgreSQL, the database several nodes share: a real server, a fresh database per case. */
class PostgresLedgerTest extends LedgerTest {

    @Override
    DataSource dataSource() {
        return LedgerDataSource.forUrl(TestPostgres.newDatabase(), "", "");
    }

    @Test
    void nodesStartingTogetherOnAnEmptyDatabaseAllGetTheirTables() {
        for (int round = 0; round < 5; round++) {
            DataSource fresh = dataSource();
            List<CompletableFuture<Void>> nodes = IntStream.range(0, 4).mapToObj(node -> CompletableFuture.runAsync(
                    () -> new Ledger(fresh, Clock.systemUTC()).createSchema())).toList();

            CompletableFuture.allOf(nodes.toArray(CompletableFuture[]::new)).join();

            assertThat(new Ledger(fresh, Clock.systemUTC()).find("nobody@example.com")).isEmpty();
        }
    }
}
