package io.camelretool.sandbox;

import io.camelretool.sandbox.http.AdminHandler;
import io.camelretool.sandbox.http.ApiHandler;
import io.camelretool.sandbox.http.ApiKeys;
import io.camelretool.sandbox.http.RateLimiter;
import io.camelretool.sandbox.http.SandboxHttpServer;
import io.camelretool.sandbox.http.Scopes;
import io.camelretool.sandbox.state.RejectedOperationException;
import io.camelretool.sandbox.state.RequestLog;
import io.camelretool.sandbox.state.SandboxOrganization;
import io.camelretool.sandbox.state.UserStore;
import io.camelretool.sandbox.tls.SandboxTls;
import io.camelretool.sandbox.validation.StringFormat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;

/**
 * A local, stateful stand-in for Retool's users, invites, user-attributes and Embed API, served over real HTTP on
 * 127.0.0.1. Start one in a line, point a client at {@link #baseUrl()} with {@link #apiKey()}, then inspect what
 * the client did. Thread-safe throughout.
 *
 * <pre>{@code
 * try (RetoolSandbox retool = RetoolSandbox.start()) {
 *     // call retool.baseUrl() + "/api/v2/user_invites" with "Authorization: Bearer " + retool.apiKey()
 *     assertThat(retool.invitesFor("ada@example.com")).hasSize(1);
 * }
 * }</pre>
 */
public final class RetoolSandbox implements AutoCloseable {

    /** The key a sandbox accepts when none is configured; it has every scope. */
    public static final String DEFAULT_API_KEY = "retool_test_key";

    private static final Pattern ATTRIBUTE_NAME = Pattern.compile("^[a-z0-9_]{1,255}$");
    private static final List<String> DATA_TYPES = List.of("string", "number", "json");

    private final SandboxPlan configuredPlan;
    private final ClaimedInvites configuredClaimedInvites;
    private final int configuredRateLimit;
    private final FaultSettings configuredFaults;
    private final ApiKeys keys;
    private final SandboxClock clock = new SandboxClock();
    private final SandboxOrganization organization = new SandboxOrganization(clock);
    private final AtomicReference<SandboxPlan> plan;
    private final AtomicReference<ClaimedInvites> claimedInvites;
    private final RateLimiter rateLimiter;
    private final SandboxFaults faults;
    private final RequestLog requestLog = new RequestLog(RequestLog.DEFAULT_CAPACITY);
    private final SandboxHttpServer server;
    private final SandboxTls tls;

    private RetoolSandbox(Builder settings) {
        this.configuredPlan = settings.plan();
        this.configuredRateLimit = settings.rateLimitPerMinute();
        this.configuredFaults = settings.faults();
        this.keys = new ApiKeys(settings.apiKeys());
        this.plan = new AtomicReference<>(configuredPlan);
        this.configuredClaimedInvites = settings.claimedInvites();
        this.claimedInvites = new AtomicReference<>(configuredClaimedInvites);
        this.rateLimiter = new RateLimiter(clock, configuredRateLimit);
        this.faults = new SandboxFaults(configuredFaults);
        ApiHandler api = new ApiHandler(organization, keys, plan::get, rateLimiter, faults, requestLog,
                claimedInvites::get);
        this.tls = settings.servesTls() ? SandboxTls.generated() : null;
        this.server = SandboxHttpServer.start(settings.port(), api, new AdminHandler(this, organization),
                tls == null ? null : tls.serverContext());
    }

    /** A sandbox on a free port, Business plan, key {@value #DEFAULT_API_KEY} with every scope, no limits. */
    public static RetoolSandbox start() {
        return builder().start();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** {@code http://127.0.0.1:PORT}, or {@code https://} when served over TLS; without a trailing slash. */
    public String baseUrl() {
        return (tls == null ? "http" : "https") + "://127.0.0.1:" + port();
    }

    /** Whether this sandbox serves https (see {@link Builder#tls()}). */
    public boolean isTls() {
        return tls != null;
    }

    /**
     * The trust material a client needs for this sandbox's https: its private CA's certificate as a key store, a
     * PKCS12 file and that file's password.
     *
     * @throws IllegalStateException when the sandbox serves plain http
     */
    public SandboxTls tls() {
        if (tls == null) {
            throw new IllegalStateException("this sandbox serves plain http; build it with tls() for https");
        }
        return tls;
    }

    public int port() {
        return server.port();
    }

    /** The first configured API key. */
    public String apiKey() {
        return keys.first();
    }

    // ---- invites

    /** Every invite created and not revoked, claimed and expired ones included, in creation order. */
    public List<SandboxInvite> invites() {
        return organization.invites().all();
    }

    /** The invites that can still be accepted now (sandbox clock): neither claimed nor expired. */
    public List<SandboxInvite> pendingInvites() {
        return invites().stream().filter(invite -> invite.pendingAt(clock.now())).toList();
    }

    /** The invites (not revoked) for an email, compared ignoring case and surrounding blanks. */
    public List<SandboxInvite> invitesFor(String email) {
        return organization.invites().forEmail(email);
    }

    /**
     * @throws RejectedOperationException NOT_FOUND when no invite has that id
     */
    public SandboxInvite invite(int inviteId) {
        return organization.invite(inviteId);
    }

    /**
     * Accepts an invite as the invitee would: it becomes claimed and leads to a user (new, or the existing user
     * with that email) whose attributes include the invite's.
     *
     * @throws RejectedOperationException NOT_FOUND for an unknown or revoked invite, CONFLICT for one already
     *                                    claimed or expired
     */
    public SandboxUser claimInvite(int inviteId) {
        return organization.claimInvite(inviteId);
    }

    /**
     * Lets an invite expire now, as if it had been created seven days ago (see
     * {@link SandboxOrganization#expireInvite}).
     *
     * @throws RejectedOperationException NOT_FOUND for an unknown or revoked invite, CONFLICT for a claimed one
     */
    public SandboxInvite expireInvite(int inviteId) {
        return organization.expireInvite(inviteId);
    }

    // ---- users

    public List<SandboxUser> users() {
        return organization.users().all();
    }

    /**
     * Seeds an existing account, as if the person had signed up long ago.
     *
     * @throws IllegalArgumentException    naming {@code email} when it is not an email address
     * @throws RejectedOperationException CONFLICT when a user already has that email
     */
    public SandboxUser addUser(String email, String firstName, String lastName) {
        if (email == null || !StringFormat.EMAIL.matches(email)) {
            throw new IllegalArgumentException("email must be an email address; got '" + email + "'");
        }
        return organization.createUser(new UserStore.NewUser(email, firstName, lastName, "default", true,
                new LinkedHashMap<>(), List.of()));
    }

    /**
     * @throws RejectedOperationException NOT_FOUND when no user has that id
     */
    public SandboxUser user(String userId) {
        return organization.user(userId);
    }

    // ---- attribute definitions and groups

    public List<SandboxAttributeDefinition> attributeDefinitions() {
        return organization.attributeDefinitions().all();
    }

    /** Seeds an attribute definition labelled with its own name and no default value. */
    public SandboxAttributeDefinition defineAttribute(String name, String dataType) {
        return defineAttribute(name, name, dataType, null);
    }

    /**
     * Seeds an attribute definition.
     *
     * @throws IllegalArgumentException    naming {@code name} or {@code dataType} when Retool would refuse it
     * @throws RejectedOperationException CONFLICT when the name exists
     */
    public SandboxAttributeDefinition defineAttribute(String name, String label, String dataType,
            String defaultValue) {
        if (name == null || !ATTRIBUTE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("name must match ^[a-z0-9_]+$ (1 to 255 characters); got '" + name
                    + "'");
        }
        if (!DATA_TYPES.contains(dataType)) {
            throw new IllegalArgumentException("dataType must be one of " + DATA_TYPES + "; got '" + dataType + "'");
        }
        if (label == null || label.isBlank()) {
            throw new IllegalArgumentException("label must not be blank");
        }
        return organization.defineAttribute(name, label, dataType, defaultValue);
    }

    public List<SandboxGroup> groups() {
        return organization.groups().all();
    }

    /** Adds a group invites may name, or renames the group with that id. Forgotten on {@link #reset()}. */
    public SandboxGroup addGroup(int id, String name) {
        return organization.groups().put(id, name);
    }

    // ---- Embed

    /** Every Embed URL minted, oldest first. */
    public List<String> embedUrls() {
        return organization.embedUrls().all();
    }

    /**
     * Opens an Embed URL as a browser would.
     *
     * @return {@code true} the first time for a URL this sandbox minted; {@code false} on reuse, as it is single-use
     */
    public boolean redeemEmbedUrl(String url) {
        return organization.embedUrls().redeem(url);
    }

    // ---- request log

    /** The API requests received, oldest first; the most recent {@value RequestLog#DEFAULT_CAPACITY} are kept. */
    public List<RecordedRequest> requests() {
        return requestLog.all();
    }

    /** How many API requests had this method and a path (with query) starting with {@code pathPrefix}. */
    public long requestCount(String method, String pathPrefix) {
        return requestLog.count(method, pathPrefix);
    }

    // ---- runtime controls

    public SandboxPlan plan() {
        return plan.get();
    }

    public void setPlan(SandboxPlan newPlan) {
        plan.set(Objects.requireNonNull(newPlan, "plan"));
    }

    /** Whether a claimed invite stays listed (the default) or vanishes from the API. */
    public ClaimedInvites claimedInvites() {
        return claimedInvites.get();
    }

    /** Switches, at runtime, what the invite calls show of claimed invites; see {@link ClaimedInvites}. */
    public void setClaimedInvites(ClaimedInvites mode) {
        claimedInvites.set(Objects.requireNonNull(mode, "claimedInvites"));
    }

    public SandboxClock clock() {
        return clock;
    }

    public SandboxFaults faults() {
        return faults;
    }

    public int rateLimitPerMinute() {
        return rateLimiter.perMinute();
    }

    /** Per API key; 0 turns limiting off. Every key starts a fresh window. */
    public void setRateLimitPerMinute(int requestsPerMinute) {
        rateLimiter.setPerMinute(requestsPerMinute);
    }

    /**
     * Back to the state right after start: no invites, users, attribute definitions or Embed URLs, the default
     * groups, an empty request log, the wall clock, and the plan, claimed-invites mode, rate limit and faults the
     * sandbox was built with.
     */
    public void reset() {
        organization.reset();
        requestLog.clear();
        clock.reset();
        plan.set(configuredPlan);
        claimedInvites.set(configuredClaimedInvites);
        rateLimiter.setPerMinute(configuredRateLimit);
        faults.clear().set(configuredFaults);
    }

    /** Stops serving; connections in flight are cut. */
    @Override
    public void close() {
        server.close();
    }

    /**
     * How a {@link RetoolSandbox} starts. Every setting has the default of {@link RetoolSandbox#start()}: any free
     * port, Business plan, key {@value #DEFAULT_API_KEY} with every scope, no rate limit, no latency and
     * no faults. Setters refuse bad values at once, naming the setting.
     */
    public static final class Builder {

        private int port;
        private SandboxPlan plan = SandboxPlan.BUSINESS;
        private ClaimedInvites claimedInvites = ClaimedInvites.LISTED;
        private final Map<String, Set<String>> apiKeys = new LinkedHashMap<>();
        private int rateLimitPerMinute;
        private FaultSettings faults = FaultSettings.NONE;
        private boolean tls;

        private Builder() {
        }

        /**
         * Serves https with a certificate for 127.0.0.1 and localhost signed by a private CA generated for this JVM
         * (see {@link RetoolSandbox#tls()} for the trust store clients need).
         */
        public Builder tls() {
            this.tls = true;
            return this;
        }

        /** 0 (the default) picks a free port. */
        public Builder port(int port) {
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("port must be between 0 and 65535; got " + port);
            }
            this.port = port;
            return this;
        }

        public Builder plan(SandboxPlan plan) {
            this.plan = Objects.requireNonNull(plan, "plan");
            return this;
        }

        /** What the invite calls show of a claimed invite: {@link ClaimedInvites#LISTED} (the default) or VANISH. */
        public Builder claimedInvites(ClaimedInvites mode) {
            this.claimedInvites = Objects.requireNonNull(mode, "claimedInvites");
            return this;
        }

        /**
         * Accepts this key. Without scopes it may do everything; with scopes, only what they allow. The first key
         * added is {@link RetoolSandbox#apiKey()}. Adding any key replaces the default key.
         */
        public Builder apiKey(String key, String... scopes) {
            if (key == null || key.isBlank() || key.chars().anyMatch(Character::isWhitespace)) {
                throw new IllegalArgumentException("apiKey must be a non-blank token without spaces");
            }
            for (String scope : scopes) {
                Scopes.requireKnown(scope);
            }
            apiKeys.put(key, scopes.length == 0 ? Scopes.ALL : Set.of(scopes));
            return this;
        }

        /** Requests a minute per key; 0 (the default) is no limit. */
        public Builder rateLimitPerMinute(int requestsPerMinute) {
            if (requestsPerMinute < 0) {
                throw new IllegalArgumentException("rateLimitPerMinute must be 0 (off) or more; got " + requestsPerMinute);
            }
            this.rateLimitPerMinute = requestsPerMinute;
            return this;
        }

        /** A fixed delay added to every API call. */
        public Builder latencyMs(long millis) {
            if (millis < 0) {
                throw new IllegalArgumentException("latencyMs must not be negative; got " + millis);
            }
            this.faults = faults.withLatency(Duration.ofMillis(millis), faults.randomLatency());
            return this;
        }

        /** Probability of a 500, 502 or 503 answer; the other faults are set through {@link RetoolSandbox#faults()}. */
        public Builder faultRate(double probability) {
            this.faults = faults.withServerErrorRate(probability);
            return this;
        }

        /** Every fault setting at once. */
        public Builder faults(FaultSettings settings) {
            this.faults = Objects.requireNonNull(settings, "faults");
            return this;
        }

        /**
         * Starts serving on 127.0.0.1.
         *
         * @throws java.io.UncheckedIOException naming the port when it cannot be bound
         */
        public RetoolSandbox start() {
            return new RetoolSandbox(this);
        }

        int port() {
            return port;
        }

        boolean servesTls() {
            return tls;
        }

        SandboxPlan plan() {
            return plan;
        }

        ClaimedInvites claimedInvites() {
            return claimedInvites;
        }

        Map<String, Set<String>> apiKeys() {
            if (apiKeys.isEmpty()) {
                return Map.of(RetoolSandbox.DEFAULT_API_KEY, Scopes.ALL);
            }
            return new LinkedHashMap<>(apiKeys);
        }

        int rateLimitPerMinute() {
            return rateLimitPerMinute;
        }

        FaultSettings faults() {
            return faults;
        }
    }
}
