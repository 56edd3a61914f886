package io.camelretool.example.http;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.camelretool.example.config.HttpServerLimits;
import io.camelretool.example.intake.LogText;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpRouter;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Camel's Vert.x HTTP server (the routes, the body limit and the router of {@code platform-http} are its own) started
 * with the limits Camel Main does not expose: an idle timeout, a deadline for a request's head and for its answer, and
 * a cap on open connections ({@link ConnectionGuard}). It also answers the public health paths with UP or DOWN only
 * ({@link PublicHealth}); the detail stays on the management port.
 */
final class GuardedHttpServer extends VertxPlatformHttpServer {

    private static final Logger LOG = LoggerFactory.getLogger(GuardedHttpServer.class);

    private final VertxPlatformHttpServerConfiguration configuration;
    private final HttpServerLimits limits;
    private HttpServer server;
    private ConnectionGuard guard;
    /** The Vert.x this server made for itself (none was in the registry); closed when it stops. */
    private Vertx ownVertx;

    GuardedHttpServer(VertxPlatformHttpServerConfiguration configuration, HttpServerLimits limits) {
        super(configuration);
        this.configuration = configuration;
        this.limits = limits;
    }

    @Override
    protected void initializeServer() {
        super.initializeServer();
        VertxPlatformHttpRouter router = router();
        PublicHealth.addTo(router, getCamelContext());
        // Vert.x logs every failure no handler took as an ERROR; a body over the limit is the sender's mistake, and
        // like every other refusal it leaves one WARN with its source (the path only: a query may carry a signature)
        router.route().failureHandler(failed -> {
            if (failed.statusCode() == 413) {
                LOG.warn("Request to {} from {} refused with 413: the body is larger than {} bytes",
                        LogText.of(failed.request().path()), failed.request().remoteAddress().hostAddress(),
                        configuration.getMaxBodySize());
                failed.response().setStatusCode(413).putHeader("Content-Type", "application/json")
                        .end("{\"error\":\"the body is larger than the server accepts; send fewer signups per "
                             + "request\"}");
            } else {
                failed.next();
            }
        });
    }

    @Override
    protected void startServer() throws Exception {
        HttpServerOptions options = new HttpServerOptions()
                .setIdleTimeout((int) limits.idleTimeout().toSeconds()).setIdleTimeoutUnit(TimeUnit.SECONDS)
                // with cleartext HTTP/2 on, Vert.x makes a connection only once its first bytes arrive: a silent one
                // would never reach the guard. A webhook has no use for h2c.
                .setHttp2ClearTextEnabled(false);
        guard = new ConnectionGuard(getVertx(), limits);
        VertxPlatformHttpRouter router = router();
        server = getVertx().createHttpServer(options).connectionHandler(guard::opened).requestHandler(request -> {
            guard.requestStarted(request);
            router.handle(request);
        });
        CompletableFuture<Void> listening = new CompletableFuture<>();
        server.listen(configuration.getBindPort(), configuration.getBindHost(), started -> {
            if (started.succeeded()) {
                listening.complete(null);
            } else {
                listening.completeExceptionally(started.cause());
            }
        });
        listening.get(30, TimeUnit.SECONDS);
    }

    @Override
    protected Vertx createVertxInstance() {
        ownVertx = super.createVertxInstance();
        return ownVertx;
    }

    /**
     * Closes the Vert.x this server made. The base class closes it on the executor its own {@code startServer} makes,
     * which this one replaces: it would fail there with a NullPointerException and leave Vert.x's threads running.
     */
    @Override
    protected void stopVertx() {
        if (ownVertx != null) {
            ownVertx.close().toCompletionStage().toCompletableFuture().join();
            ownVertx = null;
        }
    }

    @Override
    protected void stopServer() {
        if (server != null) {
            server.close().toCompletionStage().toCompletableFuture().join();
            server = null;
        }
    }

    @Override
    public HttpServer getServer() {
        return server;
    }

    @Override
    public int getPort() {
        return server == null ? configuration.getBindPort() : server.actualPort();
    }

    /** Open connections now; for the tests that attack the server. */
    int openConnections() {
        return guard == null ? 0 : guard.openConnections();
    }

    private VertxPlatformHttpRouter router() {
        return VertxPlatformHttpRouter.lookup(getCamelContext(),
                VertxPlatformHttpRouter.getRouterNameFromPort(configuration.getPort()));
    }
}
