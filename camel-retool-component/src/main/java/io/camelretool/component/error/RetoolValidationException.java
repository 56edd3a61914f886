package io.camelretool.component.error;

/** 400 or 422: Retool refused the request's content; the message names the field. */
public class RetoolValidationException extends RetoolException {

    public RetoolValidationException(String summary, int status, String retoolMessage, String method, String path, Throwable cause) {
        super(summary, status, retoolMessage, method, path, cause);
    }
}
