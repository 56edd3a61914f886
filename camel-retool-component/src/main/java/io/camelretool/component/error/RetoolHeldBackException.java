package io.camelretool.component.error;

/**
 * Not sent: the component's call gate holds calls back while Retool does not answer (a circuit breaker), so nothing
 * reached Retool. Trying again later is right; trying again at once is not.
 */
public class RetoolHeldBackException extends RetoolException {

    public RetoolHeldBackException(String summary, String method, String path) {
        super(summary, 0, null, method, path, null);
    }
}
