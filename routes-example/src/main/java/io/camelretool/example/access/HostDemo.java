package io.camelretool.example.access;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import io.camelretool.example.http.RequestParts;
import io.camelretool.example.intake.LogText;
import io.camelretool.example.intake.webhook.WebhookIntake;
import io.camelretool.example.intake.webhook.WebhookSignature;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The steps of the demo host application ({@code camel/host-demo.camel.yaml}), registered as the bean
 * {@code hostDemo}: {@link #page} is the static page where a "logged-in customer" asks for their Retool app, and
 * {@link #askForSession} plays the host's backend: it signs the request with the Embed secret, as a real backend does,
 * and asks {@code POST /embed/sessions} on this application's own port. The page puts the answered URL into an
 * iframe, where the sandbox shows the portal user's page.
 */
public final class HostDemo {

    /** Where the page is served, on the application's HTTP server. */
    public static final String PATH = "/demo/host";
    private static final String PAGE = "/host-demo/index.html";

    private static final Logger LOG = LoggerFactory.getLogger(HostDemo.class);

    private final WebhookSignature signer;
    private final int port;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /**
     * @param secret the Embed secret ({@code EMBED_SECRET}, or generated); null: Embed sessions are off, and so is the
     *               demo's backend
     * @param port   the application's HTTP port, where {@code POST /embed/sessions} listens
     */
    public HostDemo(byte[] secret, int port) {
        this.signer = secret == null ? null : new WebhookSignature(secret, WebhookIntake.TOLERANCE,
                Clock.systemUTC());
        this.port = port;
    }

    /** An address of this machine's loopback interface, as Vert.x writes it ({@code 127.x.y.z} or IPv6 {@code ::1}). */
    static boolean isLoopback(String address) {
        return address.startsWith("127.") || address.equals("::1") || address.equals("0:0:0:0:0:0:0:1");
    }

    /** {@code GET /demo/host}: the page, from the jar. */
    public void page(Exchange exchange) throws IOException {
        exchange.getMessage().removeHeaders("*");
        try (InputStream page = HostDemo.class.getResourceAsStream(PAGE)) {
            if (page == null) {
                throw new IOException(PAGE + " is missing from the application's jar");
            }
            exchange.getMessage().setBody(new String(page.readAllBytes(), StandardCharsets.UTF_8));
        }
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "text/html; charset=utf-8");
    }

    /**
     * {@code POST /demo/host/session}: the few lines a host backend needs. Sign timestamp + "." + body, send, hand
     * the answer (the URL, or the refusal) to the page as it came.
     */
    public void askForSession(Exchange exchange) throws IOException, InterruptedException {
        String source = RequestParts.sourceAddress(exchange);
        if (!isLoopback(source)) {
            // the demo signs whatever it is asked, like a host backend behind its own login: without that login, a
            // caller from the network could have any signed-up customer's session minted and bound to its own id
            LOG.warn("Demo host session asked from {} refused with 403: the demo answers this machine only",
                    LogText.of(source));
            RequestParts.answer(exchange, 403, Map.of("error", "the demo host answers requests from this machine "
                                                               + "only"));
            return;
        }
        if (signer == null) {
            RequestParts.answer(exchange, 404, Map.of("error", "Embed sessions are off: there is no EMBED_SECRET"));
            return;
        }
        byte[] body = RequestParts.body(exchange);
        long timestamp = Clock.systemUTC().instant().getEpochSecond();
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + EmbedSessionSteps.PATH))
                .header("Content-Type", "application/json")
                .header(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp))
                .header(WebhookSignature.SIGNATURE_HEADER, signer.sign(timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
        exchange.getMessage().removeHeaders("*");
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, answer.statusCode());
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json");
        exchange.getMessage().setBody(answer.body());
    }
}
