package io.camelretool.example.intake.webhook;

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

import io.camelretool.example.http.RequestParts;
import io.camelretool.example.intake.LogText;
import io.camelretool.example.ledger.AcceptedBatch;
import io.camelretool.example.ledger.Arrival;
import io.camelretool.example.ledger.Deliveries;
import io.camelretool.example.ledger.ItemOutcome;
import io.camelretool.example.pipeline.SignupIntake;
import io.camelretool.example.signup.Signup;
import io.camelretool.example.signup.SignupSource;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The steps of the webhook's route ({@code camel/webhook-intake.camel.yaml}), registered as the bean
 * {@code webhookIntake}: {@link #check} finds whether a request is to be refused (signature in the URL, not JSON,
 * over 1 MiB, a missing or bad signature), {@link #refuse} answers such a request, {@link #accept} writes the signups
 * of a good one to the ledger as one batch and answers 202 (or 400 with the field errors), and
 * {@link #ledgerUnavailable} answers 503 when the ledger cannot be reached. A signed request seen before gets the
 * answer it got the first time and makes no batch.
 */
public final class WebhookIntake {

    /** How far a request's timestamp may be from now; also how long a request is remembered against replays. */
    public static final Duration TOLERANCE = Duration.ofSeconds(300);
    /** The exchange property {@link #check} sets to the refusal, when there is one. */
    public static final String REFUSAL = "webhookRefusal";

    private static final String FROM = "webhookFrom";
    private static final String TIMESTAMP = "webhookTimestamp";
    private static final Logger LOG = LoggerFactory.getLogger(WebhookIntake.class);

    /** Why a request is refused, and with which status. */
    public record Refusal(int status, String reason) {
    }

    private final WebhookSignature signature;
    private final SignupIntake intake;

    /** @param secret the HMAC secret requests are signed with; null: the webhook is off and refuses every request */
    public WebhookIntake(byte[] secret, SignupIntake intake) {
        this(secret == null ? null : new WebhookSignature(secret, TOLERANCE, Clock.systemUTC()), intake);
    }

    public WebhookIntake(WebhookSignature signature, SignupIntake intake) {
        this.signature = signature;
        this.intake = intake;
    }

    /**
     * Reads what the checks need from the request, removes the request's headers (they must not travel back as
     * response headers) and sets the property {@value #REFUSAL} when the request is to be refused. The body stays.
     */
    public void check(Exchange exchange) {
        String contentType = exchange.getMessage().getHeader(Exchange.CONTENT_TYPE, "", String.class)
                .toLowerCase(Locale.ROOT);
        byte[] body = RequestParts.body(exchange);
        String timestamp = exchange.getMessage().getHeader(WebhookSignature.TIMESTAMP_HEADER, String.class);
        String signed = exchange.getMessage().getHeader(WebhookSignature.SIGNATURE_HEADER, String.class);
        String query = exchange.getMessage().getHeader(Exchange.HTTP_QUERY, String.class);
        exchange.setProperty(FROM, RequestParts.sourceAddress(exchange));
        exchange.setProperty(TIMESTAMP, timestamp);
        exchange.getMessage().removeHeaders("*");
        refusal(contentType, body, timestamp, signed, query).ifPresent(refusal -> exchange.setProperty(REFUSAL,
                refusal));
    }

    /** The refusal of a request, if it is to be refused; the reasons never echo the signature or the secret. */
    Optional<Refusal> refusal(String contentType, byte[] body, String timestamp, String signed, String query) {
        if (signature == null) {
            return Optional.of(new Refusal(404, "the webhook is off: it has no WEBHOOK_SECRET"));
        }
        if (SignatureInQuery.names(query)) {
            // Camel turns query parameters into headers; a signature in the URL ends up in proxy and access logs
            return Optional.of(new Refusal(401, "send " + WebhookSignature.TIMESTAMP_HEADER + " and "
                                                + WebhookSignature.SIGNATURE_HEADER
                                                + " as HTTP headers, never in the URL"));
        }
        if (!contentType.startsWith("application/json")) {
            return Optional.of(new Refusal(415, "send the signups as application/json"));
        }
        if (body.length > WebhookPayloadParser.MAX_BODY_BYTES) {
            return Optional.of(new Refusal(413, "the body is larger than 1 MiB; send fewer signups per request"));
        }
        WebhookSignature.Check check = signature.verify(timestamp, signed, body);
        return check.valid() ? Optional.empty() : Optional.of(new Refusal(401, check.reason()));
    }

    /** Answers the refusal {@link #check} found, and leaves one WARN line with the reason and the source address. */
    public void refuse(Exchange exchange) {
        Refusal refusal = exchange.getProperty(REFUSAL, Refusal.class);
        LOG.warn("Webhook request from {} refused with {}: {}", LogText.of(exchange.getProperty(FROM, "?",
                String.class)), refusal.status(), refusal.reason());
        respond(exchange, refusal.status(), RequestParts.json(Map.of("error", refusal.reason())));
    }

    /** Accepts the signups of a checked request as one batch: 202 with one id per signup, or 400 for field errors. */
    public void accept(Exchange exchange) {
        byte[] body = RequestParts.body(exchange);
        String timestamp = exchange.getProperty(TIMESTAMP, String.class);
        Deliveries.Delivery delivery = new Deliveries.Delivery(SignupSource.WEBHOOK.name(),
                WebhookSignature.deliveryKey(timestamp, body),
                Instant.ofEpochSecond(Long.parseLong(timestamp.trim())).plus(TOLERANCE));
        Optional<Deliveries.Answer> seen = intake.answered(delivery);
        if (seen.isPresent()) {
            replay(exchange, seen.get());
            return;
        }
        String requestId = "webhook-" + UUID.randomUUID();
        WebhookPayloadParser.Payload payload = WebhookPayloadParser.parse(body, requestId);
        if (!payload.errors().isEmpty()) {
            WebhookPayloadParser.FieldError first = payload.errors().get(0);
            LOG.warn("Webhook request from {} refused with 400: {} field error(s), the first: {}",
                    LogText.of(exchange.getProperty(FROM, "?", String.class)), payload.errors().size(),
                    LogText.of(first.path() + ": " + first.message()));
            respond(exchange, 400, RequestParts.json(FieldErrorAnswer.of(payload.errors())));
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
                    return new Deliveries.Answer(202, RequestParts.json(json));
                });
        if (made[0] == null) {
            // a copy of this request, on this node or another, was accepted while this one was being read
            replay(exchange, answer);
            return;
        }
        respond(exchange, answer.status(), answer.body());
        AcceptedBatch accepted = made[0];
        LOG.info("Webhook {}: {} signup(s) accepted as batch {}: {} new, {} duplicate, {} to offboard", requestId,
                ids.size(), accepted.batch().id(), accepted.count(ItemOutcome.PENDING),
                accepted.count(ItemOutcome.DUPLICATE), accepted.count(ItemOutcome.OFFBOARDED));
    }

    /** 503 when the ledger cannot be reached: nothing was accepted, the sender should send again. */
    public void ledgerUnavailable(Exchange exchange) {
        Exception failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        LOG.error("Webhook request refused with 503: {}", LogText.of(failure == null ? "" : failure.getMessage()));
        exchange.getMessage().removeHeaders("*");
        respond(exchange, 503, RequestParts.json(Map.of("error",
                "signups cannot be stored right now; nothing was accepted, send again")));
    }

    /** A signed request seen before: the same answer as the first time, and nothing else happens. */
    private static void replay(Exchange exchange, Deliveries.Answer first) {
        respond(exchange, first.status(), first.body());
        LOG.info("Webhook request seen before (same signature, timestamp and body): answered as the first time, "
                 + "nothing accepted again");
    }

    private static void respond(Exchange exchange, int status, String json) {
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json");
        exchange.getMessage().setBody(json);
    }
}
