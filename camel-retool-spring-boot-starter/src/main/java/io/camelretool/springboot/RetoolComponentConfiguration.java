package io.camelretool.springboot;

import java.net.http.HttpClient;

import io.camelretool.component.AttributesAction;
import io.camelretool.component.AttributesTarget;
import io.camelretool.component.EmbedTokenAction;
import io.camelretool.component.InviteAction;
import io.camelretool.component.RetoolConfiguration;
import io.camelretool.component.UserAction;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.spring.boot.ComponentConfigurationPropertiesCommon;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Every option of the retool component as Spring Boot properties, {@code camel.component.retool.*} in any relaxed
 * form ({@code base-url}, {@code baseUrl}, {@code BASE_URL}). Generated from the component's catalog
 * ({@code retool.json}) by {@code ConfigurationSource}; {@code ConfigurationMetadataTest} fails when they differ
 * and rewrites this file with {@code -Dstarter.update=true}. The {@code enabled} switch is read by the
 * auto-configuration's condition, and described in {@code additional-spring-configuration-metadata.json}.
 */
@ConfigurationProperties(prefix = "camel.component.retool")
public class RetoolComponentConfiguration extends ComponentConfigurationPropertiesCommon {

    /**
     * Where the Retool API lives: https://api.retool.com for Retool Cloud, or the organization's own host
     * (https://acme.retool.com, a self-hosted Retool). Without the /api suffix.
     */
    private String baseUrl = "https://api.retool.com";
    /**
     * Options shared by every retool endpoint of this component; each endpoint can override them. The option is a
     * io.camelretool.component.RetoolConfiguration type.
     */
    private RetoolConfiguration configuration;
    /**
     * How often a request answered 429 (rate limited) or 503 (unavailable) is retried, honouring Retry-After, else
     * with exponential backoff and jitter.
     */
    private Integer maxRetries = 5;
    /**
     * Client-side limit of requests a minute, shared by every endpoint with the same base URL and API key. 45 is
     * what Retool's own tooling assumes for Retool Cloud; self-hosted Retool defaults to 300. 0 turns the limit off.
     */
    private Integer rateLimitPerMinute = 45;
    /**
     * How long a refusal of user look-ups (GET /api/v2/users, which the Business plan refuses) is believed before
     * one look-up asks again, in milliseconds. The refusal is learned once per base URL and key and shared by every
     * endpoint; while it is being asked, other calls wait for that answer instead of asking too. So an upgrade to
     * Enterprise takes effect without a restart, at most this long after it. The option is a long type
     * (milliseconds).
     */
    private Long userLookupRecheckInterval = 3600000L;
    /**
     * Allows for bridging the consumer to the Camel routing Error Handler, which mean any exceptions (if possible)
     * occurred while the Camel consumer is trying to pickup incoming messages, or the likes, will now be processed
     * as a message and handled by the routing Error Handler. Important: This is only possible if the 3rd party
     * component allows Camel to be alerted if an exception was thrown. Some components handle this internally only,
     * and therefore bridgeErrorHandler is not possible. In other situations we may improve the Camel component to
     * hook into the 3rd party component and make this possible for future releases. By default the consumer will use
     * the org.apache.camel.spi.ExceptionHandler to deal with exceptions, that will be logged at WARN or ERROR level
     * and ignored.
     */
    private Boolean bridgeErrorHandler = false;
    /**
     * For a bulk (List) body: go on with the other items when one fails, reporting it as FAILED in the summary,
     * instead of stopping at the first failure.
     */
    private Boolean continueOnError = false;
    /**
     * Comma-separated Retool group ids every created invite joins, added to the groups of the request.
     */
    private String defaultGroupIds;
    /**
     * Make no write call; answer WOULD_INVITE or ALREADY_INVITED as a real run would.
     */
    private Boolean dryRun = false;
    /**
     * Whether the producer should be started lazy (on the first message). By starting lazy you can use this to allow
     * CamelContext and routes to startup in situations where a producer may otherwise fail during starting and cause
     * the route to fail being started. By deferring this startup to be lazy then the startup failure can be handled
     * during routing messages via Camel's routing error handlers. Beware that when the first message is processed
     * then creating and starting the producer may take a little time and prolong the total processing time of the
     * processing.
     */
    private Boolean lazyStartProducer = false;
    /**
     * How long the list of pending invites read for skipExisting is reused, in milliseconds, so a bulk run does not
     * read it once per row. The list is shared by every endpoint with the same base URL and key; invites they create
     * are added to it, and a list action refreshes it. The option is a long type (milliseconds).
     */
    private Long pendingInvitesCacheTtl = 30000L;
    /**
     * Before creating an invite, look the email up among pending invites (and, where the plan allows, existing
     * users) and skip it when found. Every external user is a paid seat.
     */
    private Boolean skipExisting = true;
    /**
     * When skipExisting finds a pending invite for the email, set the request's attributes on that invite (the value
     * of the request wins), so that a signup sent again, or retried after an attribute call failed, ends with its
     * attributes in place. Only those the invite's metadata does not already hold with the same value cost a call.
     */
    private Boolean updatePendingAttributes = false;
    /**
     * Whether autowiring is enabled. This is used for automatic autowiring options (the option must be marked as
     * autowired) by looking up in the registry to find if there is a single instance of matching type, which then
     * gets configured on the component. This can be used for automatic configuring JDBC data sources, JMS connection
     * factories, AWS Clients, etc.
     */
    private Boolean autowiredEnabled = true;
    /**
     * How long to wait for a connection to the Retool API, in milliseconds. The option is a long type
     * (milliseconds).
     */
    private Long connectTimeout = 10000L;
    /**
     * The java.net.http.HttpClient every endpoint uses instead of one the component builds, for what the other
     * options do not cover (proxy authentication, an executor, HTTP/2 settings). Taken from the registry when it
     * holds exactly one. sslContextParameters, the proxy options and connectTimeout do not apply to it. The option
     * is a java.net.http.HttpClient type.
     */
    private HttpClient httpClient;
    /**
     * How long to wait for each HTTP answer from the Retool API, in milliseconds. The option is a long type
     * (milliseconds).
     */
    private Long requestTimeout = 30000L;
    /**
     * retool:attributes: what to do: set or delete attribute values, or capabilities (what the key and plan allow).
     * The header CamelRetoolAction overrides it per message.
     */
    private AttributesAction attributesAction = AttributesAction.set;
    /**
     * retool:attributes: create attribute definitions that do not exist yet, with a data type inferred from the
     * value, before setting values.
     */
    private Boolean createMissingDefinitions = false;
    /**
     * retool:attributes: the email whose account or pending invite is the target. The header CamelRetoolEmail
     * overrides it.
     */
    private String email;
    /**
     * retool:attributes: the pending invite id to set attributes on. The header CamelRetoolInviteId overrides it.
     */
    private Integer inviteId;
    /**
     * retool:attributes: which kind of target an email resolves to: auto (an account where the plan allows looking
     * users up, else the pending invite), user or invite.
     */
    private AttributesTarget target = AttributesTarget.auto;
    /**
     * retool:attributes: the Retool user id (user_...) to set attributes on. The header CamelRetoolUserId overrides
     * it.
     */
    private String userId;
    /**
     * retool:embedToken: what to do: mint an Embed URL, or capabilities (what the key and plan allow). The header
     * CamelRetoolAction overrides it per message.
     */
    private EmbedTokenAction embedTokenAction = EmbedTokenAction.mint;
    /**
     * retool:embedToken: comma-separated Retool group ids the external user belongs to. The header
     * CamelRetoolGroupIds overrides it.
     */
    private String groupIds;
    /**
     * retool:embedToken: the UUID of the Retool Embed landing page. The header CamelRetoolLandingPageUuid overrides
     * it.
     */
    private String landingPageUuid;
    /**
     * Used for enabling or disabling all consumer based health checks from this component
     */
    private Boolean healthCheckConsumerEnabled = true;
    /**
     * Used for enabling or disabling all producer based health checks from this component. Notice: Camel has by
     * default disabled all producer based health-checks. You can turn on producer checks globally by setting
     * camel.health.producersEnabled=true.
     */
    private Boolean healthCheckProducerEnabled = true;
    /**
     * retool:invite: what to do: create (invite, skipping emails already invited or already users), list (the
     * unclaimed invites), revoke or renew (by invite id or email), or capabilities (what the key and plan allow).
     * The header CamelRetoolAction overrides it per message.
     */
    private InviteAction inviteAction = InviteAction.create;
    /**
     * The host of an HTTP proxy every call to Retool goes through (https through CONNECT).
     */
    private String proxyHost;
    /**
     * The port of the HTTP proxy named by proxyHost.
     */
    private Integer proxyPort;
    /**
     * Allow a plain http base URL that is not a loopback address. Loopback addresses are always allowed, so local
     * test servers work without it.
     */
    private Boolean allowInsecureHttp = false;
    /**
     * The Retool API token (created on the API page of Retool's settings), sent as a bearer token. It never appears
     * in logs or exception messages.
     */
    private String apiKey;
    /**
     * TLS settings (trust store, key store, protocols) for calls to Retool: a self-hosted Retool whose certificate a
     * private CA signed needs a trust store holding that CA. Endpoints with the same settings share one HTTP client.
     * The option is a org.apache.camel.support.jsse.SSLContextParameters type.
     */
    private SSLContextParameters sslContextParameters;
    /**
     * Use the SSLContextParameters configured on the CamelContext (camel.ssl.) for endpoints that have no
     * sslContextParameters of their own.
     */
    private Boolean useGlobalSslContextParameters = false;
    /**
     * retool:user: what to do: disable the account (Enterprise), or capabilities (what the key and plan allow). The
     * header CamelRetoolAction overrides it per message.
     */
    private UserAction userAction = UserAction.disable;

    public String getBaseUrl() {
        return baseUrl;
    }

    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public RetoolConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(RetoolConfiguration configuration) {
        this.configuration = configuration;
    }

    public Integer getMaxRetries() {
        return maxRetries;
    }

    public void setMaxRetries(Integer maxRetries) {
        this.maxRetries = maxRetries;
    }

    public Integer getRateLimitPerMinute() {
        return rateLimitPerMinute;
    }

    public void setRateLimitPerMinute(Integer rateLimitPerMinute) {
        this.rateLimitPerMinute = rateLimitPerMinute;
    }

    public Long getUserLookupRecheckInterval() {
        return userLookupRecheckInterval;
    }

    public void setUserLookupRecheckInterval(Long userLookupRecheckInterval) {
        this.userLookupRecheckInterval = userLookupRecheckInterval;
    }

    public Boolean getBridgeErrorHandler() {
        return bridgeErrorHandler;
    }

    public void setBridgeErrorHandler(Boolean bridgeErrorHandler) {
        this.bridgeErrorHandler = bridgeErrorHandler;
    }

    public Boolean getContinueOnError() {
        return continueOnError;
    }

    public void setContinueOnError(Boolean continueOnError) {
        this.continueOnError = continueOnError;
    }

    public String getDefaultGroupIds() {
        return defaultGroupIds;
    }

    public void setDefaultGroupIds(String defaultGroupIds) {
        this.defaultGroupIds = defaultGroupIds;
    }

    public Boolean getDryRun() {
        return dryRun;
    }

    public void setDryRun(Boolean dryRun) {
        this.dryRun = dryRun;
    }

    public Boolean getLazyStartProducer() {
        return lazyStartProducer;
    }

    public void setLazyStartProducer(Boolean lazyStartProducer) {
        this.lazyStartProducer = lazyStartProducer;
    }

    public Long getPendingInvitesCacheTtl() {
        return pendingInvitesCacheTtl;
    }

    public void setPendingInvitesCacheTtl(Long pendingInvitesCacheTtl) {
        this.pendingInvitesCacheTtl = pendingInvitesCacheTtl;
    }

    public Boolean getSkipExisting() {
        return skipExisting;
    }

    public void setSkipExisting(Boolean skipExisting) {
        this.skipExisting = skipExisting;
    }

    public Boolean getUpdatePendingAttributes() {
        return updatePendingAttributes;
    }

    public void setUpdatePendingAttributes(Boolean updatePendingAttributes) {
        this.updatePendingAttributes = updatePendingAttributes;
    }

    public Boolean getAutowiredEnabled() {
        return autowiredEnabled;
    }

    public void setAutowiredEnabled(Boolean autowiredEnabled) {
        this.autowiredEnabled = autowiredEnabled;
    }

    public Long getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(Long connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public HttpClient getHttpClient() {
        return httpClient;
    }

    public void setHttpClient(HttpClient httpClient) {
        this.httpClient = httpClient;
    }

    public Long getRequestTimeout() {
        return requestTimeout;
    }

    public void setRequestTimeout(Long requestTimeout) {
        this.requestTimeout = requestTimeout;
    }

    public AttributesAction getAttributesAction() {
        return attributesAction;
    }

    public void setAttributesAction(AttributesAction attributesAction) {
        this.attributesAction = attributesAction;
    }

    public Boolean getCreateMissingDefinitions() {
        return createMissingDefinitions;
    }

    public void setCreateMissingDefinitions(Boolean createMissingDefinitions) {
        this.createMissingDefinitions = createMissingDefinitions;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public Integer getInviteId() {
        return inviteId;
    }

    public void setInviteId(Integer inviteId) {
        this.inviteId = inviteId;
    }

    public AttributesTarget getTarget() {
        return target;
    }

    public void setTarget(AttributesTarget target) {
        this.target = target;
    }

    public String getUserId() {
        return userId;
    }

    public void setUserId(String userId) {
        this.userId = userId;
    }

    public EmbedTokenAction getEmbedTokenAction() {
        return embedTokenAction;
    }

    public void setEmbedTokenAction(EmbedTokenAction embedTokenAction) {
        this.embedTokenAction = embedTokenAction;
    }

    public String getGroupIds() {
        return groupIds;
    }

    public void setGroupIds(String groupIds) {
        this.groupIds = groupIds;
    }

    public String getLandingPageUuid() {
        return landingPageUuid;
    }

    public void setLandingPageUuid(String landingPageUuid) {
        this.landingPageUuid = landingPageUuid;
    }

    public Boolean getHealthCheckConsumerEnabled() {
        return healthCheckConsumerEnabled;
    }

    public void setHealthCheckConsumerEnabled(Boolean healthCheckConsumerEnabled) {
        this.healthCheckConsumerEnabled = healthCheckConsumerEnabled;
    }

    public Boolean getHealthCheckProducerEnabled() {
        return healthCheckProducerEnabled;
    }

    public void setHealthCheckProducerEnabled(Boolean healthCheckProducerEnabled) {
        this.healthCheckProducerEnabled = healthCheckProducerEnabled;
    }

    public InviteAction getInviteAction() {
        return inviteAction;
    }

    public void setInviteAction(InviteAction inviteAction) {
        this.inviteAction = inviteAction;
    }

    public String getProxyHost() {
        return proxyHost;
    }

    public void setProxyHost(String proxyHost) {
        this.proxyHost = proxyHost;
    }

    public Integer getProxyPort() {
        return proxyPort;
    }

    public void setProxyPort(Integer proxyPort) {
        this.proxyPort = proxyPort;
    }

    public Boolean getAllowInsecureHttp() {
        return allowInsecureHttp;
    }

    public void setAllowInsecureHttp(Boolean allowInsecureHttp) {
        this.allowInsecureHttp = allowInsecureHttp;
    }

    public String getApiKey() {
        return apiKey;
    }

    public void setApiKey(String apiKey) {
        this.apiKey = apiKey;
    }

    public SSLContextParameters getSslContextParameters() {
        return sslContextParameters;
    }

    public void setSslContextParameters(SSLContextParameters sslContextParameters) {
        this.sslContextParameters = sslContextParameters;
    }

    public Boolean getUseGlobalSslContextParameters() {
        return useGlobalSslContextParameters;
    }

    public void setUseGlobalSslContextParameters(Boolean useGlobalSslContextParameters) {
        this.useGlobalSslContextParameters = useGlobalSslContextParameters;
    }

    public UserAction getUserAction() {
        return userAction;
    }

    public void setUserAction(UserAction userAction) {
        this.userAction = userAction;
    }
}
