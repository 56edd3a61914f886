package io.camelretool.sandbox.state;

/**
 * An operation the sandbox organization refuses, for a reason that maps onto the HTTP status Retool would answer.
 * The message names the offending id, name or field and never carries a secret.
 */
public final class RejectedOperationException extends RuntimeException {

    /** Why the operation was refused. */
    public enum Reason {
        /** The invite, user or attribute addressed does not exist (404). */
        NOT_FOUND,
        /** The operation clashes with existing state, such as a duplicate name (409). */
        CONFLICT,
        /** A value in the request is not acceptable (400). */
        INVALID
    }

    private final Reason reason;

    public RejectedOperationException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    static RejectedOperationException notFound(String message) {
        return new RejectedOperationException(Reason.NOT_FOUND, message);
    }

    static RejectedOperationException conflict(String message) {
        return new RejectedOperationException(Reason.CONFLICT, message);
    }

    static RejectedOperationException invalid(String message) {
        return new RejectedOperationException(Reason.INVALID, message);
    }
}
