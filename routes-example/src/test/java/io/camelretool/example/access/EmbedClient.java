package io.camelretool.example.access;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;

import io.camelretool.example.RunningApplication;
import io.camelretool.example.intake.webhook.WebhookSignature;

/** A host application's backend as a test plays it: signed Embed session requests, and the admin API's calls. */
final class EmbedClient {

    static final String EMBED_SECRET = "test-embed-secret";
    static final String ADMIN_TOKEN = "test-admin-token";

    private final RunningApplication app;
    private final WebhookSignature signer = new WebhookSignature(EMBED_SECRET.getBytes(StandardCharsets.UTF_8),
            Duration.ofSeconds(300), Clock.systemUTC());
    private final HttpClient http = HttpClient.newHttpClient();

    EmbedClient(RunningApplication app) {
        this.app = app;
    }

    HttpResponse<String> session(String body) throws Exception {
        long now = System.currentTimeMillis() / 1000;
        return session(body, String.valueOf(now), signer.sign(now, body.getBytes(StandardCharsets.UTF_8)));
    }

    HttpResponse<String> session(String body, String timestamp, String signature) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(app.url("/embed/sessions")))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (timestamp != null) {
            request.header(WebhookSignature.TIMESTAMP_HEADER, timestamp);
        }
        if (signature != null) {
            request.header(WebhookSignature.SIGNATURE_HEADER, signature);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> offboard(String email, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(app.url("/api/people/" + email))).DELETE();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> open(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
