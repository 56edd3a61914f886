package io.camelretool.example.routes;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.UUID;
import javax.sql.DataSource;

import io.camelretool.component.RetoolComponent;
import io.camelretool.example.ledger.Ledger;
import io.camelretool.example.ledger.LedgerDataSource;
import io.camelretool.sandbox.junit.RetoolSandboxExtension;

/** The in-memory ledger (and the Retool) the route-level tests bind, and what they do to that ledger. */
final class RouteTestLedgers {

    private RouteTestLedgers() {
    }

    /** A database of its own for one test context, named after the route for the logs; it lives as long as the JVM. */
    static DataSource memory(String route) {
        return LedgerDataSource.forUrl("jdbc:h2:mem:" + route + "-route-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                "", "");
    }

    /** The ledger over that database, its tables made. */
    static Ledger ledger(DataSource memory) {
        Ledger ledger = new Ledger(memory, Clock.systemUTC());
        ledger.createSchema();
        return ledger;
    }

    /** The {@code retool} component the route files call, pointed at the test's sandbox. */
    static RetoolComponent retool(RetoolSandboxExtension sandbox) {
        RetoolComponent component = new RetoolComponent();
        component.getConfiguration().setBaseUrl(sandbox.baseUrl());
        component.getConfiguration().setApiKey(sandbox.apiKey());
        return component;
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
