package io.camelretool.sandbox.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.camelretool.sandbox.SandboxAttributeDefinition;
import io.camelretool.sandbox.state.SandboxOrganization;
import io.camelretool.sandbox.validation.RequestSchemas;

import java.util.List;

import static io.camelretool.sandbox.http.Scopes.USERS_READ;
import static io.camelretool.sandbox.http.Scopes.USER_ATTRIBUTES_READ;
import static io.camelretool.sandbox.http.Scopes.USER_ATTRIBUTES_WRITE;

/** {@code /api/v2/user_attributes}: the organization's attribute definitions. */
final class AttributeDefinitionOperations {

    private static final String DEFINITIONS = "/api/v2/user_attributes";

    private final SandboxOrganization organization;
    private final Representations representations;

    AttributeDefinitionOperations(SandboxOrganization organization, Representations representations) {
        this.organization = organization;
        this.representations = representations;
    }

    List<Route> routes() {
        return List.of(
                Route.on("GET", DEFINITIONS).needsAnyOf(USERS_READ, USER_ATTRIBUTES_READ).to(this::list),
                Route.on("POST", DEFINITIONS).needsAnyOf(USER_ATTRIBUTES_WRITE)
                        .body(RequestSchemas.DEFINE_ATTRIBUTE).to(this::define));
    }

    private ApiResponse list(ApiRequest request) {
        ArrayNode data = Json.array();
        organization.attributeDefinitions().all().forEach(definition ->
                data.add(representations.attributeDefinition(definition)));
        return ApiResponse.ok(Json.success(data));
    }

    private ApiResponse define(ApiRequest request) {
        SandboxAttributeDefinition definition = organization.defineAttribute(request.bodyText("name"),
                request.bodyText("label"), request.bodyText("dataType"), request.bodyText("defaultValue"));
        return ApiResponse.ok(Json.success(representations.attributeDefinition(definition)));
    }
}
