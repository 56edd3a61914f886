package io.camelretool.example.routes;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/** What the route-level tests do to their in-memory ledger. */
final class RouteTestLedgers {

    private RouteTestLedgers() {
    }

    /**
     * Takes the ledger's tables away: from then on every ledger call fails with the SQL error a database that cannot
     * be reached gives (a {@code LedgerException}), which the routes answer with their 503.
     */
    static void breakLedger(DataSource ledger) throws SQLException {
        try (Connection connection = ledger.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("DROP ALL OBJECTS");
        }
    }
}
