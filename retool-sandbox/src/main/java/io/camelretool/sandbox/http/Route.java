package io.camelretool.sandbox.http;

import io.camelretool.sandbox.validation.Schema;

import java.util.List;

/**
 * One API call: method and path, who may make it, what its body must look like and what it does.
 *
 * @param anyOfScopes    a key needs at least one of these scopes
 * @param enterpriseOnly whether the Business plan is refused
 * @param bodySchema     {@code null} when the call takes no body
 */
public record Route(String method, PathTemplate path, List<String> anyOfScopes, boolean enterpriseOnly,
        Schema bodySchema, Operation operation) {

    public static Builder on(String method, String path) {
        return new Builder(method, new PathTemplate(path));
    }

    /** Reads like the call's description: {@code on("GET", path).needs(USERS_READ).to(this::list)}. */
    public static final class Builder {

        private final String method;
        private final PathTemplate path;
        private List<String> anyOfScopes = List.of();
        private boolean enterpriseOnly;
        private Schema bodySchema;

        private Builder(String method, PathTemplate path) {
            this.method = method;
            this.path = path;
        }

        public Builder needsAnyOf(String... scopes) {
            this.anyOfScopes = List.of(scopes);
            return this;
        }

        public Builder enterpriseOnly() {
            this.enterpriseOnly = true;
            return this;
        }

        public Builder body(Schema schema) {
            this.bodySchema = schema;
            return this;
        }

        public Route to(Operation operation) {
            return new Route(method, path, anyOfScopes, enterpriseOnly, bodySchema, operation);
        }
    }
}
