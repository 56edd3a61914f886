package io.camelretool.example.ledger;

import javax.sql.DataSource;

import io.camelretool.example.testing.TestPostgres;

/** The ledger's cases on PostgreSQL, the database several nodes share: a real server, a fresh database per case. */
class PostgresLedgerTest extends LedgerTest {

    @Override
    DataSource dataSource() {
        return LedgerDataSource.forUrl(TestPostgres.newDatabase(), "", "");
    }
}
