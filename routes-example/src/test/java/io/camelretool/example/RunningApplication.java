package io.camelretool.example;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelretool.example.intake.webhook.WebhookSignature;
import io.camelretool.example.ledger.Ledger;
import io.camelretool.example.ledger.LedgerEntry;
import io.camelretool.example.testing.FreePorts;
import io.camelretool.sandbox.RecordedRequest;
import io.camelretool.sandbox.RetoolSandbox;
import org.apache.camel.CamelContext;
import org.apache.camel.main.Main;

import static org.awaitility.Awaitility.await;

/**
 * The example application as {@code java -jar} runs it (the same Camel Main, routes and properties), started in the
 * test against a real sandbox, a temporary data folder with its embedded ledger, and a free HTTP port.
 */
public final class RunningApplication implements AutoCloseable {

    public static final byte[] WEBHOOK_SECRET = "test-webhook-secret".getBytes(StandardCharsets.UTF_8);
    /** The read API's token in tests; a test may leave it out ({@code api.admin-token} empty) to find the API off. */
    public static final String ADMIN_TOKEN = "test-admin-token-7c1e";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    private final Main main;
    private final Path signups;
    private final int port;
    private final WebhookSignature signer = new WebhookSignature(WEBHOOK_SECRET, Duration.ofSeconds(300),
            Clock.systemUTC());
    private final HttpClient http = HttpClient.newHttpClient();

    private final int managementPort;

    private RunningApplication(Main main, Path signups, int port, int managementPort) {
        this.main = main;
        this.signups = signups;
        this.port = port;
        this.managementPort = managementPort;
    }

    /** Starts with the test defaults: no mailbox, fast polls, no rate limit; {@code overrides} win. */
    public static RunningApplication start(Path signups, RetoolSandbox retool, Map<String, String> overrides)
            throws Exception {
        int port = FreePorts.next();
        int managementPort = FreePorts.next();
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("signups.dir", signups.toString());
        properties.put("retool.base-url", retool.baseUrl());
        properties.put("retool.api-key", retool.apiKey());
        properties.put("webhook.secret", new String(WEBHOOK_SECRET, StandardCharsets.UTF_8));
        properties.put("camel.component.retool.rate-limit-per-minute", "0");
        properties.put("camel.server.port", String.valueOf(port));
        properties.put("camel.management.port", String.valueOf(managementPort));
        properties.put("mail.enabled", "false");
        properties.put("pipeline.poll-delay", "100");
        properties.put("ledger.reconcile-period", "200");
        properties.put("api.admin-token", ADMIN_TOKEN);
        properties.putAll(overrides);
        Main main = ExampleApplication.newMain();
        properties.forEach(main::addOverrideProperty);
        main.start();
        return new RunningApplication(main, signups, port, managementPort);
    }

    /**
     * The calls the application made to Retool, but the lifecycle's reads of the invite list (one at start, then one
     * a LIFECYCLE_PERIOD_MS): what a test that expects nothing to reach Retool looks at.
     */
    public static List<RecordedRequest> callsBeyondTheLifecycleRead(RetoolSandbox retool) {
        return retool.requests().stream().filter(request -> !(request.method().equals("GET")
                && request.path().equals("/api/v2/user_invites"))).toList();
    }

    public CamelContext context() {
        return main.getCamelContext();
    }

    public Ledger ledger() {
        return bean(Ledger.class);
    }

    /** The one service of this type the application bound in Camel's registry (the ledger, the settings, ...). */
    public <T> T bean(Class<T> type) {
        T bean = context().getRegistry().findSingleByType(type);
        if (bean == null) {
            throw new AssertionError("no single " + type.getSimpleName() + " in the registry");
        }
        return bean;
    }

    public LedgerEntry entry(String email) {
        return ledger().find(email).orElseThrow(() -> new AssertionError(email + " is not in the ledger"));
    }

    /** Drops a CSV into the inbox the way a careful user does: written aside, then moved in at once. */
    public void drop(String fileName, String content) throws IOException {
        Path inbox = Files.createDirectories(signups.resolve("inbox"));
        Path staging = Files.createTempFile(signups, "staging", ".tmp");
        Files.writeString(staging, content, StandardCharsets.UTF_8);
        Files.move(staging, inbox.resolve(fileName));
    }

    public Path signups() {
        return signups;
    }

    /** The JSON report of the batch named so (a file name, a Message-ID, a webhook request id), once written. */
    public JsonNode awaitReport(String batchName) {
        return awaitReport(batchName, PATIENCE);
    }

    public JsonNode awaitReport(String batchName, Duration patience) {
        return await().atMost(patience).until(() -> report(batchName), Optional::isPresent).orElseThrow();
    }

    /** Every report written so far. */
    public List<JsonNode> reports() throws IOException {
        Path reports = signups.resolve("reports");
        if (!Files.isDirectory(reports)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(reports)) {
            return files.filter(file -> file.toString().endsWith(".json")).map(RunningApplication::readJson).toList();
        }
    }

    private Optional<JsonNode> report(String batchName) throws IOException {
        return reports().stream().filter(report -> batchName.equals(report.path("name").asText())).findFirst();
    }

    public static JsonNode readJson(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new IllegalStateException(file + " is not JSON", e);
        }
    }

    public HttpResponse<String> postSigned(String body) throws Exception {
        long now = System.currentTimeMillis() / 1000;
        return post(body, "application/json", String.valueOf(now),
                signer.sign(now, body.getBytes(StandardCharsets.UTF_8)));
    }

    public HttpResponse<String> post(String body, String contentType, String timestamp, String signature)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/signups"))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (timestamp != null) {
            request.header(WebhookSignature.TIMESTAMP_HEADER, timestamp);
        }
        if (signature != null) {
            request.header(WebhookSignature.SIGNATURE_HEADER, signature);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    public String sign(long timestamp, String body) {
        return signer.sign(timestamp, body.getBytes(StandardCharsets.UTF_8));
    }

    /** The address of a path on the application's HTTP server. */
    public String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    public HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A read API call with the test's admin token ({@code authorization} null sends none). */
    public HttpResponse<String> api(String method, String pathAndQuery, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> api(String pathAndQuery) throws Exception {
        return api("GET", pathAndQuery, "Bearer " + ADMIN_TOKEN);
    }

    /** A GET on the management port, which listens on loopback only and shows health in detail. */
    public HttpResponse<String> managementGet(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    public int port() {
        return port;
    }

    public static JsonNode json(String text) throws IOException {
        return JSON.readTree(text);
    }

    @Override
    public void close() {
        main.stop();
    }
}
