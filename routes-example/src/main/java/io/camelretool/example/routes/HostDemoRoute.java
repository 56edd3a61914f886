package io.camelretool.example.routes;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;

import io.camelretool.example.access.EmbedSessionSteps;
import io.camelretool.example.intake.webhook.WebhookIntake;
import io.camelretool.example.intake.webhook.WebhookSignature;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

/**
 * The demo of a host application, only in a local run (against the sandbox): {@code GET /demo/host} is a static page
 * where a "logged-in customer" asks for their Retool app, and {@code POST /demo/host/session} plays the host's
 * backend: it signs the request with the Embed secret, as a real backend does, and asks {@code POST /embed/sessions}.
 * The page puts the answered URL into an iframe, where the sandbox shows the portal user's page.
 */
public class HostDemoRoute extends RouteBuilder {

    public static final String PATH = "/demo/host";

    private final byte[] secret;
    private final int port;

    public HostDemoRoute(byte[] secret, int port) {
        this.secret = secret.clone();
        this.port = port;
    }

    @Override
    public void configure() {
        WebhookSignature signer = new WebhookSignature(secret, WebhookIntake.TOLERANCE, Clock.systemUTC());
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

        from("platform-http:" + PATH + "?httpMethodRestrict=GET").routeId("host-demo-page")
                .process(exchange -> {
                    exchange.getMessage().removeHeaders("*");
                    try (InputStream page = HostDemoRoute.class.getResourceAsStream("/host-demo/index.html")) {
                        exchange.getMessage().setBody(new String(page.readAllBytes(), StandardCharsets.UTF_8));
                    }
                    exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "text/html; charset=utf-8");
                });

        // the few lines a host backend needs: sign timestamp + "." + body, send, hand the URL to the page
        from("platform-http:" + PATH + "/session?httpMethodRestrict=POST").routeId("host-demo-backend")
                .process(exchange -> {
                    byte[] body = exchange.getMessage().getBody(byte[].class);
                    long timestamp = Clock.systemUTC().instant().getEpochSecond();
                    HttpResponse<String> answer = http.send(HttpRequest.newBuilder(
                                    URI.create("http://127.0.0.1:" + port + EmbedSessionSteps.PATH))
                            .header("Content-Type", "application/json")
                            .header(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp))
                            .header(WebhookSignature.SIGNATURE_HEADER, signer.sign(timestamp, body == null
                                    ? new byte[0] : body))
                            .POST(HttpRequest.BodyPublishers.ofByteArray(body == null ? new byte[0] : body)).build(),
                            HttpResponse.BodyHandlers.ofString());
                    exchange.getMessage().removeHeaders("*");
                    exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, answer.statusCode());
                    exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json");
                    exchange.getMessage().setBody(answer.body());
                });
    }
}
