package io.camelretool.sandbox.validation;

import static io.camelretool.sandbox.validation.Schemas.integer;
import static io.camelretool.sandbox.validation.Schemas.number;
import static io.camelretool.sandbox.validation.Schemas.object;
import static io.camelretool.sandbox.validation.Schemas.string;

/** The bodies of the sandbox's own {@code /_sandbox} controls. */
public final class AdminSchemas {

    /** {@code PUT /_sandbox/faults}: a field left out is switched off. */
    public static final Schema FAULTS = object()
            .optional("serverErrorRate", number().minimum(0).maximum(1))
            .optional("dropConnectionRate", number().minimum(0).maximum(1))
            .optional("htmlRate", number().minimum(0).maximum(1))
            .optional("rateLimitedRate", number().minimum(0).maximum(1))
            .optional("latencyMs", integer().minimum(0))
            .optional("randomLatencyMs", integer().minimum(0))
            .closed();

    /** {@code PUT /_sandbox/plan}. */
    public static final Schema PLAN = object()
            .required("plan", string().oneOf("business", "enterprise"))
            .closed();

    /** {@code PUT /_sandbox/claimed-invites}. */
    public static final Schema CLAIMED_INVITES = object()
            .required("mode", string().oneOf("listed", "vanish"))
            .closed();

    /** {@code PUT /_sandbox/rate-limit}. */
    public static final Schema RATE_LIMIT = object()
            .required("perMinute", integer().minimum(0))
            .closed();

    /** {@code POST /_sandbox/users}. */
    public static final Schema USER = object()
            .required("email", string().format(StringFormat.EMAIL))
            .optional("first_name", string().orNull())
            .optional("last_name", string().orNull())
            .closed();

    /** {@code PUT /_sandbox/groups/{id}}. */
    public static final Schema GROUP = object()
            .required("name", string().minLength(1))
            .closed();

    private AdminSchemas() {
    }
}
