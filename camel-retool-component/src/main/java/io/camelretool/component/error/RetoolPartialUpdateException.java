package io.camelretool.component.error;

import java.util.List;

/**
 * One of several attribute calls to the same target failed: Retool applies attributes one call at a time, so the
 * ones before it are already set. The message and {@link #getApplied()} say which; the cause says why.
 */
public class RetoolPartialUpdateException extends RetoolException {

    private final List<String> applied;

    public RetoolPartialUpdateException(String attribute, List<String> applied, RetoolException cause) {
        super("Attribute '" + attribute + "' failed after " + (applied.isEmpty() ? "none" : String.join(", ", applied))
              + " had been applied", cause.getStatus(), cause.getRetoolMessage(), cause.getMethod(), cause.getPath(),
                cause);
        this.applied = List.copyOf(applied);
    }

    /** The attributes already applied, in order, before the failure. */
    public List<String> getApplied() {
        return applied;
    }
}
