package io.camelretool.component.error;

/** A 5xx answer, or another status Retool does not document: Retool had a problem; a later retry may work. */
public class RetoolServerException extends RetoolException {

    public RetoolServerException(String summary, int status, String retoolMessage, String method, String path, Throwable cause) {
        super(summary, status, retoolMessage, method, path, cause);
    }
}
