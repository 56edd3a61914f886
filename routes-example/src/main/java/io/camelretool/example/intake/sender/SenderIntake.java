package io.camelretool.example.intake.sender;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelretool.example.intake.LogText;
import io.camelretool.example.intake.webhook.WebhookPayloadParser;
import io.camelretool.example.ledger.AcceptedBatch;
import io.camelretool.example.ledger.Arrival;
import io.camelretool.example.ledger.Deliveries;
import io.camelretool.example.pipeline.SignupIntake;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A sender's request, from its raw bytes to its answer: the sender's signature is checked on the raw body, the event
 * is mapped, and a mapped event is accepted into the ledger as a batch of its own, once per event id (the ledger's
 * replay store, shared by every node), so that a redelivery gets the answer of the first delivery and makes no second
 * batch. Every event that
 * passes the signature is answered 2xx (one we do not map is counted, one without a usable signup is reported with
 * why), because a sender delivers again whatever it sees refused.
 */
public final class SenderIntake {

    private static final Logger LOG = LoggerFactory.getLogger(SenderIntake.class);
    /**
     * How long an event is remembered after its first delivery: longer than any of these senders keeps delivering
     * again (Stripe for up to three days, Standard Webhooks senders for about five).
     */
    static final Duration REMEMBERED = Duration.ofDays(7);

    private final Sender sender;
    private final SignupIntake intake;
    private final Clock clock;
    private final Map<String, LongAdder> unmapped = new ConcurrentHashMap<>();

    public SenderIntake(Sender sender, SignupIntake intake, Clock clock) {
        this.sender = sender;
        this.intake = intake;
        this.clock = clock;
    }

    public Sender sender() {
        return sender;
    }

    /**
     * @param contentType the request's {@code Content-Type}, empty when it has none
     * @param from        the address the request came from, for the log line of a refusal
     */
    public SenderAnswer answer(String contentType, SenderRequest request, String from) {
        SenderAnswer answer = decide(contentType, request);
        if (answer.status() >= 400) {
            // a refusal leaves a trace: its reason and where it came from, never the signature or the secret
            LOG.warn("{} request from {} refused with {}: {}", sender.name(), LogText.of(from), answer.status(),
                    LogText.of(answer.body()));
        }
        return answer;
    }

    private SenderAnswer decide(String contentType, SenderRequest request) {
        if (!contentType.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            return SenderAnswer.error(415, "send the event as application/json");
        }
        if (request.body().length > WebhookPayloadParser.MAX_BODY_BYTES) {
            return SenderAnswer.error(413, "the body is larger than 1 MiB");
        }
        SignatureCheck check = sender.signature().verify(request);
        if (!check.valid()) {
            return SenderAnswer.error(401, check.reason());
        }
        JsonNode body;
        try {
            body = StrictJson.object(request.body());
        } catch (StrictJson.NotJsonObject notJson) {
            return SenderAnswer.error(400, notJson.getMessage());
        }
        String eventId = Optional.ofNullable(sender.eventId().apply(new Sender.ParsedRequest(request, body)))
                .filter(id -> !id.isBlank() && id.length() <= 200).orElseGet(() -> digest(request.body()));
        SenderEvent event = sender.events().map(body, request, eventId);
        if (event instanceof SenderEvent.Unmapped) {
            LongAdder counter = unmapped.computeIfAbsent(event.type(), type -> new LongAdder());
            counter.increment();
            long seen = counter.sum();
            LOG.info("{} event {} of type {} is not mapped to a signup: acknowledged ({} of this type so far)",
                    sender.name(), LogText.of(eventId), LogText.of(event.type()), seen);
            return SenderAnswer.of(200, Map.of("event", eventId, "ignored", "event type not mapped to a signup"));
        }
        Deliveries.Delivery delivery = new Deliveries.Delivery(sender.source().name(), eventId,
                clock.instant().plus(REMEMBERED));
        Optional<Deliveries.Answer> seen = intake.answered(delivery);
        if (seen.isPresent()) {
            LOG.info("{} event {} delivered again: answered as the first time, nothing accepted again", sender.name(),
                    LogText.of(eventId));
            return new SenderAnswer(seen.get().status(), seen.get().body());
        }
        return accept(event, delivery);
    }

    /** The events of each type we do not map that this node acknowledged, for the record. */
    public Map<String, Long> unmappedCounts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        unmapped.forEach((type, count) -> counts.put(type, count.sum()));
        return counts;
    }

    private SenderAnswer accept(SenderEvent event, Deliveries.Delivery delivery) {
        String sourceRef = SignupDraft.sourceRef(sender.source(), event.eventId());
        Arrival arrival = event instanceof SenderEvent.Mapped mapped ? intake.arrival(1, mapped.signup())
                : Arrival.unreadable(1, sourceRef, ((SenderEvent.Unusable) event).reason());
        String note = event instanceof SenderEvent.Unusable unusable ? unusable.reason() : null;
        AcceptedBatch[] made = new AcceptedBatch[1];
        Deliveries.Answer answer = intake.acceptBatchOnce(delivery, sender.source(), sourceRef, List.of(arrival),
                accepted -> {
                    made[0] = accepted;
                    Map<String, Object> json = new LinkedHashMap<>();
                    json.put("event", event.eventId());
                    json.put("batch", accepted.batch().id());
                    if (note != null) {
                        json.put("note", note);
                    }
                    SenderAnswer first = SenderAnswer.of(202, json);
                    return new Deliveries.Answer(first.status(), first.body());
                });
        if (made[0] == null) {
            LOG.info("{} event {} was accepted by a copy delivered at the same time: answered as that one",
                    sender.name(), LogText.of(event.eventId()));
        } else if (note != null) {
            LOG.warn("{} event {} of type {} has no usable signup, reported in batch {}: {}", sender.name(),
                    LogText.of(event.eventId()), LogText.of(event.type()), made[0].batch().id(), LogText.of(note));
        } else {
            LOG.info("{} event {} of type {} accepted as batch {}", sender.name(), LogText.of(event.eventId()),
                    LogText.of(event.type()), made[0].batch().id());
        }
        return new SenderAnswer(answer.status(), answer.body());
    }

    /** The id of an event whose sender gave none: the same body delivered again has the same one. */
    private static String digest(byte[] body) {
        try {
            return "sha256-" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
