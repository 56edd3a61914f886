package io.camelretool.example.http;

import java.util.Collection;
import java.util.function.Function;

import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.apache.camel.CamelContext;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;

/**
 * The health answers anyone may read, on the webhook's public port: {@code {"status":"UP"}} (200) or
 * {@code {"status":"DOWN"}} (503), whatever the query asks for. What is down, endpoint URIs, hosts, folders and error
 * messages are for operators: Camel's own health endpoint gives them on the management port, which listens on loopback
 * only ({@code MANAGEMENT_PORT}).
 */
final class PublicHealth {

    private PublicHealth() {
    }

    static void addTo(Router router, CamelContext context) {
        answer(router, "/observe/health", context, HealthCheckHelper::invoke);
        answer(router, "/observe/health/ready", context, HealthCheckHelper::invokeReadiness);
        answer(router, "/observe/health/live", context, HealthCheckHelper::invokeLiveness);
    }

    private static void answer(Router router, String path, CamelContext context,
                               Function<CamelContext, Collection<HealthCheck.Result>> checks) {
        router.route(path).method(HttpMethod.GET).method(HttpMethod.HEAD).handler(request -> request.vertx()
                .<Boolean>executeBlocking(() -> context.getStatus().isStarted() && checks.apply(context).stream()
                        .allMatch(result -> result.getState() == HealthCheck.State.UP), false)
                .onComplete(up -> respond(request, up.succeeded() && up.result())));
    }

    private static void respond(RoutingContext request, boolean up) {
        request.response().setStatusCode(up ? 200 : 503).putHeader("Content-Type", "application/json")
                .putHeader("Cache-Control", "no-store")
                .end(up ? "{\"status\":\"UP\"}" : "{\"status\":\"DOWN\"}");
    }
}
