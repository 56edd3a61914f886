package io.camelretool.example.hostile;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelretool.example.ApplicationSecrets;
import io.camelretool.example.RunningApplication;
import io.camelretool.example.intake.webhook.WebhookSignature;
import io.camelretool.example.signup.SignupSource;
import io.camelretool.sandbox.RetoolSandbox;
import io.camelretool.testing.SecretScan;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The webhook corpus sent over HTTP to one running application: each request is answered with the status and the
 * texts its manifest row names, a 202 request's signups are in the ledger before the answer and reported as listed,
 * nothing else is accepted, and afterwards the application still runs and Retool holds an invite for exactly the
 * invited signups. Every answer is scanned for the secrets too.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebhookCorpusApplicationTest {

    private static final WebhookSignature SIGNER = new WebhookSignature(RunningApplication.WEBHOOK_SECRET,
            Duration.ofSeconds(300), Clock.systemUTC());
    private static final WebhookSignature FORGER = new WebhookSignature(
            "not-the-secret".getBytes(StandardCharsets.UTF_8), Duration.ofSeconds(300), Clock.systemUTC());

    @TempDir
    static Path signups;
    static RetoolSandbox retool;
    static RunningApplication app;
    static final List<String> acceptedRequests = new ArrayList<>();
    private static final HttpClient HTTP = HttpClient.newHttpClient();


    @RegisterExtension
    static SecretScan secrets = ApplicationSecrets.scan(() -> retool, () -> signups);

    @BeforeAll
    static void start() throws Exception {
        retool = RetoolSandbox.start();
        retool.defineAttribute("plan", "string");
        retool.defineAttribute("seats", "number");
        retool.defineAttribute("trial", "string");
        app = RunningApplication.start(signups, retool, Map.of("retool.org-domains", "acme.com",
                "retool.blocked-domains", "blocked.example", "retool.max-new-external-seats-per-day", "100000"));
    }

    @AfterAll
    static void stop() {
        app.close();
        retool.close();
    }

    static Stream<WebhookCorpus.Case> cases() {
        return WebhookCorpus.cases().stream();
    }

    @Order(1)
    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void eachRequestIsAnsweredAsItsManifestRowSays(WebhookCorpus.Case request) throws Exception {
        HttpResponse<String> response = send(request);
        secrets.seen(request.file() + " answer", response.body());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(request.status());
        if (request.answer() != null) {
            for (String text : request.answer().split("; ")) {
                assertThat(response.body()).contains(text);
            }
        }
        if (request.status() == 202) {
            JsonNode answer = RunningApplication.json(response.body());
            String requestId = answer.path("ids").get(0).asText().replaceAll("#.*", "");
            // accepted means in the ledger before the answer
            assertThat(app.ledger().latestBatch(SignupSource.WEBHOOK, requestId))
                    .isPresent();
            request.lines().assertReport(app.awaitReport(requestId));
            acceptedRequests.add(requestId);
        }
    }

    @Order(2)
    @Test
    void afterEveryRequestTheApplicationRunsAndOnlyTheAcceptedSignupsWereInvited() throws Exception {
        await().atMost(Duration.ofSeconds(30)).until(() -> app.reports().size() == acceptedRequests.size());
        List<JsonNode> reports = app.reports();

        NothingLostNothingTwice.assertStillRunning(app);
        NothingLostNothingTwice.assertEveryAcceptedSignupIsInTheLedger(app, reports);
        NothingLostNothingTwice.assertInvitedExactlyTheInvitedLines(retool, reports, Set.of());
        assertThat(WebhookCorpus.cases()).hasSizeGreaterThanOrEqualTo(50);
    }

    private static HttpResponse<String> send(WebhookCorpus.Case request) throws Exception {
        byte[] body = request.body();
        long now = System.currentTimeMillis() / 1000;
        long timestamp = timestamp(request.option("ts", "now"), now);
        String timestampHeader = timestampHeader(request.option("ts", "now"), timestamp);
        String signature = signature(request.option("sig", "valid"), timestamp, body);
        HttpRequest.BodyPublisher publisher = request.request().containsKey("chunked")
                ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))
                : HttpRequest.BodyPublishers.ofByteArray(body);
        HttpRequest.Builder http = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port() + "/signups"))
                .method(request.option("method", "POST"), publisher);
        String type = request.option("type", "application/json");
        if (!type.equals("none")) {
            http.header("Content-Type", type);
        }
        if (timestampHeader != null) {
            http.header(WebhookSignature.TIMESTAMP_HEADER, timestampHeader);
        }
        if (signature != null) {
            http.header(WebhookSignature.SIGNATURE_HEADER, signature);
        }
        return HTTP.send(http.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static long timestamp(String how, long now) {
        return switch (how.replaceAll(":.*", "")) {
            case "age" -> now - Long.parseLong(how.substring("age:".length()));
            case "milliseconds" -> now * 1000;
            case "min-long" -> Long.MIN_VALUE;
            case "overflow" -> now + Long.MIN_VALUE;
            default -> now;
        };
    }

    /** The header as sent; some are no number at all, and are then signed with the current time. */
    private static String timestampHeader(String how, long timestamp) {
        return switch (how) {
            case "none" -> null;
            case "text" -> "yesterday";
            case "fraction" -> timestamp + ".5";
            case "beyond-long" -> "99999999999999999999";
            case "leading-plus" -> "+" + timestamp;
            default -> String.valueOf(timestamp);
        };
    }

    private static String signature(String how, long timestamp, byte[] body) {
        String valid = SIGNER.sign(timestamp, body);
        String hex = valid.substring("sha256=".length());
        return switch (how) {
            case "valid" -> valid;
            case "none" -> null;
            case "forged" -> FORGER.sign(timestamp, body);
            case "other-body" -> SIGNER.sign(timestamp, "{}".getBytes(StandardCharsets.UTF_8));
            case "other-timestamp" -> SIGNER.sign(timestamp - 1, body);
            case "upper-case-hex" -> "sha256=" + hex.toUpperCase(Locale.ROOT);
            case "md5" -> "md5=" + hex.substring(0, 32);
            case "prefix-in-capitals" -> "SHA256=" + hex;
            case "truncated" -> valid.substring(0, valid.length() - 1);
            case "one-digit-more" -> valid + "0";
            case "not-hex" -> "sha256=" + "z".repeat(64);
            case "empty" -> "sha256=";
            case "two-values" -> FORGER.sign(timestamp, body) + "," + valid;
            case "oversized" -> "sha256=" + HexFormat.of().formatHex(new byte[2000]);
            default -> throw new IllegalArgumentException("no signature mode " + how);
        };
    }

    private static String port() {
        return app.context().resolvePropertyPlaceholders("{{camel.server.port}}");
    }
}
