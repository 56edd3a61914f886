package io.camelretool.example.http;

import java.util.List;

import io.vertx.core.http.HttpMethod;
import org.apache.camel.CamelContext;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpRouter;

/**
 * What {@code POST /signups} answers while the webhook route is not running: while the application starts (its HTTP
 * server, shared with the health endpoints, is up before its routes) and while it shuts down. Without it the server
 * answers 404, which a sender may take as final and drop the signups; a 503 with {@code Retry-After} tells it to send
 * again. The webhook route's own handler, added when the route starts, comes first; this one only answers when that
 * handler is not there.
 */
public final class WebhookUnavailableAnswer extends RoutesOnHttpServer {

    private final List<String> paths;

    /**
     * @param port  the port of Camel's HTTP server, where the webhook listens
     * @param paths the signed paths that answer 503 while their routes are not running
     */
    public WebhookUnavailableAnswer(int port, List<String> paths) {
        super(port);
        this.paths = List.copyOf(paths);
    }

    @Override
    protected void addTo(VertxPlatformHttpRouter router, CamelContext context) {
        // the HTTP server has started by now, the routes have not (the supervising route controller starts them later)
        for (String path : paths) {
            router.route(HttpMethod.POST, path).order(Integer.MAX_VALUE)
                    .handler(request -> request.response().setStatusCode(503).putHeader("Retry-After", "5")
                            .putHeader("Content-Type", "application/json")
                            .end("{\"error\":\"the webhook is starting or stopping; nothing was accepted, "
                                 + "send again\"}"));
        }
    }
}
