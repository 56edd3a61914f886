package io.camelretool.sandbox.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelretool.sandbox.ClaimedInvites;
import io.camelretool.sandbox.SandboxInvite;
import io.camelretool.sandbox.state.SandboxOrganization;
import io.camelretool.sandbox.validation.RequestSchemas;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static io.camelretool.sandbox.http.Scopes.USERS_READ;
import static io.camelretool.sandbox.http.Scopes.USERS_WRITE;
import static io.camelretool.sandbox.http.Scopes.USER_ATTRIBUTES_WRITE;

/** {@code /api/v2/user_invites}: create, list, get, revoke, and attribute values on invites. */
final class InviteOperations {

    private static final String INVITES = "/api/v2/user_invites";
    private static final String ONE_INVITE = INVITES + "/{userInviteId}";
    private static final String ENTITY = "User invite";

    private final SandboxOrganization organization;
    private final Representations representations;
    private final Supplier<ClaimedInvites> claimedInvites;

    InviteOperations(SandboxOrganization organization, Representations representations,
            Supplier<ClaimedInvites> claimedInvites) {
        this.organization = organization;
        this.representations = representations;
        this.claimedInvites = claimedInvites;
    }

    List<Route> routes() {
        return List.of(
                Route.on("POST", INVITES).needsAnyOf(USERS_WRITE).body(RequestSchemas.CREATE_INVITE).to(this::create),
                Route.on("GET", INVITES).needsAnyOf(USERS_READ).to(this::list),
                Route.on("GET", ONE_INVITE).needsAnyOf(USERS_READ).to(this::get),
                Route.on("DELETE", ONE_INVITE).needsAnyOf(USERS_WRITE).to(this::revoke),
                Route.on("POST", ONE_INVITE + "/user_attributes").needsAnyOf(USERS_WRITE, USER_ATTRIBUTES_WRITE)
                        .body(RequestSchemas.SET_INVITE_ATTRIBUTE).to(this::setAttribute),
                Route.on("DELETE", ONE_INVITE + "/user_attributes/{attributeName}")
                        .needsAnyOf(USERS_WRITE, USER_ATTRIBUTES_WRITE).to(this::deleteAttribute));
    }

    private ApiResponse create(ApiRequest request) {
        JsonNode body = request.body();
        SandboxInvite invite = organization.invite(body.get("email").textValue(),
                Json.integersOf(body.get("defaultGroupIds")), Json.valuesOf(body.get("metadata")));
        return ApiResponse.ok(Json.success(representations.invite(invite)));
    }

    /**
     * Every invite not revoked, claimed and expired ones included: the spec says it "returns all user invites"; in the
     * {@link ClaimedInvites#VANISH} mode the claimed ones are left out.
     */
    private ApiResponse list(ApiRequest request) {
        List<SandboxInvite> all = organization.invites().all().stream().filter(this::visible).toList();
        return ApiResponse.ok(Json.list(representations.invites(all), all.size(), null, false));
    }

    private ApiResponse get(ApiRequest request) {
        SandboxInvite invite = organization.invite(visibleId(request));
        return ApiResponse.ok(Json.success(representations.invite(invite)));
    }

    private ApiResponse revoke(ApiRequest request) {
        organization.revokeInvite(visibleId(request));
        return ApiResponse.noContent();
    }

    private ApiResponse setAttribute(ApiRequest request) {
        Map<String, Object> metadata = organization.setInviteAttribute(
                visibleId(request), request.bodyText("name"), request.bodyText("value"));
        return ApiResponse.ok(Json.success(Json.metadata(metadata)));
    }

    private boolean visible(SandboxInvite invite) {
        return claimedInvites.get() == ClaimedInvites.LISTED || !invite.claimed();
    }

    /** The request's invite id; a claimed invite that vanished answers 404 like one that never was. */
    private int visibleId(ApiRequest request) {
        int id = request.numericPathParam("userInviteId", ENTITY);
        if (organization.invites().find(id).filter(invite -> !visible(invite)).isPresent()) {
            throw ApiException.of(404, "User invite " + id + " not found");
        }
        return id;
    }

    private ApiResponse deleteAttribute(ApiRequest request) {
        Map<String, Object> metadata = organization.deleteInviteAttribute(
                visibleId(request), request.pathParam("attributeName"));
        return ApiResponse.ok(Json.success(Json.metadata(metadata)));
    }
}
