package io.camelretool.example.config;

import java.util.Optional;

/**
 * The start is refused for a reason the user can fix, said in one line that names what to change (a port in use, and
 * the variable that moves it). {@code ExampleApplication} prints that line and exits instead of a stack trace.
 */
public final class StartRefused extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    public StartRefused(String reason) {
        super(reason);
    }

    /** The refusal somewhere in the chain of causes of a failed start (Camel Main wraps what a listener throws). */
    public static Optional<StartRefused> in(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof StartRefused refused) {
                return Optional.of(refused);
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return Optional.empty();
    }
}
