package io.camelretool.component.error;

/** 429 or 503 still answered after every retry: slow down (lower rateLimitPerMinute) and try later. */
public class RetoolRateLimitedException extends RetoolException {

    public RetoolRateLimitedException(String summary, int status, String retoolMessage, String method, String path, Throwable cause) {
        super(summary, status, retoolMessage, method, path, cause);
    }
}
