package io.camelretool.component;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import io.camelretool.component.client.RequestRateLimiter;
import io.camelretool.component.client.RetoolCallGate;
import io.camelretool.component.producer.PendingInviteCache;
import io.camelretool.component.client.RetoolCapabilities;
import io.camelretool.component.client.RetoolClient;
import io.camelretool.component.client.UserLookupGate;
import io.camelretool.component.client.TransportCheck;
import io.camelretool.component.metrics.RetoolMetrics;
import io.camelretool.component.metrics.RetoolMetricsFactory;
import org.apache.camel.Endpoint;
import org.apache.camel.SSLContextParametersAware;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.HealthCheckComponent;
import org.apache.camel.support.jsse.SSLContextParameters;

/**
 * The {@code retool} component. It owns what endpoints must share: one {@link HttpClient} (one connection pool)
 * per transport settings and one rate limiter per base URL and API key, so that
 * several endpoints talking to the same Retool
 * organisation together stay under its limit.
 */
@Component("retool")
public class RetoolComponent extends HealthCheckComponent implements SSLContextParametersAware {

    @Metadata(description = "Options shared by every retool endpoint of this component; each endpoint can override them.")
    private RetoolConfiguration configuration = new RetoolConfiguration();

    private final Map<String, RequestRateLimiter> rateLimiters = new ConcurrentHashMap<>();
    private final Map<String, PendingInviteCache> pendingInvites = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<RetoolCapabilities>> capabilities = new ConcurrentHashMap<>();
    private final Map<String, UserLookupGate> userLookups = new ConcurrentHashMap<>();
    private final Map<String, HttpClient> builtClients = new ConcurrentHashMap<>();
    private volatile RetoolMetrics metrics;
    private final Map<String, CompletableFuture<Optional<String>>> transportChecks = new ConcurrentHashMap<>();

    @Metadata(label = "security", defaultValue = "false",
              description = "Use the SSLContextParameters configured on the CamelContext (camel.ssl.*) for endpoints "
                            + "that have no sslContextParameters of their own.")
    private boolean useGlobalSslContextParameters;

    @Metadata(label = "advanced", autowired = true,
              description = "The java.net.http.HttpClient every endpoint uses instead of one the component builds, for "
                            + "what the other options do not cover (proxy authentication, an executor, HTTP/2 "
                            + "settings). Taken from the registry when it holds exactly one. sslContextParameters, the "
                            + "proxy options and connectTimeout do not apply to it.")
    private HttpClient httpClient;

    /**
     * A circuit breaker every endpoint of this component asks before each HTTP attempt (retries included) and tells
     * of each outcome: while it refuses, calls fail at once with RetoolHeldBackException and nothing is sent. Set in
     * Java by an application that has one, before the endpoints start; not a catalog option (it is no setting).
     */
    private volatile RetoolCallGate callGate;

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        RetoolEndpointType type = parseType(remaining);
        RetoolEndpoint endpoint = new RetoolEndpoint(uri, this, type, configuration.copy());
        setProperties(endpoint, parameters);
        return endpoint;
    }

    private static RetoolEndpointType parseType(String remaining) {
        for (RetoolEndpointType type : RetoolEndpointType.values()) {
            if (type.name().equals(remaining)) {
                return type;
            }
        }
        throw new IllegalArgumentException("Unknown retool endpoint '" + remaining
                                           + "': use retool:invite, retool:attributes, retool:embedToken or retool:user");
    }

    /**
     * The HTTP client for an endpoint: the autowired or configured {@code httpClient} when there is one, else the
     * client this component builds for the endpoint's transport settings (TLS, proxy, connect timeout), shared by
     * every endpoint with the same settings, so one connection pool serves an organisation.
     */
    HttpClient httpClient(RetoolConfiguration settings) throws GeneralSecurityException, IOException {
        if (httpClient != null) {
            return httpClient;
        }
        SSLContextParameters tls = settings.getSslContextParameters();
        if (tls == null && useGlobalSslContextParameters) {
            tls = retrieveGlobalSslContextParameters();
        }
        String identity = (tls == null ? "jdk" : Integer.toHexString(System.identityHashCode(tls))) + '\n'
                          + settings.getProxyHost() + ':' + settings.getProxyPort() + '\n'
                          + settings.getConnectTimeout();
        HttpClient client = builtClients.get(identity);
        if (client == null) {
            HttpClient.Builder builder = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofMillis(settings.getConnectTimeout()))
                    .followRedirects(HttpClient.Redirect.NEVER);
            if (tls != null) {
                builder.sslContext(tls.createSSLContext(getCamelContext()));
            }
            if (settings.getProxyHost() != null) {
                if (settings.getProxyPort() == null) {
                    throw new IllegalArgumentException("proxyHost " + settings.getProxyHost() + " needs a proxyPort");
                }
                builder.proxy(ProxySelector.of(
                        new InetSocketAddress(settings.getProxyHost(), settings.getProxyPort())));
            }
            client = builtClients.computeIfAbsent(identity, ignored -> builder.build());
        }
        return client;
    }

    /**
     * Whether the base URL's port speaks its scheme, found once per base URL and client before the first call, so a
     * wrong scheme fails at once with a hint. Skipped for a proxy or a client of the user's, which may reach Retool
     * where a direct connection cannot. A finding is forgotten, so the next call asks again.
     */
    Supplier<CompletableFuture<Optional<String>>> transportCheck(URI baseUri, HttpClient client,
                                                                 RetoolConfiguration settings) {
        if (client == httpClient || settings.getProxyHost() != null) {
            return () -> CompletableFuture.completedFuture(Optional.empty());
        }
        String identity = baseUri + "\n" + System.identityHashCode(client);
        return () -> {
            CompletableFuture<Optional<String>> check = transportChecks.computeIfAbsent(identity,
                    ignored -> TransportCheck.run(baseUri, client.sslContext(), (int) settings.getConnectTimeout()));
            check.whenComplete((finding, failure) -> {
                if (failure != null || finding.isPresent()) {
                    transportChecks.remove(identity, check);
                }
            });
            return check;
        };
    }

    /** The meters every endpoint records into, found once: a Micrometer registry in Camel's registry, or none. */
    public RetoolMetrics metrics() {
        RetoolMetrics found = metrics;
        if (found == null) {
            found = RetoolMetricsFactory.of(getCamelContext());
            metrics = found;
        }
        return found;
    }

    /**
     * The limiter shared by every endpoint with this base URL and key. The key is part of the identity because
     * Retool limits per token; it is kept only inside this map's key, never printed.
     */
    RequestRateLimiter rateLimiter(String baseUrl, String apiKey, int requestsPerMinute) {
        String identity = baseUrl + '\n' + apiKey + '\n' + requestsPerMinute;
        return rateLimiters.computeIfAbsent(identity, ignored -> RequestRateLimiter.perMinute(requestsPerMinute));
    }

    /**
     * Retool's pending invites as every endpoint with this base URL and key sees them: one cache, so that a fresh
     * read by any of them (a list, a reconciliation) keeps the others from inviting on an old picture.
     */
    public PendingInviteCache pendingInvites(RetoolClient client, String apiKey) {
        return pendingInvites.computeIfAbsent(client.getBaseUri() + "\n" + apiKey,
                ignored -> new PendingInviteCache(client));
    }

    /**
     * Whether this base URL and key may look users up, learned once by whichever endpoint asks first and shared by
     * all, so that a Business plan's refusal is met once per organisation (and asked again after an interval).
     */
    public UserLookupGate userLookups(RetoolClient client, String apiKey) {
        return userLookups.computeIfAbsent(client.getBaseUri() + "\n" + apiKey, ignored -> new UserLookupGate());
    }

    /** What this base URL and key may do, probed once and shared by every endpoint; a failed probe is retried. */
    public CompletableFuture<RetoolCapabilities> capabilities(RetoolClient client, String apiKey) {
        String identity = client.getBaseUri() + "\n" + apiKey;
        CompletableFuture<RetoolCapabilities> probe = capabilities.computeIfAbsent(identity,
                ignored -> RetoolCapabilities.probe(client));
        probe.whenComplete((known, failure) -> {
            if (failure != null) {
                capabilities.remove(identity, probe);
            }
        });
        return probe;
    }

    @Override
    protected void doStop() throws Exception {
        rateLimiters.clear();
        pendingInvites.clear();
        capabilities.clear();
        userLookups.clear();
        transportChecks.clear();
        builtClients.clear();
        metrics = null;
        super.doStop();
    }

    @Override
    public boolean isUseGlobalSslContextParameters() {
        return useGlobalSslContextParameters;
    }

    @Override
    public void setUseGlobalSslContextParameters(boolean useGlobalSslContextParameters) {
        this.useGlobalSslContextParameters = useGlobalSslContextParameters;
    }

    /** The gate the endpoints started from now on use; {@link RetoolCallGate#ALWAYS_OPEN} when none was set. */
    public RetoolCallGate getCallGate() {
        return callGate == null ? RetoolCallGate.ALWAYS_OPEN : callGate;
    }

    public void setCallGate(RetoolCallGate callGate) {
        this.callGate = callGate;
    }

    public HttpClient getHttpClient() {
        return httpClient;
    }

    public void setHttpClient(HttpClient httpClient) {
        this.httpClient = httpClient;
    }

    public RetoolConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(RetoolConfiguration configuration) {
        this.configuration = configuration;
    }
}
