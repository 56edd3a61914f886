package io.camelretool.component.error;

/** 403: the key lacks a scope, or the plan does not include the call. Retool's message names which. */
public class RetoolPermissionException extends RetoolException {

    public RetoolPermissionException(String summary, int status, String retoolMessage, String method, String path, Throwable cause) {
        super(summary, status, retoolMessage, method, path, cause);
    }
}
