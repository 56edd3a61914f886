package io.camelretool.example.ledger;

import javax.sql.DataSource;

import io.camelretool.example.testing.TestPostgres;

/** The console's ledger queries on PostgreSQL, the database several nodes share. */
class PostgresLedgerQueriesTest extends LedgerQueriesTest {

    @Override
    DataSource dataSource() {
        return LedgerDataSource.forUrl(TestPostgres.newDatabase(), "", "");
    }
}
