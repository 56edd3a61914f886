package io.camelretool.component;

import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;
import org.apache.camel.support.jsse.SSLContextParameters;

/**
 * Every option of a {@code retool:} endpoint. Set once on the component ({@code camel.component.retool.*}) and
 * copied into each endpoint, where URI options override it.
 */
@UriParams
public class RetoolConfiguration implements Cloneable {

    @UriParam(label = "security", secret = true,
              description = "The Retool API token (created on the API page of Retool's settings), sent as a bearer token. It never appears in logs or "
                            + "exception messages.")
    @Metadata(required = true)
    private String apiKey;

    @UriParam(defaultValue = "https://api.retool.com",
              description = "Where the Retool API lives: https://api.retool.com for Retool Cloud, or the organization's own "
                            + "host (https://acme.retool.com, a self-hosted Retool). Without the /api suffix.")
    private String baseUrl = "https://api.retool.com";

    @UriParam(label = "advanced", defaultValue = "10000", javaType = "java.time.Duration",
              description = "How long to wait for a connection to the Retool API, in milliseconds.")
    private long connectTimeout = 10_000;

    @UriParam(label = "advanced", defaultValue = "30000", javaType = "java.time.Duration",
              description = "How long to wait for each HTTP answer from the Retool API, in milliseconds.")
    private long requestTimeout = 30_000;

    @UriParam(defaultValue = "45",
              description = "Client-side limit of requests a minute, shared by every endpoint with the same base URL and "
                            + "API key. 45 is what Retool's own tooling assumes for Retool Cloud; self-hosted Retool "
                            + "defaults to 300. 0 turns the limit off.")
    private int rateLimitPerMinute = 45;

    @UriParam(defaultValue = "5",
              description = "How often a request answered 429 (rate limited) or 503 (unavailable) is retried, honouring "
                            + "Retry-After, else with exponential backoff and jitter.")
    private int maxRetries = 5;

    @UriParam(label = "security", defaultValue = "false",
              description = "Allow a plain http base URL that is not a loopback address. Loopback addresses are always "
                            + "allowed, so local test servers work without it.")
    private boolean allowInsecureHttp;

    @UriParam(label = "security",
              description = "TLS settings (trust store, key store, protocols) for calls to Retool: a self-hosted "
                            + "Retool whose certificate a private CA signed needs a trust store holding that CA. "
                            + "Endpoints with the same settings share one HTTP client.")
    private SSLContextParameters sslContextParameters;

    @UriParam(label = "advanced,proxy",
              description = "The host of an HTTP proxy every call to Retool goes through (https through CONNECT).")
    private String proxyHost;

    @UriParam(label = "advanced,proxy",
              description = "The port of the HTTP proxy named by proxyHost.")
    private Integer proxyPort;

    @UriParam(label = "producer,invite", defaultValue = "create",
              description = "retool:invite: what to do: create (invite, skipping emails already invited or already "
                            + "users), list (the unclaimed invites), revoke or renew (by invite id or email), or "
                            + "capabilities (what the key and plan allow). The header CamelRetoolAction overrides it "
                            + "per message.")
    private InviteAction inviteAction = InviteAction.create;

    @UriParam(label = "producer,attributes", defaultValue = "set",
              description = "retool:attributes: what to do: set or delete attribute values, or capabilities (what "
                            + "the key and plan allow). The header CamelRetoolAction overrides it per message.")
    private AttributesAction attributesAction = AttributesAction.set;

    @UriParam(label = "producer,embed", defaultValue = "mint",
              description = "retool:embedToken: what to do: mint an Embed URL, or capabilities (what the key and plan "
                            + "allow). The header CamelRetoolAction overrides it per message.")
    private EmbedTokenAction embedTokenAction = EmbedTokenAction.mint;

    @UriParam(label = "producer,user", defaultValue = "disable",
              description = "retool:user: what to do: disable the account (Enterprise), or capabilities (what the key "
                            + "and plan allow). The header CamelRetoolAction overrides it per message.")
    private UserAction userAction = UserAction.disable;

    @UriParam(label = "producer",
              description = "Comma-separated Retool group ids every created invite joins, added to the groups of the request.")
    private String defaultGroupIds;

    @UriParam(label = "producer", defaultValue = "true",
              description = "Before creating an invite, look the email up among pending invites (and, where the plan "
                            + "allows, existing users) and skip it when found. Every external user is a paid seat.")
    private boolean skipExisting = true;

    @UriParam(label = "producer", defaultValue = "false",
              description = "When skipExisting finds a pending invite for the email, set the request's attributes on "
                            + "that invite (the value of the request wins), so that a signup sent again, or retried "
                            + "after an attribute call failed, ends with its attributes in place. Only those the "
                            + "invite's metadata does not already hold with the same value cost a call.")
    private boolean updatePendingAttributes;

    @UriParam(label = "producer", defaultValue = "30000", javaType = "java.time.Duration",
              description = "How long the list of pending invites read for skipExisting is reused, in milliseconds, so a bulk "
                            + "run does not read it once per row. The list is shared by every endpoint with the same "
                            + "base URL and key; invites they create are added to it, and a list action refreshes it.")
    private long pendingInvitesCacheTtl = 30_000;

    @UriParam(defaultValue = "3600000", javaType = "java.time.Duration",
              description = "How long a refusal of user look-ups (GET /api/v2/users, which the Business plan refuses) "
                            + "is believed before one look-up asks again, in milliseconds. The refusal is learned once "
                            + "per base URL and key and shared by every endpoint; while it is being asked, other calls "
                            + "wait for that answer instead of asking too. So an upgrade to Enterprise takes effect "
                            + "without a restart, at most this long after it.")
    private long userLookupRecheckInterval = 3_600_000;

    @UriParam(label = "producer", defaultValue = "false",
              description = "Make no write call; answer WOULD_INVITE or ALREADY_INVITED as a real run would.")
    private boolean dryRun;

    @UriParam(label = "producer", defaultValue = "false",
              description = "For a bulk (List) body: go on with the other items when one fails, reporting it as FAILED in "
                            + "the summary, instead of stopping at the first failure.")
    private boolean continueOnError;

    @UriParam(label = "attributes",
              description = "retool:attributes: the Retool user id (user_...) to set attributes on. The header "
                            + "CamelRetoolUserId overrides it.")
    private String userId;

    @UriParam(label = "attributes",
              description = "retool:attributes: the pending invite id to set attributes on. The header CamelRetoolInviteId "
                            + "overrides it.")
    private Integer inviteId;

    @UriParam(label = "attributes",
              description = "retool:attributes: the email whose account or pending invite is the target. The header "
                            + "CamelRetoolEmail overrides it.")
    private String email;

    @UriParam(label = "attributes", defaultValue = "auto",
              description = "retool:attributes: which kind of target an email resolves to: auto (an account where the "
                            + "plan allows looking users up, else the pending invite), user or invite.")
    private AttributesTarget target = AttributesTarget.auto;

    @UriParam(label = "attributes", defaultValue = "false",
              description = "retool:attributes: create attribute definitions that do not exist yet, with a data type "
                            + "inferred from the value, before setting values.")
    private boolean createMissingDefinitions;

    @UriParam(label = "embed",
              description = "retool:embedToken: the UUID of the Retool Embed landing page. The header "
                            + "CamelRetoolLandingPageUuid overrides it.")
    private String landingPageUuid;

    @UriParam(label = "embed",
              description = "retool:embedToken: comma-separated Retool group ids the external user belongs to. The header "
                            + "CamelRetoolGroupIds overrides it.")
    private String groupIds;

    public RetoolConfiguration copy() {
        try {
            return (RetoolConfiguration) clone();
        } catch (CloneNotSupportedException e) {
            throw new RuntimeCamelException(e);
        }
    }

    public String getApiKey() {
        return apiKey;
    }

    public void setApiKey(String apiKey) {
        this.apiKey = apiKey;
    }

    public String getBaseUrl() {
        return baseUrl;
    }

    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public long getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(long connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public long getRequestTimeout() {
        return requestTimeout;
    }

    public void setRequestTimeout(long requestTimeout) {
        this.requestTimeout = requestTimeout;
    }

    public int getRateLimitPerMinute() {
        return rateLimitPerMinute;
    }

    public void setRateLimitPerMinute(int rateLimitPerMinute) {
        this.rateLimitPerMinute = rateLimitPerMinute;
    }

    public int getMaxRetries() {
        return maxRetries;
    }

    public void setMaxRetries(int maxRetries) {
        this.maxRetries = maxRetries;
    }

    public boolean isAllowInsecureHttp() {
        return allowInsecureHttp;
    }

    public void setAllowInsecureHttp(boolean allowInsecureHttp) {
        this.allowInsecureHttp = allowInsecureHttp;
    }

    public InviteAction getInviteAction() {
        return inviteAction;
    }

    public void setInviteAction(InviteAction inviteAction) {
        this.inviteAction = inviteAction;
    }

    public AttributesAction getAttributesAction() {
        return attributesAction;
    }

    public void setAttributesAction(AttributesAction attributesAction) {
        this.attributesAction = attributesAction;
    }

    public UserAction getUserAction() {
        return userAction;
    }

    public void setUserAction(UserAction userAction) {
        this.userAction = userAction;
    }

    public EmbedTokenAction getEmbedTokenAction() {
        return embedTokenAction;
    }

    public void setEmbedTokenAction(EmbedTokenAction embedTokenAction) {
        this.embedTokenAction = embedTokenAction;
    }

    public SSLContextParameters getSslContextParameters() {
        return sslContextParameters;
    }

    public void setSslContextParameters(SSLContextParameters sslContextParameters) {
        this.sslContextParameters = sslContextParameters;
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

    public String getDefaultGroupIds() {
        return defaultGroupIds;
    }

    public void setDefaultGroupIds(String defaultGroupIds) {
        this.defaultGroupIds = defaultGroupIds;
    }

    public boolean isSkipExisting() {
        return skipExisting;
    }

    public void setSkipExisting(boolean skipExisting) {
        this.skipExisting = skipExisting;
    }

    public boolean isUpdatePendingAttributes() {
        return updatePendingAttributes;
    }

    public void setUpdatePendingAttributes(boolean updatePendingAttributes) {
        this.updatePendingAttributes = updatePendingAttributes;
    }

    public long getPendingInvitesCacheTtl() {
        return pendingInvitesCacheTtl;
    }

    public void setPendingInvitesCacheTtl(long pendingInvitesCacheTtl) {
        this.pendingInvitesCacheTtl = pendingInvitesCacheTtl;
    }

    public long getUserLookupRecheckInterval() {
        return userLookupRecheckInterval;
    }

    public void setUserLookupRecheckInterval(long userLookupRecheckInterval) {
        this.userLookupRecheckInterval = userLookupRecheckInterval;
    }

    public boolean isDryRun() {
        return dryRun;
    }

    public void setDryRun(boolean dryRun) {
        this.dryRun = dryRun;
    }

    public boolean isContinueOnError() {
        return continueOnError;
    }

    public void setContinueOnError(boolean continueOnError) {
        this.continueOnError = continueOnError;
    }

    public String getUserId() {
        return userId;
    }

    public void setUserId(String userId) {
        this.userId = userId;
    }

    public Integer getInviteId() {
        return inviteId;
    }

    public void setInviteId(Integer inviteId) {
        this.inviteId = inviteId;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public AttributesTarget getTarget() {
        return target;
    }

    public void setTarget(AttributesTarget target) {
        this.target = target;
    }

    public boolean isCreateMissingDefinitions() {
        return createMissingDefinitions;
    }

    public void setCreateMissingDefinitions(boolean createMissingDefinitions) {
        this.createMissingDefinitions = createMissingDefinitions;
    }

    public String getLandingPageUuid() {
        return landingPageUuid;
    }

    public void setLandingPageUuid(String landingPageUuid) {
        this.landingPageUuid = landingPageUuid;
    }

    public String getGroupIds() {
        return groupIds;
    }

    public void setGroupIds(String groupIds) {
        this.groupIds = groupIds;
    }
}
