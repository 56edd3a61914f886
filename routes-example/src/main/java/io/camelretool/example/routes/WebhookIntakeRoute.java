package io.camelretool.example.routes;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelretool.example.SignupServices;
import io.camelretool.example.intake.LogText;
import io.camelretool.example.intake.webhook.WebhookPayloadParser;
import io.camelretool.example.intake.webhook.WebhookSignature;
import io.camelretool.example.ledger.AcceptedBatch;
import io.camelretool.example.ledger.Arrival;
import io.camelretool.example.ledger.Deliveries;
import io.camelretool.example.ledger.ItemOutcome;
import io.camelretool.example.ledger.LedgerException;
import io.camelretool.example.pipeline.SignupIntake;
import io.camelretool.example.signup.Signup;
import io.camelretool.example.signup.SignupSource;
import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.platform.http.vertx.HttpMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /signups}: a signed JSON signup or array of signups. Accepted signups are written to the ledger, as one
 * batch, before the answer 202 with one id per signup; 400 lists the first field errors and their count, 401 a
 * missing or bad signature (or one sent in the URL), 413 a body over 1 MiB, 415 a non-JSON body, 503 a ledger that
 * cannot be reached (nothing was accepted: send again). A signed request seen before (a replay within the signature's
 * window, on any node) gets the answer it got the first time, and makes no batch.
 */
public class WebhookIntakeRoute extends RouteBuilder {

    public static final Duration TOLERANCE = Duration.ofSeconds(300);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Logger LOG = LoggerFactory.getLogger(WebhookIntakeRoute.class);

    private final byte[] secret;

    public WebhookIntakeRoute(byte[] secret) {
        this.secret = secret.clone();
    }

    @Override
    public void configure() throws Exception {
        WebhookSignature signature = new WebhookSignature(secret, TOLERANCE, Clock.systemUTC());
        SignupIntake intake = SignupServices.of(getCamelContext()).intake();

        from(IntakeEndpoints.WEBHOOK).routeId("webhook-intake")
                .onException(LedgerException.class).handled(true)
                    .log(LoggingLevel.ERROR, "Webhook request refused with 503: ${exception.message}")
                    .process(exchange -> respond(exchange, 503,
                            Map.of("error", "signups cannot be stored right now; nothing was accepted, send again")))
                .end()
                .process(exchange -> answer(exchange, signature, intake));
    }

    private static void answer(Exchange exchange, WebhookSignature signature, SignupIntake intake)
            throws Exception {
        String contentType = exchange.getMessage().getHeader(Exchange.CONTENT_TYPE, "", String.class)
                .toLowerCase(Locale.ROOT);
        byte[] body = exchange.getMessage().getBody(byte[].class);
        if (body == null) {
            body = new byte[0];
        }
        String timestamp = exchange.getMessage().getHeader(WebhookSignature.TIMESTAMP_HEADER, String.class);
        String signed = exchange.getMessage().getHeader(WebhookSignature.SIGNATURE_HEADER, String.class);
        String query = exchange.getMessage().getHeader(Exchange.HTTP_QUERY, String.class);
        String from = sourceAddress(exchange);
        // the request's headers must not travel back as response headers
        exchange.getMessage().removeHeaders("*");
        if (SignatureInQuery.names(query)) {
            // Camel turns query parameters into headers; a signature in the URL ends up in proxy and access logs
            refuse(exchange, from, 401, "send " + WebhookSignature.TIMESTAMP_HEADER + " and "
                                        + WebhookSignature.SIGNATURE_HEADER + " as HTTP headers, never in the URL");
        } else if (!contentType.startsWith("application/json")) {
            refuse(exchange, from, 415, "send the signups as application/json");
        } else if (body.length > WebhookPayloadParser.MAX_BODY_BYTES) {
            refuse(exchange, from, 413, "the body is larger than 1 MiB; send fewer signups per request");
        } else {
            WebhookSignature.Check check = signature.verify(timestamp, signed, body);
            if (!check.valid()) {
                refuse(exchange, from, 401, check.reason());
            } else {
                accept(exchange, from, body, intake, new Deliveries.Delivery(SignupSource.WEBHOOK.name(),
                        WebhookSignature.deliveryKey(timestamp, body),
                        Instant.ofEpochSecond(Long.parseLong(timestamp.trim())).plus(TOLERANCE)));
            }
        }
    }

    private static void accept(Exchange exchange, String from, byte[] body, SignupIntake intake,
                               Deliveries.Delivery delivery) throws Exception {
        Optional<Deliveries.Answer> seen = intake.answered(delivery);
        if (seen.isPresent()) {
            replay(exchange, seen.get());
            return;
        }
        String requestId = "webhook-" + UUID.randomUUID();
        WebhookPayloadParser.Payload payload = WebhookPayloadParser.parse(body, requestId);
        if (!payload.errors().isEmpty()) {
            LOG.warn("Webhook request from {} refused with 400: {} field error(s), the first: {}", LogText.of(from),
                    payload.errors().size(), LogText.of(payload.errors().get(0).path() + ": "
                                                        + payload.errors().get(0).message()));
            respond(exchange, 400, FieldErrorAnswer.of(payload.errors()));
            return;
        }
        List<Arrival> arrivals = new ArrayList<>();
        payload.signups().forEach(signup -> {
            Arrival arrival = intake.arrival(arrivals.size() + 1, signup);
            arrivals.add(payload.isRemoval(signup) ? arrival.asRemoval() : arrival);
        });
        List<String> ids = payload.signups().stream().map(Signup::sourceRef).toList();
        AcceptedBatch[] made = new AcceptedBatch[1];
        Deliveries.Answer answer = intake.acceptBatchOnce(delivery, SignupSource.WEBHOOK, requestId, arrivals,
                accepted -> {
                    made[0] = accepted;
                    Map<String, Object> json = new LinkedHashMap<>();
                    json.put("batch", accepted.batch().id());
                    json.put("accepted", ids.size());
                    json.put("ids", ids);
                    return new Deliveries.Answer(202, toJson(json));
                });
        if (made[0] == null) {
            // a copy of this request, on this node or another, was accepted while this one was being read
            replay(exchange, answer);
            return;
        }
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, answer.status());
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json");
        exchange.getMessage().setBody(answer.body());
        AcceptedBatch accepted = made[0];
        LOG.info("Webhook {}: {} signup(s) accepted as batch {}: {} new, {} duplicate, {} to offboard", requestId,
                ids.size(), accepted.batch().id(), accepted.count(ItemOutcome.PENDING),
                accepted.count(ItemOutcome.DUPLICATE), accepted.count(ItemOutcome.OFFBOARDED));
    }

    /** A signed request seen before: the same answer as the first time, and nothing else happens. */
    private static void replay(Exchange exchange, Deliveries.Answer first) {
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, first.status());
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json");
        exchange.getMessage().setBody(first.body());
        LOG.info("Webhook request seen before (same signature, timestamp and body): answered as the first time, "
                 + "nothing accepted again");
    }

    /**
     * A refusal leaves a trace on the server: its reason and where it came from, never the signature or the secret
     * (the reasons name the header that was wrong, not its value).
     */
    private static void refuse(Exchange exchange, String from, int status, String reason) throws Exception {
        LOG.warn("Webhook request from {} refused with {}: {}", LogText.of(from), status, reason);
        respond(exchange, status, Map.of("error", reason));
    }

    /** The address the request came from, as the HTTP server saw it ("?" when the route is not fed by HTTP). */
    private static String sourceAddress(Exchange exchange) {
        if (exchange.getIn() instanceof HttpMessage http && http.getRequest() != null
            && http.getRequest().remoteAddress() != null) {
            return http.getRequest().remoteAddress().hostAddress();
        }
        return "?";
    }

    private static String toJson(Object json) {
        try {
            return new String(JSON.writeValueAsBytes(json), StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("maps of strings, numbers and lists always serialise", e);
        }
    }

    private static void respond(Exchange exchange, int status, Object json) throws Exception {
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json");
        exchange.getMessage().setBody(toJson(json));
    }
}
