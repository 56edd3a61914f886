package io.camelretool.example.routes;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelretool.example.SignupServices;
import io.camelretool.example.intake.webhook.WebhookPayloadParser;
import io.camelretool.example.intake.webhook.WebhookSignature;
import io.camelretool.example.ledger.AcceptedBatch;
import io.camelretool.example.ledger.Arrival;
import io.camelretool.example.ledger.ItemOutcome;
import io.camelretool.example.ledger.LedgerException;
import io.camelretool.example.pipeline.SignupIntake;
import io.camelretool.example.signup.Signup;
import io.camelretool.example.signup.SignupSource;
import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /signups}: a signed JSON signup or array of signups. Accepted signups are written to the ledger, as one
 * batch, before the answer 202 with one id per signup; 400 lists every field error, 401 a missing or bad signature,
 * 413 a body over 1 MiB, 415 a non-JSON body, 503 a ledger that cannot be reached (nothing was accepted: send again).
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
                accept(exchange, body, intake);
            }
        }
    }

    private static void accept(Exchange exchange, byte[] body, SignupIntake intake) throws Exception {
        String requestId = "webhook-" + UUID.randomUUID();
        WebhookPayloadParser.Payload payload = WebhookPayloadParser.parse(body, requestId);
        if (!payload.errors().isEmpty()) {
            Map<String, String> errors = new LinkedHashMap<>();
            payload.errors().forEach(error -> errors.put(error.path().isEmpty() ? "body" : error.path(),
                    error.message()));
            respond(exchange, 400, Map.of("errors", errors));
            return;
        }
        List<Arrival> arrivals = new ArrayList<>();
        payload.signups().forEach(signup -> {
            Arrival arrival = intake.arrival(arrivals.size() + 1, signup);
            arrivals.add(payload.isRemoval(signup) ? arrival.asRemoval() : arrival);
        });
        AcceptedBatch accepted = intake.acceptBatch(SignupSource.WEBHOOK, requestId, arrivals);
        List<String> ids = payload.signups().stream().map(Signup::sourceRef).toList();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("batch", accepted.batch().id());
        answer.put("accepted", ids.size());
        answer.put("ids", ids);
        respond(exchange, 202, answer);
        LOG.info("Webhook {}: {} signup(s) accepted as batch {}: {} new, {} duplicate, {} to offboard", requestId,
                ids.size(), accepted.batch().id(), accepted.count(ItemOutcome.PENDING),
                accepted.count(ItemOutcome.DUPLICATE), accepted.count(ItemOutcome.OFFBOARDED));
    }

    private static void respond(Exchange exchange, int status, Object json) throws Exception {
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json");
        exchange.getMessage().setBody(new String(JSON.writeValueAsBytes(json), StandardCharsets.UTF_8));
    }
}
