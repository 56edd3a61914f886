package io.camelretool.sandbox.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.camelretool.sandbox.ClaimedInvites;
import io.camelretool.sandbox.FaultSettings;
import io.camelretool.sandbox.RecordedRequest;
import io.camelretool.sandbox.RetoolSandbox;
import io.camelretool.sandbox.SandboxPlan;
import io.camelretool.sandbox.SandboxUser;
import io.camelretool.sandbox.state.RejectedOperationException;
import io.camelretool.sandbox.state.SandboxOrganization;
import io.camelretool.sandbox.validation.AdminSchemas;
import io.camelretool.sandbox.validation.InvalidRequestException;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code /_sandbox}: the controls of the Java API for other processes. No authentication (the server only listens
 * on loopback) and no request logging, so that inspecting the sandbox does not change what it reports.
 */
public final class AdminHandler implements HttpHandler {

    private static final String ROOT = "/_sandbox";

    private final RetoolSandbox sandbox;
    private final Representations representations;
    private final Router router;

    public AdminHandler(RetoolSandbox sandbox, SandboxOrganization organization) {
        this.sandbox = sandbox;
        this.representations = new Representations(organization.groups());
        this.router = new Router(List.of(
                Route.on("POST", ROOT + "/reset").to(this::reset),
                Route.on("GET", ROOT + "/requests").to(this::requests),
                Route.on("GET", ROOT + "/invites").to(this::invites),
                Route.on("POST", ROOT + "/invites/{id}/claim").to(this::claim),
                Route.on("POST", ROOT + "/invites/{id}/expire").to(this::expire),
                Route.on("GET", ROOT + "/users").to(this::users),
                Route.on("POST", ROOT + "/users").body(AdminSchemas.USER).to(this::addUser),
                Route.on("GET", ROOT + "/groups").to(this::groups),
                Route.on("PUT", ROOT + "/groups/{id}").body(AdminSchemas.GROUP).to(this::putGroup),
                Route.on("GET", ROOT + "/embed-urls").to(this::embedUrls),
                Route.on("GET", ROOT + "/faults").to(request -> faults()),
                Route.on("PUT", ROOT + "/faults").body(AdminSchemas.FAULTS).to(this::setFaults),
                Route.on("GET", ROOT + "/plan").to(request -> plan()),
                Route.on("PUT", ROOT + "/plan").body(AdminSchemas.PLAN).to(this::setPlan),
                Route.on("GET", ROOT + "/claimed-invites").to(request -> claimedInvites()),
                Route.on("PUT", ROOT + "/claimed-invites").body(AdminSchemas.CLAIMED_INVITES)
                        .to(this::setClaimedInvites),
                Route.on("GET", ROOT + "/rate-limit").to(request -> rateLimit()),
                Route.on("PUT", ROOT + "/rate-limit").body(AdminSchemas.RATE_LIMIT).to(this::setRateLimit),
                Route.on("GET", ROOT + "/clock").to(request -> clock()),
                Route.on("POST", ROOT + "/clock/advance").to(this::advanceClock)));
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            String rawBody = HttpExchanges.body(exchange);
            HttpExchanges.send(exchange, answer(exchange, rawBody));
        } finally {
            exchange.close();
        }
    }

    private ApiResponse answer(HttpExchange exchange, String rawBody) {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getRawPath();
        try {
            Optional<Router.Match> match = router.find(method, path);
            if (match.isEmpty()) {
                return ApiResponse.error(404, "Not found: " + method + " " + path
                        + " is not a sandbox control; see the retool-sandbox README");
            }
            Route route = match.get().route();
            JsonNode body = MissingNode.getInstance();
            if (route.bodySchema() != null) {
                body = Json.parseBody(rawBody);
                route.bodySchema().check("request/body", body);
            }
            return route.operation().apply(new ApiRequest(match.get().pathParams(), HttpExchanges.query(exchange),
                    body));
        } catch (ApiException refused) {
            return refused.response();
        } catch (InvalidRequestException | IllegalArgumentException invalid) {
            return ApiResponse.error(400, invalid.getMessage());
        } catch (RejectedOperationException rejected) {
            return ApiResponse.error(ApiHandler.statusOf(rejected.reason()), rejected.getMessage());
        }
    }

    private ApiResponse reset(ApiRequest request) {
        sandbox.reset();
        return ApiResponse.noContent();
    }

    private ApiResponse requests(ApiRequest request) {
        ArrayNode data = Json.array();
        for (RecordedRequest recorded : sandbox.requests()) {
            ObjectNode json = data.addObject();
            json.put("method", recorded.method());
            json.put("path", recorded.path());
            json.put("body", recorded.body());
            json.put("status", recorded.status());
        }
        return ApiResponse.ok(data);
    }

    private ApiResponse invites(ApiRequest request) {
        return ApiResponse.ok(representations.invites(sandbox.invites()));
    }

    private ApiResponse claim(ApiRequest request) {
        SandboxUser user = sandbox.claimInvite(request.numericPathParam("id", "User invite"));
        return ApiResponse.ok(representations.user(user, true));
    }

    private ApiResponse expire(ApiRequest request) {
        return ApiResponse.ok(representations.invite(sandbox.expireInvite(request.numericPathParam("id",
                "User invite"))));
    }

    private ApiResponse users(ApiRequest request) {
        ArrayNode data = Json.array();
        sandbox.users().forEach(user -> data.add(representations.user(user, true)));
        return ApiResponse.ok(data);
    }

    private ApiResponse addUser(ApiRequest request) {
        SandboxUser user = sandbox.addUser(request.bodyText("email"), request.bodyText("first_name"),
                request.bodyText("last_name"));
        return ApiResponse.ok(representations.user(user, true));
    }

    private ApiResponse groups(ApiRequest request) {
        ArrayNode data = Json.array();
        sandbox.groups().forEach(group -> data.add(representations.group(group)));
        return ApiResponse.ok(data);
    }

    private ApiResponse putGroup(ApiRequest request) {
        int id = request.numericPathParam("id", "Group");
        return ApiResponse.ok(representations.group(sandbox.addGroup(id, request.bodyText("name"))));
    }

    private ApiResponse embedUrls(ApiRequest request) {
        ArrayNode data = Json.array();
        sandbox.embedUrls().forEach(data::add);
        return ApiResponse.ok(data);
    }

    private ApiResponse faults() {
        FaultSettings settings = sandbox.faults().settings();
        ObjectNode json = Json.object();
        json.put("serverErrorRate", settings.serverErrorRate());
        json.put("dropConnectionRate", settings.dropConnectionRate());
        json.put("htmlRate", settings.htmlRate());
        json.put("rateLimitedRate", settings.rateLimitedRate());
        json.put("latencyMs", settings.fixedLatency().toMillis());
        json.put("randomLatencyMs", settings.randomLatency().toMillis());
        return ApiResponse.ok(json);
    }

    private ApiResponse setFaults(ApiRequest request) {
        JsonNode body = request.body();
        sandbox.faults().set(new FaultSettings(
                body.path("serverErrorRate").asDouble(0),
                body.path("dropConnectionRate").asDouble(0),
                body.path("htmlRate").asDouble(0),
                body.path("rateLimitedRate").asDouble(0),
                Duration.ofMillis(body.path("latencyMs").asLong(0)),
                Duration.ofMillis(body.path("randomLatencyMs").asLong(0))));
        return faults();
    }

    private ApiResponse plan() {
        ObjectNode json = Json.object();
        json.put("plan", sandbox.plan().name().toLowerCase(Locale.ROOT));
        return ApiResponse.ok(json);
    }

    private ApiResponse setPlan(ApiRequest request) {
        sandbox.setPlan(SandboxPlan.parse(request.bodyText("plan")));
        return plan();
    }

    private ApiResponse claimedInvites() {
        ObjectNode json = Json.object();
        json.put("mode", sandbox.claimedInvites().name().toLowerCase(Locale.ROOT));
        return ApiResponse.ok(json);
    }

    private ApiResponse setClaimedInvites(ApiRequest request) {
        sandbox.setClaimedInvites(ClaimedInvites.parse(request.bodyText("mode")));
        return claimedInvites();
    }

    private ApiResponse rateLimit() {
        ObjectNode json = Json.object();
        json.put("perMinute", sandbox.rateLimitPerMinute());
        return ApiResponse.ok(json);
    }

    private ApiResponse setRateLimit(ApiRequest request) {
        sandbox.setRateLimitPerMinute(request.body().get("perMinute").intValue());
        return rateLimit();
    }

    private ApiResponse clock() {
        ObjectNode json = Json.object();
        json.put("now", Json.timestamp(sandbox.clock().now()));
        json.put("offsetSeconds", sandbox.clock().offset().toSeconds());
        return ApiResponse.ok(json);
    }

    private ApiResponse advanceClock(ApiRequest request) {
        String seconds = request.query().get("seconds");
        if (seconds == null || !seconds.matches("\\d{1,10}")) {
            throw new InvalidRequestException("request/query/seconds must be a whole number of seconds, 0 or more");
        }
        sandbox.clock().advance(Duration.ofSeconds(Long.parseLong(seconds)));
        return clock();
    }
}
