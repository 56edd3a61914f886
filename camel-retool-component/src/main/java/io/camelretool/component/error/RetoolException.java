package io.camelretool.component.error;

/**
 * Root of every failure the Retool API or the way to it produced. Each carries what a caller needs to act and to
 * report: the HTTP status (0 when there was no answer), Retool's own message, and the request's method and path.
 * The API key is never part of any of them.
 */
public class RetoolException extends RuntimeException {

    private final int status;
    private final String retoolMessage;
    private final String method;
    private final String path;

    public RetoolException(String summary, int status, String retoolMessage, String method, String path,
                           Throwable cause) {
        super(compose(summary, status, retoolMessage, method, path), cause);
        this.status = status;
        this.retoolMessage = retoolMessage;
        this.method = method;
        this.path = path;
    }

    private static String compose(String summary, int status, String retoolMessage, String method, String path) {
        StringBuilder text = new StringBuilder(summary);
        text.append(" (").append(method).append(' ').append(path);
        if (status > 0) {
            text.append(" answered ").append(status);
        }
        text.append(')');
        if (retoolMessage != null && !retoolMessage.isBlank()) {
            text.append(": ").append(retoolMessage);
        }
        return text.toString();
    }

    /** The HTTP status of Retool's answer, or 0 when no answer arrived. */
    public int getStatus() {
        return status;
    }

    /** The {@code message} of Retool's error body, or null. */
    public String getRetoolMessage() {
        return retoolMessage;
    }

    public String getMethod() {
        return method;
    }

    /** The request path (below the base URL), with its query string. */
    public String getPath() {
        return path;
    }
}
