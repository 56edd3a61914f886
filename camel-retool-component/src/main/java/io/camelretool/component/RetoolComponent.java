package io.camelretool.component;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import io.camelretool.component.client.RequestRateLimiter;
import io.camelretool.component.producer.PendingInviteCache;
import io.camelretool.component.client.RetoolCapabilities;
import io.camelretool.component.client.RetoolClient;
import io.camelretool.component.client.UserLookupGate;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.HealthCheckComponent;

/**
 * The {@code retool} component. It owns what endpoints must share: one {@link HttpClient} (one connection pool)
 * and one rate limiter per base URL and API key, so that several endpoints talking to the same Retool
 * organisation together stay under its limit.
 */
@Component("retool")
public class RetoolComponent extends HealthCheckComponent {

    @Metadata(description = "Options shared by every retool endpoint of this component; each endpoint can override them.")
    private RetoolConfiguration configuration = new RetoolConfiguration();

    private final Map<String, RequestRateLimiter> rateLimiters = new ConcurrentHashMap<>();
    private final Map<String, PendingInviteCache> pendingInvites = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<RetoolCapabilities>> capabilities = new ConcurrentHashMap<>();
    private final Map<String, UserLookupGate> userLookups = new ConcurrentHashMap<>();
    private volatile HttpClient httpClient;

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
                                           + "': use retool:invite, retool:attributes or retool:embedToken");
    }

    /** The HTTP client every endpoint of this component uses; created with the component's connect timeout. */
    HttpClient httpClient() {
        HttpClient client = httpClient;
        if (client == null) {
            synchronized (this) {
                if (httpClient == null) {
                    httpClient = HttpClient.newBuilder()
                            .connectTimeout(Duration.ofMillis(configuration.getConnectTimeout()))
                            .followRedirects(HttpClient.Redirect.NEVER)
                            .build();
                }
                client = httpClient;
            }
        }
        return client;
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
        super.doStop();
    }

    public RetoolConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(RetoolConfiguration configuration) {
        this.configuration = configuration;
    }
}
