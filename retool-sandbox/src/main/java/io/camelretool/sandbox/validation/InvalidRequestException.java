package io.camelretool.sandbox.validation;

/** A request that breaks Retool's spec; the message names the offending field by its path. */
public final class InvalidRequestException extends RuntimeException {

    public InvalidRequestException(String message) {
        super(message);
    }
}
