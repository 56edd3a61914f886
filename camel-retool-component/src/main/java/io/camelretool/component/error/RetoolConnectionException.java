package io.camelretool.component.error;

/** No answer at all: connection refused or dropped, DNS failure, or a timeout. A write may or may not have reached Retool. */
public class RetoolConnectionException extends RetoolException {

    public RetoolConnectionException(String summary, int status, String retoolMessage, String method, String path, Throwable cause) {
        super(summary, status, retoolMessage, method, path, cause);
    }
}
