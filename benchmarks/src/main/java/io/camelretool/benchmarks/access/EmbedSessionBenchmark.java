package io.camelretool.benchmarks.access;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.camelretool.benchmarks.application.TemporaryFolder;
import io.camelretool.benchmarks.measure.Samples;
import io.camelretool.benchmarks.report.Figure;
import io.camelretool.example.ExampleApplication;
import io.camelretool.example.intake.webhook.WebhookSignature;
import io.camelretool.sandbox.RetoolSandbox;
import org.apache.camel.main.Main;

/**
 * Part 7: what {@code POST /embed/sessions} adds on top of Retool's own answer. A person waits for each session, so
 * the calls are made one after another, and the figure is latency: p50 and p99 of the application's answer beside
 * those of the same Embed call sent straight to the sandbox (which answers in well under a millisecond, so the
 * difference is the application's own cost: signature, ledger reads and the session's write, the component's call).
 * Both sides take turns in each round so that load from elsewhere weighs on both alike.
 */
public final class EmbedSessionBenchmark {

    private static final String SECRET = "benchmark-embed-secret";
    private static final String PAGE = "6f1c2d3e-4b5a-4c6d-8e7f-90a1b2c3d4e5";
    /** Each request with a nonce of its own: the same body signed twice within a second is refused as a replay. */
    private static final String BODY = "{\"email\":\"ada@customer.example\",\"externalIdentifier\":\"customer-42\","
                                       + "\"nonce\":\"%d\"}";

    private final int calls;

    public EmbedSessionBenchmark(boolean quick) {
        this.calls = quick ? 300 : 3000;
    }

    public List<Figure> run() throws Exception {
        try (TemporaryFolder temporary = TemporaryFolder.create("embed-benchmark");
             RetoolSandbox sandbox = RetoolSandbox.start()) {
            Path folder = temporary.path();
            int port = freePort();
            Main main = ExampleApplication.newMain();
            Map.of("signups.dir", folder.toString(), "retool.base-url", sandbox.baseUrl(),
                    "retool.api-key", sandbox.apiKey(), "camel.server.port", Integer.toString(port),
                    "camel.management.port", Integer.toString(port), "mail.enabled", "false",
                    "camel.component.retool.rate-limit-per-minute", "0", "retool.external-access", "embed",
                    "retool.groups.external", "5", "embed.secret", SECRET)
                    .forEach(main::addOverrideProperty);
            main.addOverrideProperty("embed.landing-page-uuid", PAGE);
            main.addOverrideProperty("webhook.secret", SECRET);
            main.addOverrideProperty("pipeline.poll-delay", "100");
            main.start();
            try {
                return measure(sandbox, port);
            } finally {
                main.stop();
            }
        }
    }

    private List<Figure> measure(RetoolSandbox sandbox, int port) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        WebhookSignature signer = new WebhookSignature(SECRET.getBytes(StandardCharsets.UTF_8),
                Duration.ofSeconds(300), Clock.systemUTC());
        HttpRequest signup = signed(signer, URI.create("http://127.0.0.1:" + port + "/signups"),
                "{\"email\":\"ada@customer.example\"}");
        require(http.send(signup, HttpResponse.BodyHandlers.ofString()).statusCode() == 202, "the signup");
        HttpRequest straight = HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + "/api/embed-url/external-user"))
                .header("Authorization", "Bearer " + sandbox.apiKey()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"landingPageUuid\":\"" + PAGE + "\",\"groupIds\":[5],"
                        + "\"externalIdentifier\":\"customer-42\",\"userInfo\":{\"email\":\"ada@customer.example\"}}"))
                .build();
        URI sessions = URI.create("http://127.0.0.1:" + port + "/embed/sessions");
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        long nonce = 0;
        while (http.send(signed(signer, sessions, String.format(Locale.ROOT, BODY, nonce++)),
                HttpResponse.BodyHandlers.ofString()).statusCode() != 200) {
            require(System.nanoTime() < deadline, "the person to become EMBED_ONLY");
            Thread.sleep(100);
        }
        Samples retool = new Samples();
        Samples application = new Samples();
        for (int i = 0; i < calls / 5; i++) {
            time(http, straight, retool);
            time(http, signed(signer, sessions, String.format(Locale.ROOT, BODY, nonce++)), application);
        }
        retool = new Samples();
        application = new Samples();
        for (int i = 0; i < calls; i++) {
            time(http, straight, retool);
            time(http, signed(signer, sessions, String.format(Locale.ROOT, BODY, nonce++)), application);
        }
        return List.of(new Figure("7. `POST /embed/sessions`, one at a time, " + calls + " sessions",
                "p50 " + ms(application.percentile(50)) + ", p99 " + ms(application.percentile(99)),
                "Retool's own answer (sandbox): p50 " + ms(retool.percentile(50)) + ", p99 "
                + ms(retool.percentile(99)),
                "+" + ms(application.percentile(50) - retool.percentile(50)) + " / +"
                + ms(application.percentile(99) - retool.percentile(99)),
                "the application's overhead (p50 / p99), measured, no target"));
    }

    private static void time(HttpClient http, HttpRequest request, Samples into) throws Exception {
        long started = System.nanoTime();
        HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
        into.add((System.nanoTime() - started) / 1e6);
        require(answer.statusCode() == 200, "an answer 200, got " + answer.statusCode());
    }

    private static HttpRequest signed(WebhookSignature signer, URI uri, String body) {
        long now = System.currentTimeMillis() / 1000;
        return HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                .header(WebhookSignature.TIMESTAMP_HEADER, Long.toString(now))
                .header(WebhookSignature.SIGNATURE_HEADER, signer.sign(now, body.getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static String ms(double millis) {
        return String.format(Locale.ROOT, "%.2f ms", millis);
    }

    private static void require(boolean met, String what) {
        if (!met) {
            throw new IllegalStateException("the Embed benchmark did not get " + what);
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
