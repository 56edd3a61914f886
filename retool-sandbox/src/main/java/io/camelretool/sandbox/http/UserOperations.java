package io.camelretool.sandbox.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.camelretool.sandbox.SandboxUser;
import io.camelretool.sandbox.state.SandboxOrganization;
import io.camelretool.sandbox.state.UserStore;
import io.camelretool.sandbox.validation.InvalidRequestException;
import io.camelretool.sandbox.validation.RequestSchemas;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import static io.camelretool.sandbox.http.Scopes.USERS_READ;
import static io.camelretool.sandbox.http.Scopes.USERS_WRITE;
import static io.camelretool.sandbox.http.Scopes.USER_ATTRIBUTES_WRITE;

/** {@code /api/v2/users}: list, get, create and disable (Enterprise only), and attribute values on users (any plan). */
final class UserOperations {

    private static final String USERS = "/api/v2/users";
    private static final String ONE_USER = USERS + "/{userId}";
    private static final Pattern USER_ID = Pattern.compile("user_([a-z0-9]+)");

    private final SandboxOrganization organization;
    private final Representations representations;

    UserOperations(SandboxOrganization organization, Representations representations) {
        this.organization = organization;
        this.representations = representations;
    }

    List<Route> routes() {
        return List.of(
                Route.on("GET", USERS).enterpriseOnly().needsAnyOf(USERS_READ).to(this::list),
                Route.on("POST", USERS).enterpriseOnly().needsAnyOf(USERS_WRITE)
                        .body(RequestSchemas.CREATE_USER).to(this::create),
                Route.on("GET", ONE_USER).enterpriseOnly().needsAnyOf(USERS_READ).to(this::get),
                Route.on("DELETE", ONE_USER).enterpriseOnly().needsAnyOf(USERS_WRITE).to(this::disable),
                Route.on("POST", ONE_USER + "/user_attributes").needsAnyOf(USERS_WRITE, USER_ATTRIBUTES_WRITE)
                        .body(RequestSchemas.SET_USER_ATTRIBUTE).to(this::setAttribute),
                Route.on("DELETE", ONE_USER + "/user_attributes/{attributeName}")
                        .needsAnyOf(USERS_WRITE, USER_ATTRIBUTES_WRITE).to(this::deleteAttribute));
    }

    /**
     * Without {@code limit} every matching user in one page; with it, pages of at most {@code limit} users and a
     * {@code next_token} while more remain. {@code total_count} counts every match, not just the page.
     */
    private ApiResponse list(ApiRequest request) {
        Map<String, String> query = request.query();
        Integer limit = limit(query.get("limit"));
        String nextToken = query.get("next_token");
        if (nextToken != null && limit == null) {
            throw new InvalidRequestException("request/query/next_token is only valid together with limit");
        }
        List<SandboxUser> matching = organization.users().all().stream()
                .filter(field(query.get("email"), SandboxUser::email))
                .filter(field(query.get("first_name"), SandboxUser::firstName))
                .filter(field(query.get("last_name"), SandboxUser::lastName))
                .toList();
        if (limit == null) {
            return ApiResponse.ok(Json.list(usersJson(matching), matching.size(), null, false));
        }
        int after = nextToken == null ? 0 : UserCursor.lastLegacyId(nextToken);
        List<SandboxUser> remaining = matching.stream().filter(user -> user.legacyId() > after).toList();
        List<SandboxUser> page = remaining.subList(0, Math.min(limit, remaining.size()));
        boolean hasMore = remaining.size() > page.size();
        String token = hasMore ? UserCursor.after(page.get(page.size() - 1).legacyId()) : null;
        return ApiResponse.ok(Json.list(usersJson(page), matching.size(), token, hasMore));
    }

    private ApiResponse get(ApiRequest request) {
        SandboxUser user = organization.user(userId(request));
        boolean includeGroups = "true".equalsIgnoreCase(request.query().get("includeGroups"));
        return ApiResponse.ok(Json.success(representations.user(user, includeGroups)));
    }

    /** Retool's "Delete a user" disables the account (it stays, inactive); 204 again for one already disabled. */
    private ApiResponse disable(ApiRequest request) {
        organization.disableUser(userId(request));
        return ApiResponse.noContent();
    }

    private ApiResponse create(ApiRequest request) {
        JsonNode body = request.body();
        SandboxUser user = organization.createUser(new UserStore.NewUser(
                body.get("email").textValue(),
                body.get("first_name").textValue(),
                body.get("last_name").textValue(),
                body.path("user_type").asText("default"),
                body.path("active").asBoolean(true),
                Json.valuesOf(body.get("metadata")),
                List.of()));
        return ApiResponse.ok(Json.success(representations.user(user, false)));
    }

    private ApiResponse setAttribute(ApiRequest request) {
        Map<String, Object> metadata = organization.setUserAttribute(userId(request), request.bodyText("name"),
                request.bodyText("value"));
        return ApiResponse.ok(Json.success(Json.metadata(metadata)));
    }

    private ApiResponse deleteAttribute(ApiRequest request) {
        Map<String, Object> metadata = organization.deleteUserAttribute(userId(request),
                request.pathParam("attributeName"));
        return ApiResponse.ok(Json.success(Json.metadata(metadata)));
    }

    private ArrayNode usersJson(List<SandboxUser> users) {
        ArrayNode array = Json.array();
        users.forEach(user -> array.add(representations.user(user, false)));
        return array;
    }

    private static String userId(ApiRequest request) {
        String userId = request.pathParam("userId");
        if (!USER_ID.matcher(userId).matches()) {
            throw new InvalidRequestException("request/params/userId must match pattern \"user_([a-z0-9]+)\"");
        }
        return userId;
    }

    private static Integer limit(String text) {
        if (text == null) {
            return null;
        }
        int limit;
        try {
            limit = Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new InvalidRequestException("request/query/limit must be integer");
        }
        if (limit < 1 || limit > 100) {
            throw new InvalidRequestException("request/query/limit must be between 1 and 100");
        }
        return limit;
    }

    /** Exact match ignoring case, as an email lookup should; no filter when the parameter is absent. */
    private static Predicate<SandboxUser> field(String wanted, Function<SandboxUser, String> value) {
        if (wanted == null) {
            return user -> true;
        }
        String normalised = wanted.trim().toLowerCase(Locale.ROOT);
        return user -> value.apply(user) != null
                && value.apply(user).trim().toLowerCase(Locale.ROOT).equals(normalised);
    }
}
