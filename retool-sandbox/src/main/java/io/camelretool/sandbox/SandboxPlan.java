package io.camelretool.sandbox;

/**
 * The Retool plan the sandbox pretends the organization is on. It decides which calls answer and which are refused
 * with a 403 that names the plan.
 */
public enum SandboxPlan {

    /** Invites, attributes on invites and users, attribute definitions and Embed; no user listing or creation. */
    BUSINESS,

    /** Everything the Business plan has, plus listing, reading and creating users. */
    ENTERPRISE;

    /**
     * Reads a plan as people type it on a command line or in an admin call.
     *
     * @throws IllegalArgumentException naming the accepted values when the text is not a plan
     */
    public static SandboxPlan parse(String text) {
        if (text != null) {
            for (SandboxPlan plan : values()) {
                if (plan.name().equalsIgnoreCase(text.trim())) {
                    return plan;
                }
            }
        }
        throw new IllegalArgumentException("plan must be one of business, enterprise; got '" + text + "'");
    }
}
