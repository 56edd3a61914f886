package io.camelretool.example.ledger;

/**
 * An invite call that failed for a reason that may pass (no connection, a timeout, a 5xx, a 429 that outlived the
 * component's retries, Retool held back while it is down): its row waits and is tried again later.
 *
 * @param reason what went wrong, for the ledger, the logs and, if the person is given up on, the dead-letter file
 */
public record Postponement(String emailKey, String reason) {
}
