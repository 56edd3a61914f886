package io.camelretool.example.healing;

import io.camelretool.component.error.NotRetoolApiException;
import io.camelretool.component.error.RetoolAuthenticationException;
import io.camelretool.component.error.RetoolConflictException;
import io.camelretool.component.error.RetoolConnectionException;
import io.camelretool.component.error.RetoolException;
import io.camelretool.component.error.RetoolNotFoundException;
import io.camelretool.component.error.RetoolPartialUpdateException;
import io.camelretool.component.error.RetoolPermissionException;
import io.camelretool.component.error.RetoolRateLimitedException;
import io.camelretool.component.error.RetoolServerException;
import io.camelretool.component.error.RetoolValidationException;

/** What a failed invite call means for its person: wait and try again, or park for a human. */
public enum FailureKind {
    /** Retool refused the request itself (400/422, 401, 403, 404, 409) or the input is invalid: parked as FAILED. */
    PERMANENT,
    /** No answer, a timeout, a 5xx, a 429 or 503 that outlived the component's retries: the person waits. */
    TRANSIENT,
    /**
     * The answer was not the Retool API's (an HTML page): a wrong base URL, or a proxy's error page during an outage.
     * The person waits like for a transient failure, and the application says loudly that the URL may be wrong.
     */
    NOT_RETOOL;

    /** Whether the person waits for a next attempt rather than being parked. */
    public boolean waits() {
        return this != PERMANENT;
    }

    /** The kind of a failure the component (or the pipeline) reported. */
    public static FailureKind of(Throwable failure) {
        if (failure instanceof RetoolPartialUpdateException partial && partial.getCause() != null) {
            return of(partial.getCause());
        }
        if (failure instanceof NotRetoolApiException) {
            return NOT_RETOOL;
        }
        if (failure instanceof RetoolConnectionException || failure instanceof RetoolServerException
            || failure instanceof RetoolRateLimitedException) {
            return TRANSIENT;
        }
        if (failure instanceof RetoolValidationException || failure instanceof RetoolAuthenticationException
            || failure instanceof RetoolPermissionException || failure instanceof RetoolNotFoundException
            || failure instanceof RetoolConflictException || failure instanceof IllegalArgumentException) {
            return PERMANENT;
        }
        if (failure instanceof RetoolException retool) {
            int status = retool.getStatus();
            return status == 0 || status == 408 || status == 429 || status >= 500 ? TRANSIENT : PERMANENT;
        }
        // not Retool's answer (the call never completed: an interrupted or stopping process): nothing was refused
        return TRANSIENT;
    }
}
