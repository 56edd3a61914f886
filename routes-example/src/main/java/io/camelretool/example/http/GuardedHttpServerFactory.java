package io.camelretool.example.http;

import io.camelretool.example.config.HttpServerLimits;
import org.apache.camel.CamelContext;
import org.apache.camel.Service;
import org.apache.camel.component.platform.http.main.DefaultMainHttpServerFactory;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.camel.main.HttpManagementServerConfigurationProperties;
import org.apache.camel.main.HttpServerConfigurationProperties;
import org.apache.camel.main.MainHttpServerFactory;

/**
 * Camel Main takes its HTTP servers from the {@link MainHttpServerFactory} in the registry when there is one: the
 * public server ({@code camel.server.*}: the webhook) becomes a {@link GuardedHttpServer} with the limits of
 * {@link HttpServerLimits}; the management server ({@code camel.management.*}: health in detail), which listens on
 * loopback only, stays Camel's own.
 */
public final class GuardedHttpServerFactory implements MainHttpServerFactory {

    public static final String REGISTRY_NAME = "guardedHttpServerFactory";

    private final HttpServerLimits limits;
    private final DefaultMainHttpServerFactory camelDefault = new DefaultMainHttpServerFactory();

    public GuardedHttpServerFactory(HttpServerLimits limits) {
        this.limits = limits;
    }

    @Override
    public Service newHttpServer(CamelContext context, HttpServerConfigurationProperties properties) {
        if (properties.isUseGlobalSslContextParameters() || properties.isAuthenticationEnabled()
            || properties.isStaticEnabled()) {
            throw new IllegalArgumentException("camel.server: TLS, authentication and static files are not offered "
                                               + "on the webhook's server; terminate TLS in front of it");
        }
        VertxPlatformHttpServerConfiguration configuration = new VertxPlatformHttpServerConfiguration();
        configuration.setBindHost(properties.getHost());
        configuration.setBindPort(properties.getPort());
        configuration.setPath(properties.getPath());
        configuration.setMaxBodySize(properties.getMaxBodySize());
        // a signed JSON webhook has no use for multipart uploads written to a temporary folder
        configuration.getBodyHandler().setHandleFileUploads(false);
        // platform-http's engine finds the port its consumers listen on by this configuration's type
        context.getRegistry().bind("webhookHttpServerConfiguration", configuration);
        GuardedHttpServer server = new GuardedHttpServer(configuration, limits);
        server.setCamelContext(context);
        return server;
    }

    @Override
    public Service newHttpManagementServer(CamelContext context,
                                           HttpManagementServerConfigurationProperties properties) {
        camelDefault.setCamelContext(context);
        return camelDefault.newHttpManagementServer(context, properties);
    }
}
