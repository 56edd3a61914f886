package io.camelretool.component.client;

import java.util.concurrent.CompletionException;

/** Small helpers for the futures the client and producers chain. */
public final class Futures {

    private Futures() {
    }

    /** The failure a chained future carries, without the CompletionException wrappers the chaining added. */
    public static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
