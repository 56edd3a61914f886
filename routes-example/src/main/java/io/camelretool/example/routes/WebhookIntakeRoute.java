package io.camelretool.example.routes;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelretool.example.intake.webhook.SignupInboxWriter;
import io.camelretool.example.intake.webhook.WebhookPayloadParser;
import io.camelretool.example.intake.webhook.WebhookSignature;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

/**
 * {@code POST /signups}: a signed JSON signup or array of signups. Accepted signups are written durably into the
 * inbox folder as a signup CSV (the folder intake invites them) before the answer 202 with one id per signup;
 * 400 lists every field error, 401 a missing or bad signature, 413 a body over 1 MiB, 415 a non-JSON body.
 */
public class WebhookIntakeRoute extends RouteBuilder {

    public static final Duration TOLERANCE = Duration.ofSeconds(300);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final byte[] secret;

    public WebhookIntakeRoute(byte[] secret) {
        this.secret = secret.clone();
    }

    @Override
    public void configure() throws Exception {
        WebhookSignature signature = new WebhookSignature(secret, TOLERANCE, Clock.systemUTC());
        SignupInboxWriter inbox = new SignupInboxWriter(
                Path.of(getCamelContext().resolvePropertyPlaceholders("{{signups.dir}}"), "inbox"));

        from("platform-http:/signups?httpMethodRestrict=POST").routeId("webhook-intake")
                .process(exchange -> answer(exchange, signature, inbox));
    }

    private static void answer(Exchange exchange, WebhookSignature signature, SignupInboxWriter inbox)
            throws Exception {
        String contentType = exchange.getMessage().getHeader(Exchange.CONTENT_TYPE, "", String.class)
                .toLowerCase(Locale.ROOT);
        byte[] body = exchange.getMessage().getBody(byte[].class);
        if (body == null) {
            body = new byte[0];
        }
        String timestamp = exchange.getMessage().getHeader(WebhookSignature.TIMESTAMP_HEADER, String.class);
        String signed = exchange.getMessage().getHeader(WebhookSignature.SIGNATURE_HEADER, String.class);
        // the request's headers must not travel back as response headers
        exchange.getMessage().removeHeaders("*");
        if (!contentType.startsWith("application/json")) {
            respond(exchange, 415, Map.of("error", "send the signups as application/json"));
        } else if (body.length > WebhookPayloadParser.MAX_BODY_BYTES) {
            respond(exchange, 413, Map.of("error", "the body is larger than 1 MiB; send fewer signups per request"));
        } else {
            WebhookSignature.Check check = signature.verify(timestamp, signed, body);
            if (!check.valid()) {
                respond(exchange, 401, Map.of("error", check.reason()));
            } else {
                accept(exchange, body, inbox);
            }
        }
    }

    private static void accept(Exchange exchange, byte[] body, SignupInboxWriter inbox) throws Exception {
        String requestId = "webhook-" + UUID.randomUUID();
        WebhookPayloadParser.Payload payload = WebhookPayloadParser.parse(body, requestId);
        if (!payload.errors().isEmpty()) {
            Map<String, String> errors = new LinkedHashMap<>();
            payload.errors().forEach(error -> errors.put(error.path().isEmpty() ? "body" : error.path(),
                    error.message()));
            respond(exchange, 400, Map.of("errors", errors));
            return;
        }
        inbox.write(requestId, payload.signups());
        List<String> ids = payload.signups().stream().map(signup -> signup.sourceRef()).toList();
        respond(exchange, 202, Map.of("accepted", ids.size(), "ids", ids));
    }

    private static void respond(Exchange exchange, int status, Object json) throws Exception {
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json");
        exchange.getMessage().setBody(new String(JSON.writeValueAsBytes(json), StandardCharsets.UTF_8));
    }
}
