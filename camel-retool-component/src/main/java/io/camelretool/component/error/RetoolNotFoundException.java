package io.camelretool.component.error;

/** 404: the invite, user or attribute does not exist (any more). */
public class RetoolNotFoundException extends RetoolException {

    public RetoolNotFoundException(String summary, int status, String retoolMessage, String method, String path, Throwable cause) {
        super(summary, status, retoolMessage, method, path, cause);
    }
}
