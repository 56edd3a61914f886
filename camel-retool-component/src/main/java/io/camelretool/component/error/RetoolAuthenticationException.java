package io.camelretool.component.error;

/** 401: the API key is missing, wrong, expired or revoked. Fix the key; retrying will not help. */
public class RetoolAuthenticationException extends RetoolException {

    public RetoolAuthenticationException(String summary, int status, String retoolMessage, String method, String path, Throwable cause) {
        super(summary, status, retoolMessage, method, path, cause);
    }
}
