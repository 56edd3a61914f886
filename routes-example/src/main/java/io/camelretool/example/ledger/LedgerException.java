package io.camelretool.example.ledger;

import java.sql.SQLException;

/** The ledger's database refused or could not be reached; nothing of the failed unit of work was kept. */
public class LedgerException extends RuntimeException {

    LedgerException(SQLException cause) {
        super("ledger database: " + cause.getMessage() + " (SQLState " + cause.getSQLState() + ")", cause);
    }

    LedgerException(String message) {
        super(message);
    }
}
