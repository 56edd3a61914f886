package io.camelretool.component.error;

/** An answer that is not the Retool API's JSON (an HTML page, for instance): the base URL probably points at the wrong host or path. */
public class NotRetoolApiException extends RetoolException {

    public NotRetoolApiException(String summary, int status, String retoolMessage, String method, String path, Throwable cause) {
        super(summary, status, retoolMessage, method, path, cause);
    }
}
