package io.camelretool.component;

import java.net.URI;
import java.net.http.HttpClient;

import io.camelretool.component.client.BaseUrls;
import io.camelretool.component.client.RetoolClient;
import io.camelretool.component.consumer.InviteConsumer;
import io.camelretool.component.health.RetoolProducerHealthCheck;
import io.camelretool.component.producer.AttributesProducer;
import io.camelretool.component.producer.EmbedTokenProducer;
import io.camelretool.component.producer.InviteProducer;
import io.camelretool.component.producer.UserProducer;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.WritableHealthCheckRepository;
import org.apache.camel.spi.EndpointServiceLocation;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.ScheduledPollEndpoint;
import org.apache.camel.util.ObjectHelper;

/**
 * Invite users, set user attributes and mint Embed URLs through the Retool API; follow invites after they are sent
 * ({@code from("retool:invite")}).
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "retool", title = "Retool", syntax = "retool:type",
             category = { Category.CLOUD, Category.API, Category.SAAS },
             headersClass = RetoolConstants.class)
public class RetoolEndpoint extends ScheduledPollEndpoint implements EndpointServiceLocation {

    /** How often the consumer reads Retool's invites unless {@code delay} says otherwise: a poll is one list read. */
    static final long DEFAULT_POLL_DELAY_MILLIS = 60_000;

    @UriPath(description = "What the endpoint does: invite, attributes or embedToken.")
    @Metadata(required = true)
    private final RetoolEndpointType type;

    @UriParam
    private RetoolConfiguration configuration;

    @UriParam(label = "consumer",
              description = "retool:invite consumer: where it keeps what it last saw of each invite (its position), "
                            + "so that a restart neither misses nor repeats a change. Any Camel StateRepository, e.g. "
                            + "a FileStateRepository; by default an in-memory one, which a restart forgets (the first "
                            + "poll then reports every claimed or expired invite again).")
    private StateRepository<String, String> stateRepository;

    @UriParam(label = "consumer",
              description = "retool:invite consumer: the key of its position in the stateRepository; by default "
                            + "retool:invite@ followed by the base URL. Give two consumers of one repository that "
                            + "follow the same organisation different keys.")
    private String stateKey;

    private RetoolClient client;
    private WritableHealthCheckRepository healthChecks;
    private RetoolProducerHealthCheck healthCheck;

    public RetoolEndpoint(String uri, RetoolComponent component, RetoolEndpointType type,
                          RetoolConfiguration configuration) {
        super(uri, component);
        this.type = type;
        this.configuration = configuration;
        setDelay(DEFAULT_POLL_DELAY_MILLIS);
    }

    @Override
    public Producer createProducer() {
        return switch (type) {
            case invite -> new InviteProducer(this);
            case embedToken -> new EmbedTokenProducer(this);
            case attributes -> new AttributesProducer(this);
            case user -> new UserProducer(this);
        };
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        if (type != RetoolEndpointType.invite) {
            throw new UnsupportedOperationException("Only retool:invite can be consumed from (it follows invites); "
                                                    + "retool:" + type + " only sends");
        }
        InviteConsumer consumer = new InviteConsumer(this, processor);
        configureConsumer(consumer);
        return consumer;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        if (ObjectHelper.isEmpty(configuration.getApiKey())) {
            throw new IllegalArgumentException(
                    "retool:" + type + " needs an apiKey (camel.component.retool.api-key or ?apiKey=RAW(...))");
        }
        URI baseUri = BaseUrls.checked(configuration.getBaseUrl(), configuration.isAllowInsecureHttp());
        RetoolComponent component = (RetoolComponent) getComponent();
        HttpClient http = component.httpClient(configuration);
        client = new RetoolClient(http, baseUri, configuration.getApiKey(),
                component.rateLimiter(baseUri.toString(), configuration.getApiKey(), configuration.getRateLimitPerMinute()),
                configuration.getRequestTimeout(), configuration.getMaxRetries(),
                component.transportCheck(baseUri, http, configuration), component.metrics(),
                component.getCallGate());
        if (component.isHealthCheckProducerEnabled()) {
            healthChecks = HealthCheckHelper.getHealthCheckRepository(getCamelContext(), "producers",
                    WritableHealthCheckRepository.class);
            if (healthChecks != null) {
                // the endpoint URI would carry the API key, so the check is named by kind and instance
                healthCheck = new RetoolProducerHealthCheck(type + "-" + Integer.toHexString(System.identityHashCode(this)),
                        client, configuration.getRequestTimeout());
                healthChecks.addHealthCheck(healthCheck);
            }
        }
    }

    @Override
    protected void doStop() throws Exception {
        if (healthChecks != null && healthCheck != null) {
            healthChecks.removeHealthCheck(healthCheck);
        }
        super.doStop();
    }

    /** The client for this endpoint's Retool organisation; available once the endpoint has started. */
    public RetoolClient getClient() {
        return client;
    }

    @Override
    public String getServiceUrl() {
        return configuration.getBaseUrl();
    }

    @Override
    public String getServiceProtocol() {
        return "http";
    }

    public StateRepository<String, String> getStateRepository() {
        return stateRepository;
    }

    public void setStateRepository(StateRepository<String, String> stateRepository) {
        this.stateRepository = stateRepository;
    }

    public String getStateKey() {
        return stateKey;
    }

    public void setStateKey(String stateKey) {
        this.stateKey = stateKey;
    }

    public RetoolEndpointType getType() {
        return type;
    }

    public RetoolConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(RetoolConfiguration configuration) {
        this.configuration = configuration;
    }
}
