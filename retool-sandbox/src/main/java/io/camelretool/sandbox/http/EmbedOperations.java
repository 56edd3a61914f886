package io.camelretool.sandbox.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelretool.sandbox.state.SandboxOrganization;
import io.camelretool.sandbox.validation.RequestSchemas;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.camelretool.sandbox.http.Scopes.EMBED;

/** {@code POST /api/embed-url/external-user}: a single-use Embed URL for an external user. */
final class EmbedOperations {

    private final SandboxOrganization organization;

    EmbedOperations(SandboxOrganization organization) {
        this.organization = organization;
    }

    List<Route> routes() {
        return List.of(Route.on("POST", "/api/embed-url/external-user").needsAnyOf(EMBED)
                .body(RequestSchemas.MINT_EMBED_URL).to(this::mint));
    }

    /** Answers {@code {"embedUrl": ...}} without Retool's success envelope, as the real call does. */
    private ApiResponse mint(ApiRequest request) {
        JsonNode userInfo = request.body().path("userInfo");
        Map<String, String> info = new LinkedHashMap<>();
        for (String field : List.of("email", "firstName", "lastName")) {
            if (userInfo.hasNonNull(field)) {
                info.put(field, userInfo.get(field).asText());
            }
        }
        String url = organization.mintEmbedUrl(request.bodyText("landingPageUuid"),
                Json.integersOf(request.body().get("groupIds")), request.body().get("externalIdentifier").asText(),
                info, Json.valuesOf(request.body().get("metadata"))).url();
        ObjectNode body = Json.object();
        body.put("embedUrl", url);
        return ApiResponse.ok(body);
    }
}
