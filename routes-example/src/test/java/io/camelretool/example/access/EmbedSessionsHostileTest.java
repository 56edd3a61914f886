package io.camelretool.example.access;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.camelretool.example.ApplicationSecrets;
import io.camelretool.example.RunningApplication;
import io.camelretool.example.intake.webhook.WebhookSignature;
import io.camelretool.example.ledger.LedgerStatus;
import io.camelretool.sandbox.junit.RetoolSandboxExtension;
import io.camelretool.testing.SecretScan;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Bad and odd requests to {@code POST /embed/sessions}, each with the answer it must get: never a URL, never a 5xx,
 * never a ledger change; the endpoint serves the next good request afterwards.
 */
class EmbedSessionsHostileTest {

    @RegisterExtension
    static RetoolSandboxExtension retool = RetoolSandboxExtension.business();

    @TempDir
    static Path signups;

    private static RunningApplication app;
    private static EmbedClient host;

    @RegisterExtension
    final SecretScan secrets = ApplicationSecrets.scan(retool::sandbox, () -> signups, List.of(
            new SecretScan.Secret("the Embed secret", EmbedClient.EMBED_SECRET),
            new SecretScan.Secret("the admin token", EmbedClient.ADMIN_TOKEN)));

    /** One hostile request: its body (signed unless told otherwise) and the status it must get. */
    private record Case(String name, String body, int status, String answerContains) {
    }

    private static final String OK_ID = "\"externalIdentifier\":\"h-1\"";

    private static final List<Case> SIGNED = List.of(
            new Case("empty body", "", 400, "body"),
            new Case("not JSON", "email=a@b.c", 400, "not valid JSON"),
            new Case("an array", "[{\"email\":\"ada@customer.example\"," + OK_ID + "}]", 400, "not a JSON object"),
            new Case("a second document", "{\"email\":\"ada@customer.example\"," + OK_ID + "}{}", 400, "body"),
            new Case("a key twice", "{\"email\":\"ada@customer.example\",\"email\":\"eve@customer.example\"," + OK_ID
                                    + "}", 400, "Duplicate field"),
            new Case("no email", "{" + OK_ID + "}", 400, "\"email\":\"is required\""),
            new Case("email a number", "{\"email\":42," + OK_ID + "}", 400, "must be a string"),
            new Case("email malformed", "{\"email\":\"ada@\"," + OK_ID + "}", 400, "not an email address"),
            new Case("email with a newline", "{\"email\":\"ada@customer.example\\nX-Evil: 1\"," + OK_ID + "}", 400,
                    "email"),
            new Case("no identifier", "{\"email\":\"ada@customer.example\"}", 400, "externalIdentifier"),
            new Case("identifier blank", "{\"email\":\"ada@customer.example\",\"externalIdentifier\":\"  \"}", 400,
                    "externalIdentifier"),
            new Case("identifier fractional", "{\"email\":\"ada@customer.example\",\"externalIdentifier\":1.5}",
                    400, "externalIdentifier"),
            new Case("identifier an object", "{\"email\":\"ada@customer.example\",\"externalIdentifier\":{}}", 400,
                    "externalIdentifier"),
            new Case("identifier with control characters", "{\"email\":\"ada@customer.example\","
                    + "\"externalIdentifier\":\"a\\u0000b\"}", 400, "control character"),
            new Case("identifier too long", "{\"email\":\"ada@customer.example\",\"externalIdentifier\":\""
                    + "x".repeat(300) + "\"}", 400, "at most 256"),
            new Case("names too long", "{\"email\":\"ada@customer.example\"," + OK_ID + ",\"firstName\":\""
                    + "n".repeat(300) + "\"}", 400, "firstName"),
            new Case("landing page not a UUID", "{\"email\":\"ada@customer.example\"," + OK_ID
                    + ",\"landingPageUuid\":\"../../admin\"}", 400, "not a UUID"),
            new Case("groups smuggled", "{\"email\":\"ada@customer.example\"," + OK_ID + ",\"groupIds\":[1]}", 400,
                    "groupIds"),
            new Case("metadata smuggled", "{\"email\":\"ada@customer.example\"," + OK_ID
                    + ",\"metadata\":{\"plan\":\"enterprise\"}}", 400, "metadata"),
            new Case("deep nesting", "{\"email\":" + "[".repeat(100) + "]".repeat(100) + "}", 400, "body"),
            new Case("unknown person", "{\"email\":\"mallory@customer.example\"," + OK_ID + "}", 403,
                    "unknown to the ledger"),
            new Case("someone else's identifier", "{\"email\":\"bob@customer.example\"," + OK_ID + "}", 409,
                    "belongs to another person"));

    @BeforeAll
    static void start() throws Exception {
        Map<String, String> properties = new HashMap<>(Map.of("retool.external-access", "embed",
                "retool.groups.external", "5", "embed.secret", EmbedClient.EMBED_SECRET,
                "api.admin-token", EmbedClient.ADMIN_TOKEN,
                "embed.landing-page-uuid", "6f1c2d3e-4b5a-4c6d-8e7f-90a1b2c3d4e5"));
        app = RunningApplication.start(signups, retool.sandbox(), properties);
        host = new EmbedClient(app);
        for (String email : List.of("ada@customer.example", "bob@customer.example")) {
            assertThat(app.postSigned("{\"email\":\"" + email + "\"}").statusCode()).isEqualTo(202);
            await().atMost(Duration.ofSeconds(20)).until(() -> app.entry(email).status() == LedgerStatus.EMBED_ONLY);
        }
        assertThat(host.session("{\"email\":\"ada@customer.example\"," + OK_ID + "}").statusCode()).isEqualTo(200);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void everySignedHostileRequestGetsItsAnswerAndNoUrl() throws Exception {
        int minted = retool.sandbox().embedMints().size();
        for (Case hostile : SIGNED) {
            HttpResponse<String> answer = host.session(hostile.body());
            assertThat(answer.statusCode()).as(hostile.name()).isEqualTo(hostile.status());
            assertThat(answer.body()).as(hostile.name()).contains(hostile.answerContains()).doesNotContain("embedUrl");
        }
        assertThat(retool.sandbox().embedMints()).hasSize(minted);
        assertThat(app.ledger().access().find("bob@customer.example").orElseThrow().externalId()).isNull();
        assertThat(host.session("{\"email\":\"ada@customer.example\"," + OK_ID + ",\"nonce\":\"after\"}")
                .statusCode()).isEqualTo(200);
    }

    @Test
    void aSignedRequestSentAgainIsServedOnceAndItsCopyRefused() throws Exception {
        String body = "{\"email\":\"ada@customer.example\"," + OK_ID + ",\"nonce\":\"replayed\"}";
        long now = System.currentTimeMillis() / 1000;
        String signature = new WebhookSignature(EmbedClient.EMBED_SECRET.getBytes(StandardCharsets.UTF_8),
                Duration.ofSeconds(300), java.time.Clock.systemUTC()).sign(now, body.getBytes(StandardCharsets.UTF_8));
        int minted = retool.sandbox().embedMints().size();

        HttpResponse<String> first = host.session(body, String.valueOf(now), signature);
        HttpResponse<String> copy = host.session(body, String.valueOf(now), signature);

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(copy.statusCode()).isEqualTo(409);
        assertThat(copy.body()).contains("served already").doesNotContain("embedUrl");
        assertThat(retool.sandbox().embedMints()).hasSize(minted + 1);
    }

    @Test
    void unsignedForgedStaleAndWrongTypeRequestsAreRefusedBeforeAnyLookUp() throws Exception {
        String body = "{\"email\":\"ada@customer.example\"," + OK_ID + "}";
        long now = System.currentTimeMillis() / 1000;
        WebhookSignature otherSecret = new WebhookSignature("the-webhook-secret".getBytes(StandardCharsets.UTF_8),
                Duration.ofSeconds(300), java.time.Clock.systemUTC());
        WebhookSignature embedSigner = new WebhookSignature(EmbedClient.EMBED_SECRET.getBytes(StandardCharsets.UTF_8),
                Duration.ofSeconds(300), java.time.Clock.systemUTC());
        int minted = retool.sandbox().embedMints().size();

        assertThat(host.session(body, null, null).statusCode()).isEqualTo(401);
        assertThat(host.session(body, String.valueOf(now), "sha256=xyz").statusCode()).isEqualTo(401);
        assertThat(host.session(body, String.valueOf(now), otherSecret.sign(now, body.getBytes(
                StandardCharsets.UTF_8))).statusCode()).isEqualTo(401);
        assertThat(host.session(body, String.valueOf(now - 3600), embedSigner.sign(now - 3600, body.getBytes(
                StandardCharsets.UTF_8))).statusCode()).isEqualTo(401);
        assertThat(host.session(body + " ", String.valueOf(now), embedSigner.sign(now, body.getBytes(
                StandardCharsets.UTF_8))).statusCode()).isEqualTo(401);
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> textPlain = http.send(HttpRequest.newBuilder(URI.create(app.url("/embed/sessions")))
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        String huge = "{\"email\":\"ada@customer.example\"," + OK_ID + ",\"firstName\":\"" + "x".repeat(70_000) + "\"}";
        HttpResponse<String> tooLarge = host.session(huge);
        HttpResponse<String> get = http.send(HttpRequest.newBuilder(URI.create(app.url("/embed/sessions"))).build(),
                HttpResponse.BodyHandlers.ofString());

        String signature = embedSigner.sign(now, body.getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> signedInQuery = http.send(HttpRequest.newBuilder(URI.create(app.url(
                "/embed/sessions?X-Signup-Timestamp=" + now + "&X-Signup-Signature=" + signature.replace("=", "%3D"))))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> tokenInQuery = http.send(HttpRequest.newBuilder(URI.create(app.url(
                "/api/people/ada%40customer.example?Authorization=Bearer%20" + EmbedClient.ADMIN_TOKEN))).DELETE()
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(signedInQuery.statusCode()).isEqualTo(401);
        assertThat(tokenInQuery.statusCode()).isEqualTo(401);
        assertThat(textPlain.statusCode()).isEqualTo(415);
        assertThat(tooLarge.statusCode()).isEqualTo(413);
        assertThat(get.statusCode()).isIn(404, 405);
        assertThat(retool.sandbox().embedMints()).hasSize(minted);
    }
}
