package io.camelretool.component.client;

import io.camelretool.component.error.RetoolException;

/**
 * Whether a request may go out to Retool now: the hook for one circuit breaker shared by every endpoint of a
 * component. The client asks before each HTTP attempt, retries included, once the attempt's rate-limit slot has come
 * (so requests queued before Retool went away are stopped too), and tells the gate the outcome of every attempt it let
 * out. A refused attempt fails at once with {@link io.camelretool.component.error.RetoolHeldBackException}.
 */
public interface RetoolCallGate {

    /** How an attempt may go out. */
    enum Admission {
        /** Not sent. */
        REFUSED,
        /** Sent as usual. */
        ADMITTED,
        /** Sent as the one trial while everything else is held back: its outcome says whether Retool is back. */
        TRIAL
    }

    /** Lets every attempt out and ignores the outcomes: a component without a breaker. */
    RetoolCallGate ALWAYS_OPEN = new RetoolCallGate() {
        @Override
        public Admission admit(String method, String path) {
            return Admission.ADMITTED;
        }

        @Override
        public void attempted(Admission admission, RetoolException failure) {
            // nothing is held back, so nothing is learned from the outcomes
        }
    };

    /** Called before each attempt; a TRIAL must be followed by its {@link #attempted} like any admitted attempt. */
    Admission admit(String method, String path);

    /**
     * The outcome of an attempt that went out.
     *
     * @param failure null when Retool answered with success; else the failure, a refusal (4xx) included, or the 429
     *                or 503 the client is about to retry
     */
    void attempted(Admission admission, RetoolException failure);
}
