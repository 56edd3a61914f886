package io.camelretool.example.http;

import org.apache.camel.CamelContext;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpRouter;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;

/**
 * Handlers added to Camel's HTTP server beside the routes' own, once that server is up: Camel Main starts the server
 * before the routes, and tells the event notifiers it finds in the registry when the context starts. The handlers
 * are added once, however often the context starts.
 */
public abstract class RoutesOnHttpServer extends EventNotifierSupport {

    private final int port;
    private boolean added;

    /** @param port the port of Camel's HTTP server ({@code WEBHOOK_PORT}) */
    protected RoutesOnHttpServer(int port) {
        this.port = port;
    }

    /** Adds this notifier's handlers to the server's router. */
    protected abstract void addTo(VertxPlatformHttpRouter router, CamelContext context);

    @Override
    public final boolean isEnabled(CamelEvent event) {
        return event instanceof CamelEvent.CamelContextStartingEvent;
    }

    @Override
    public final void notify(CamelEvent event) {
        CamelContext context = ((CamelEvent.CamelContextEvent) event).getContext();
        VertxPlatformHttpRouter router = VertxPlatformHttpRouter.lookup(context,
                VertxPlatformHttpRouter.getRouterNameFromPort(port));
        if (router != null && !added) {
            added = true;
            addTo(router, context);
        }
    }
}
