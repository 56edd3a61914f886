package io.camelretool.sandbox.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelretool.sandbox.state.SandboxOrganization;
import io.camelretool.sandbox.validation.RequestSchemas;

import java.util.List;

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
        String url = organization.mintEmbedUrl(request.bodyText("landingPageUuid"),
                Json.integersOf(request.body().get("groupIds")));
        ObjectNode body = Json.object();
        body.put("embedUrl", url);
        return ApiResponse.ok(body);
    }
}
