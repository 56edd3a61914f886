package io.camelretool.component.error;

/** 409: the thing already exists, for example an attribute definition of that name. */
public class RetoolConflictException extends RetoolException {

    public RetoolConflictException(String summary, int status, String retoolMessage, String method, String path, Throwable cause) {
        super(summary, status, retoolMessage, method, path, cause);
    }
}
