package io.camelretool.sandbox.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.camelretool.sandbox.ClaimedInvites;
import io.camelretool.sandbox.FaultSettings;
import io.camelretool.sandbox.RecordedRequest;
import io.camelretool.sandbox.SandboxFaults;
import io.camelretool.sandbox.SandboxPlan;
import io.camelretool.sandbox.state.RejectedOperationException;
import io.camelretool.sandbox.state.RequestLog;
import io.camelretool.sandbox.state.SandboxOrganization;
import io.camelretool.sandbox.validation.InvalidRequestException;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Everything under {@code /api}. Each request goes through the same gates as on Retool, in this order: injected
 * faults, bearer token (401), rate limit (429), route (404), plan (403), scope (403), body (400), then the call.
 * The request is logged before its answer is written, so a client that has its answer can already see it logged.
 */
public final class ApiHandler implements HttpHandler {

    private final ApiKeys keys;
    private final Supplier<SandboxPlan> plan;
    private final RateLimiter rateLimiter;
    private final SandboxFaults faults;
    private final RequestLog requestLog;
    private final Router router;

    public ApiHandler(SandboxOrganization organization, ApiKeys keys, Supplier<SandboxPlan> plan,
            RateLimiter rateLimiter, SandboxFaults faults, RequestLog requestLog,
            Supplier<ClaimedInvites> claimedInvites) {
        this.keys = keys;
        this.plan = plan;
        this.rateLimiter = rateLimiter;
        this.faults = faults;
        this.requestLog = requestLog;
        Representations representations = new Representations(organization.groups());
        List<Route> routes = new ArrayList<>();
        routes.addAll(new InviteOperations(organization, representations, claimedInvites).routes());
        routes.addAll(new UserOperations(organization, representations).routes());
        routes.addAll(new AttributeDefinitionOperations(organization, representations).routes());
        routes.addAll(new EmbedOperations(organization).routes());
        this.router = new Router(routes);
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            String body = HttpExchanges.body(exchange);
            FaultSettings settings = faults.settings();
            pause(FaultInjector.latency(settings));
            FaultInjector.Fault fault = faults.takeDroppedAnswer(exchange.getRequestMethod(),
                    exchange.getRequestURI().getRawPath()) ? FaultInjector.Fault.DROP_CONNECTION
                    : FaultInjector.draw(settings);
            ApiResponse response = switch (fault) {
                case SERVER_ERROR -> FaultInjector.serverError();
                case HTML_PAGE -> ApiResponse.html(FaultInjector.HTML_PAGE);
                case RATE_LIMITED -> ApiResponse.rateLimited(1);
                case NONE, DROP_CONNECTION -> answer(exchange, body);
            };
            boolean drop = fault == FaultInjector.Fault.DROP_CONNECTION;
            requestLog.add(new RecordedRequest(exchange.getRequestMethod(), HttpExchanges.pathWithQuery(exchange),
                    body, drop ? RecordedRequest.NO_ANSWER : response.status()));
            if (!drop) {
                HttpExchanges.send(exchange, response);
            }
        } finally {
            // closing an exchange whose answer was never started closes its connection: the dropped-connection fault
            exchange.close();
        }
    }

    private ApiResponse answer(HttpExchange exchange, String rawBody) {
        try {
            String key = ApiKeys.bearerToken(exchange.getRequestHeaders().getFirst("Authorization"))
                    .orElseThrow(() -> ApiException.of(401,
                            "Unauthorized: the Authorization header must carry a bearer API token"));
            Set<String> scopes = keys.scopesFor(key)
                    .orElseThrow(() -> ApiException.of(401, "Unauthorized: the API token is invalid or expired"));
            OptionalLong retryAfter = rateLimiter.admit(key);
            if (retryAfter.isPresent()) {
                return ApiResponse.rateLimited(retryAfter.getAsLong());
            }
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getRawPath();
            Optional<Router.Match> match = router.find(method, path);
            if (match.isEmpty()) {
                return ApiResponse.error(404, "Not found: " + method + " " + path + " is not a Retool API call");
            }
            return call(match.get().route(), match.get().pathParams(), exchange, scopes, rawBody);
        } catch (ApiException refused) {
            return refused.response();
        } catch (InvalidRequestException invalid) {
            return ApiResponse.error(400, invalid.getMessage());
        } catch (RejectedOperationException rejected) {
            return ApiResponse.error(statusOf(rejected.reason()), rejected.getMessage());
        } catch (RuntimeException bug) {
            return ApiResponse.error(500, "The sandbox failed to answer: " + bug.getClass().getSimpleName());
        }
    }

    private ApiResponse call(Route route, Map<String, String> params, HttpExchange exchange, Set<String> scopes,
            String rawBody) {
        if (route.enterpriseOnly() && plan.get() == SandboxPlan.BUSINESS) {
            throw ApiException.of(403, "Forbidden: " + route.method() + " " + route.path()
                    + " is only available to Enterprise customers; this organization needs an Enterprise plan");
        }
        if (route.anyOfScopes().stream().noneMatch(scope -> Scopes.allows(scopes, scope))) {
            throw ApiException.of(403, "Forbidden: API token is missing one of "
                    + String.join(", ", route.anyOfScopes().stream().map(scope -> '"' + scope + '"').toList()));
        }
        JsonNode body = MissingNode.getInstance();
        if (route.bodySchema() != null) {
            body = Json.parseBody(rawBody);
            route.bodySchema().check("request/body", body);
        }
        return route.operation().apply(new ApiRequest(params, HttpExchanges.query(exchange), body));
    }

    static int statusOf(RejectedOperationException.Reason reason) {
        return switch (reason) {
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case INVALID -> 400;
        };
    }

    private static void pause(Duration latency) {
        if (latency.isZero()) {
            return;
        }
        try {
            Thread.sleep(latency.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
