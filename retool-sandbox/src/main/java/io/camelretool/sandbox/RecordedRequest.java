package io.camelretool.sandbox;

/**
 * One API request as the sandbox received and answered it. The Authorization header is never kept.
 *
 * @param method HTTP method, upper case
 * @param path   path with its query string, as sent
 * @param body   the request body as text, empty when there was none
 * @param status the status answered, or {@link #NO_ANSWER} when the connection was dropped on purpose
 */
public record RecordedRequest(String method, String path, String body, int status) {

    /** The status recorded for a request whose connection the sandbox closed without answering. */
    public static final int NO_ANSWER = 0;
}
