package io.camelretool.component.client;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelretool.component.error.NotRetoolApiException;
import io.camelretool.component.error.RetoolConnectionException;
import io.camelretool.component.error.RetoolException;
import io.camelretool.component.error.RetoolHeldBackException;
import io.camelretool.component.metrics.RetoolMetrics;
import io.camelretool.component.model.PendingInvite;
import io.camelretool.component.model.PendingInviteIndex;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asynchronous calls to the Retool API. Every call goes through one path that waits for the shared rate limiter,
 * retries 429 and 503, maps failures to the {@link RetoolException} family and parses JSON. No thread is held
 * while a call or a wait is in progress.
 */
public class RetoolClient {

    public static final String INVITES_PATH = "/api/v2/user_invites";
    public static final String USERS_PATH = "/api/v2/users";
    public static final String ATTRIBUTES_PATH = "/api/v2/user_attributes";

    private static final Logger LOG = LoggerFactory.getLogger(RetoolClient.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final URI baseUri;
    private final String authorization;
    private final RequestRateLimiter rateLimiter;
    private final Duration requestTimeout;
    private final int maxRetries;
    private final Supplier<CompletableFuture<Optional<String>>> transportCheck;
    private final RetoolMetrics metrics;
    private final RetoolCallGate gate;

    public RetoolClient(HttpClient http, URI baseUri, String apiKey, RequestRateLimiter rateLimiter,
                        long requestTimeoutMillis, int maxRetries) {
        this(http, baseUri, apiKey, rateLimiter, requestTimeoutMillis, maxRetries,
                () -> CompletableFuture.completedFuture(Optional.empty()), RetoolMetrics.NONE,
                RetoolCallGate.ALWAYS_OPEN);
    }

    /**
     * @param transportCheck what is wrong with the base URL's scheme, if anything ({@link TransportCheck}); a finding
     *                       fails the call before it is sent
     * @param metrics        where calls, retries and rate-limiter waits are measured
     * @param gate           whether each attempt may go out, told of each outcome (a circuit breaker)
     */
    public RetoolClient(HttpClient http, URI baseUri, String apiKey, RequestRateLimiter rateLimiter,
                        long requestTimeoutMillis, int maxRetries,
                        Supplier<CompletableFuture<Optional<String>>> transportCheck, RetoolMetrics metrics,
                        RetoolCallGate gate) {
        this.gate = gate;
        this.transportCheck = transportCheck;
        this.metrics = metrics;
        this.http = http;
        this.baseUri = baseUri;
        this.authorization = "Bearer " + apiKey;
        this.rateLimiter = rateLimiter;
        this.requestTimeout = Duration.ofMillis(requestTimeoutMillis);
        this.maxRetries = Math.max(0, maxRetries);
    }

    /** {@code POST /api/v2/user_invites}; answers the created invite. */
    public CompletableFuture<JsonNode> createInvite(String email, List<Integer> groupIds, Map<String, Object> metadata) {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("email", email);
        if (!groupIds.isEmpty()) {
            body.put("defaultGroupIds", groupIds);
        }
        if (!metadata.isEmpty()) {
            body.put("metadata", metadata);
        }
        return send("POST", INVITES_PATH, body).thenApply(answer -> answer.path("data"));
    }

    /** {@code GET /api/v2/user_invites}, every page; Retool offers no filter, so callers filter themselves. */
    public CompletableFuture<List<JsonNode>> listInvites() {
        return collectPages(INVITES_PATH, new ArrayList<>());
    }

    /**
     * {@code GET /api/v2/user_invites}, every page, kept only as the unclaimed invites' ids and expiries and the
     * claimed ones' user ids by email (see {@link PendingInviteIndex}). Each
     * page is read as it streams in, one invite at a time, so what this holds grows with the number of invites (the
     * email key and two numbers each) and never with the size of Retool's answer.
     */
    public CompletableFuture<PendingInviteIndex> readPendingInviteIndex() {
        return indexPages(INVITES_PATH, new PendingInviteIndex());
    }

    private CompletableFuture<PendingInviteIndex> indexPages(String path, PendingInviteIndex index) {
        return attempt("GET", path, null, 0, HttpResponse.BodyHandlers.ofInputStream(),
                (response, method, where) -> readInvitePage(response, method, where, index)).thenCompose(next -> {
            if (next.isEmpty()) {
                return CompletableFuture.completedFuture(index);
            }
            return indexPages(nextPage(path, next.get()), index);
        });
    }

    /** Adds one page's invites to the index; answers the next page's token, if there is one. */
    private Optional<String> readInvitePage(HttpResponse<InputStream> response, String method, String path,
                                            PendingInviteIndex index) {
        String contentType = contentType(response);
        if (response.statusCode() < 200 || response.statusCode() >= 300 || !contentType.contains("json")) {
            byte[] body;
            try (InputStream in = response.body()) {
                body = in.readAllBytes();
            } catch (IOException e) {
                throw connectionFailure(e, method, path);
            }
            // an error becomes its exception; an empty success holds no invites
            interpret(response.statusCode(), contentType, body, method, path);
            return Optional.empty();
        }
        String nextToken = null;
        boolean hasMore = false;
        try (InputStream in = response.body(); JsonParser parser = JSON.createParser(in)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw notRetoolApi(contentType, response.statusCode(), method, path);
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if (field.equals("data") && value == JsonToken.START_ARRAY) {
                    while (parser.nextToken() == JsonToken.START_OBJECT) {
                        index.add(PendingInvite.fromJson(parser.readValueAsTree()));
                    }
                } else if (field.equals("next_token")) {
                    nextToken = value == JsonToken.VALUE_STRING ? parser.getText() : null;
                } else if (field.equals("has_more")) {
                    hasMore = value == JsonToken.VALUE_TRUE;
                } else {
                    parser.skipChildren();
                }
            }
        } catch (JsonProcessingException notJson) {
            throw notRetoolApi(contentType, response.statusCode(), method, path);
        } catch (IOException e) {
            throw connectionFailure(e, method, path);
        }
        return hasMore && nextToken != null && !nextToken.isEmpty() ? Optional.of(nextToken) : Optional.empty();
    }

    /** {@code GET /api/v2/user_invites/{id}}: one invite, whole. */
    public CompletableFuture<PendingInvite> getInvite(int inviteId) {
        return send("GET", INVITES_PATH + "/" + inviteId, null)
                .thenApply(answer -> PendingInvite.fromJson(answer.path("data")));
    }

    private CompletableFuture<List<JsonNode>> collectPages(String path, List<JsonNode> collected) {
        return send("GET", path, null).thenCompose(page -> {
            page.path("data").forEach(collected::add);
            String next = page.path("next_token").asText(null);
            if (page.path("has_more").asBoolean(false) && next != null && !next.isEmpty()) {
                return collectPages(nextPage(path, next), collected);
            }
            return CompletableFuture.completedFuture(collected);
        });
    }

    /** The path of a list's next page: the same path with that page's token as its only query. */
    private static String nextPage(String path, String nextToken) {
        String base = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        return base + "?next_token=" + encode(nextToken);
    }

    /** {@code DELETE /api/v2/user_invites/{id}}. */
    public CompletableFuture<Void> revokeInvite(int inviteId) {
        return send("DELETE", INVITES_PATH + "/" + inviteId, null).thenApply(ignored -> null);
    }

    /**
     * {@code DELETE /api/v2/users/{userId}}: Retool's "Delete a user" disables the account. Only plans with user
     * management offer it; elsewhere it fails with a {@code RetoolPermissionException}.
     */
    public CompletableFuture<Void> disableUser(String userId) {
        return send("DELETE", USERS_PATH + "/" + encode(userId), null).thenApply(ignored -> null);
    }

    /** {@code POST /api/v2/user_invites/{id}/user_attributes}; answers the invite's attribute metadata. */
    public CompletableFuture<JsonNode> setInviteAttribute(int inviteId, String name, String value) {
        return send("POST", INVITES_PATH + "/" + inviteId + "/user_attributes", Map.of("name", name, "value", value))
                .thenApply(answer -> answer.path("data"));
    }

    /**
     * Sets ({@code value} non-null) or deletes ({@code value} null) one attribute on a user ({@code user_...}) or an
     * invite (an integer id); answers the target's attribute metadata after the change.
     */
    public CompletableFuture<JsonNode> changeAttribute(String targetPath, String name, String value) {
        CompletableFuture<JsonNode> answer = value == null
                ? send("DELETE", targetPath + "/user_attributes/" + encode(name).replace("+", "%20"), null)
                : send("POST", targetPath + "/user_attributes", Map.of("name", name, "value", value));
        return answer.thenApply(body -> body == null ? null : body.path("data").path("metadata"));
    }

    /** {@code GET /api/v2/user_attributes}: the names of the organisation's attribute definitions. */
    public CompletableFuture<List<String>> attributeDefinitionNames() {
        return send("GET", ATTRIBUTES_PATH, null).thenApply(page -> {
            List<String> names = new ArrayList<>();
            page.path("data").forEach(definition -> names.add(definition.path("name").asText()));
            return names;
        });
    }

    /** {@code POST /api/v2/user_attributes}; a 409 (the name exists) fails with a RetoolConflictException. */
    public CompletableFuture<Void> createAttributeDefinition(String name, String dataType) {
        return send("POST", ATTRIBUTES_PATH, Map.of("name", name, "label", name, "dataType", dataType))
                .thenApply(ignored -> null);
    }

    /** The path (with its query) of the look-up of the accounts with this email. */
    public static String usersByEmailPath(String email) {
        return USERS_PATH + "?email=" + encode(email);
    }

    /**
     * {@code GET /api/v2/users?email=}: the accounts with this email. Retool only offers this on plans that include
     * user management; elsewhere it fails with a {@code RetoolPermissionException}.
     */
    public CompletableFuture<List<JsonNode>> findUsersByEmail(String email) {
        return send("GET", usersByEmailPath(email), null).thenApply(page -> {
            List<JsonNode> users = new ArrayList<>();
            page.path("data").forEach(users::add);
            return users;
        });
    }

    /**
     * Sends one request and answers the parsed JSON body ({@code null} for an empty 2xx answer). The future fails
     * with a {@link RetoolException}, never anything else.
     */
    public CompletableFuture<JsonNode> send(String method, String path, Object body) {
        byte[] payload;
        try {
            payload = body == null ? null : JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("Cannot write the request as JSON", e));
        }
        return attempt(method, path, payload, 0);
    }

    private CompletableFuture<JsonNode> attempt(String method, String path, byte[] payload, int retry) {
        return attempt(method, path, payload, retry, HttpResponse.BodyHandlers.ofByteArray(),
                (response, how, where) -> interpret(response.statusCode(), contentType(response), response.body(),
                        how, where));
    }

    /** Turns an answer that is not to be retried into its result, or throws a {@link RetoolException}. */
    @FunctionalInterface
    private interface AnswerReader<B, T> {
        T read(HttpResponse<B> response, String method, String path);
    }

    private <B, T> CompletableFuture<T> attempt(String method, String path, byte[] payload, int retry,
                                                HttpResponse.BodyHandler<B> bodyHandler, AnswerReader<B, T> reader) {
        HttpRequest request = request(method, path, payload);
        long queued = System.nanoTime();
        long[] sent = { queued };
        // REFUSED until the gate lets the attempt out: a refused attempt has no outcome to tell
        RetoolCallGate.Admission[] admission = { RetoolCallGate.Admission.REFUSED };
        String endpoint = MeteredEndpoints.of(path);
        return transportCheck.get()
                .thenCompose(finding -> finding.isPresent()
                        ? CompletableFuture.failedFuture(new RetoolConnectionException(finding.get(), 0, null, method,
                                path, null))
                        : rateLimiter.acquire())
                .thenCompose(ready -> {
                    // asked when the slot comes, so a request queued before Retool went away is held back too
                    admission[0] = gate.admit(method, path);
                    if (admission[0] == RetoolCallGate.Admission.REFUSED) {
                        return heldBack(method, path);
                    }
                    sent[0] = System.nanoTime();
                    metrics.queued(Duration.ofNanos(sent[0] - queued));
                    return http.sendAsync(request, bodyHandler);
                })
                .handle((response, failure) -> {
                    Duration took = Duration.ofNanos(System.nanoTime() - sent[0]);
                    if (failure != null) {
                        RetoolException cause = connectionFailure(Futures.unwrap(failure), method, path);
                        if (admission[0] != RetoolCallGate.Admission.REFUSED) {
                            metrics.call(method, endpoint, cause.getStatus(), took);
                            gate.attempted(admission[0], cause);
                        }
                        return CompletableFuture.<T> failedFuture(cause);
                    }
                    int status = response.statusCode();
                    metrics.call(method, endpoint, status, took);
                    LOG.debug("Retool {} {} answered {} in {} ms", method, path, status, took.toMillis());
                    if ((status == 429 || status == 503) && retry < maxRetries) {
                        gate.attempted(admission[0], RetoolErrors.fromStatus(status, null, method, path));
                        discard(response.body());
                        Duration delay = RetryDelays.before(retry, response.headers());
                        metrics.retry(status, delay);
                        LOG.debug("Retool {} {} answered {}; retry {} of {} in {} ms", method, path, status, retry + 1,
                                maxRetries, delay.toMillis());
                        return CompletableFuture.runAsync(() -> { },
                                CompletableFuture.delayedExecutor(delay.toMillis(), TimeUnit.MILLISECONDS))
                                .thenCompose(waited -> attempt(method, path, payload, retry + 1, bodyHandler, reader));
                    }
                    try {
                        T answer = reader.read(response, method, path);
                        gate.attempted(admission[0], null);
                        return CompletableFuture.completedFuture(answer);
                    } catch (RetoolException e) {
                        gate.attempted(admission[0], e);
                        return CompletableFuture.<T> failedFuture(e);
                    }
                })
                .thenCompose(next -> next);
    }

    private static <T> CompletableFuture<T> heldBack(String method, String path) {
        return CompletableFuture.failedFuture(new RetoolHeldBackException("Not sent: calls to Retool are held back "
                                                                          + "while it does not answer", method, path));
    }

    /** An answer body that is not read: a stream is closed, so that its connection is not held. */
    private static void discard(Object body) {
        if (body instanceof InputStream stream) {
            try {
                stream.close();
            } catch (IOException ignored) {
                // the connection is dropped instead of reused; nothing else depends on it
            }
        }
    }

    private HttpRequest request(String method, String path, byte[] payload) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(baseUri.resolve(baseUri.getRawPath() + path))
                .timeout(requestTimeout)
                .header("Authorization", authorization)
                .header("Accept", "application/json");
        if (payload != null) {
            builder.header("Content-Type", "application/json; charset=utf-8")
                    .method(method, HttpRequest.BodyPublishers.ofByteArray(payload));
        } else {
            builder.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return builder.build();
    }

    private static String contentType(HttpResponse<?> response) {
        return response.headers().firstValue("Content-Type").orElse("").toLowerCase(Locale.ROOT);
    }

    private JsonNode interpret(int status, String contentType, byte[] body, String method, String path) {
        boolean empty = body == null || body.length == 0;
        if (status >= 200 && status < 300 && empty) {
            return null;
        }
        JsonNode json = contentType.contains("json") ? parse(body) : null;
        if (json == null) {
            throw notRetoolApi(contentType, status, method, path);
        }
        if (status >= 200 && status < 300) {
            return json;
        }
        throw RetoolErrors.fromStatus(status, json, method, path);
    }

    private NotRetoolApiException notRetoolApi(String contentType, int status, String method, String path) {
        return new NotRetoolApiException("The answer from " + baseUri + path + " is not the Retool API's JSON ("
                                         + (contentType.isEmpty() ? "no content type" : contentType)
                                         + "); the base URL is probably wrong", status, null, method, path, null);
    }

    private static JsonNode parse(byte[] body) {
        try {
            return body == null || body.length == 0 ? null : JSON.readTree(body);
        } catch (IOException notJson) {
            return null;
        }
    }

    private RetoolException connectionFailure(Throwable cause, String method, String path) {
        if (cause instanceof RetoolException retool) {
            return retool;
        }
        String what = cause instanceof HttpTimeoutException ? "Retool did not answer in time"
                : untrustedCertificate(cause) ? "The certificate of " + baseUri.getHost() + " is not trusted: give the "
                        + "retool component sslContextParameters (or useGlobalSslContextParameters) whose trust store "
                        + "holds the CA that signed it"
                : "Could not reach Retool (" + cause.getClass().getSimpleName() + ")";
        return new RetoolConnectionException(what, 0, null, method, path, cause);
    }

    /** A handshake refused because no trusted CA signed the server's certificate chain. */
    private static boolean untrustedCertificate(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.security.cert.CertPathBuilderException
                || cause instanceof java.security.cert.CertPathValidatorException) {
                return true;
            }
        }
        return false;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    public URI getBaseUri() {
        return baseUri;
    }

    /** How much of the rate limit this client shares with every client of the same base URL and key is in use. */
    public RateLimitUse rateLimitUse() {
        return rateLimiter.use();
    }
}
