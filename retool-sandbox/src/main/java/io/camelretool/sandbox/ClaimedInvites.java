package io.camelretool.sandbox;

/**
 * What Retool's invite calls show of an invite once it has been claimed. Retool does not document it, so the
 * sandbox plays both ways: a client that works in both modes does not depend on the answer.
 */
public enum ClaimedInvites {

    /** A claimed invite stays in {@code GET /api/v2/user_invites} and its {@code GET} by id, with its claimer. */
    LISTED,

    /**
     * A claimed invite disappears from the API: the list leaves it out, and reading, revoking or setting attributes
     * on it by id answers 404, as for a revoked one. A client then cannot tell an accepted invite from a revoked one.
     */
    VANISH;

    /**
     * Reads a mode as people type it on a command line or in an admin call.
     *
     * @throws IllegalArgumentException naming the accepted values when the text is not a mode
     */
    public static ClaimedInvites parse(String text) {
        if (text != null) {
            for (ClaimedInvites mode : values()) {
                if (mode.name().equalsIgnoreCase(text.trim())) {
                    return mode;
                }
            }
        }
        throw new IllegalArgumentException("claimed invites must be one of listed, vanish; got '" + text + "'");
    }
}
