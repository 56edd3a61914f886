package io.camelretool.example.intake.sender;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
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
import io.camelretool.example.ledger.Batch;
import io.camelretool.example.pipeline.SignupIntake;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A sender's request, from its raw bytes to its answer: the sender's signature is checked on the raw body, the event
 * is mapped, and a mapped event is accepted into the ledger as a batch of its own, keyed by the sender's event id, so
 * that a redelivery is answered with the batch it made the first time instead of making another. Every event that
 * passes the signature is answered 2xx (one we do not map is counted, one without a usable signup is reported with
 * why), because a sender delivers again whatever it sees refused.
 */
public final class SenderIntake {

    private static final Logger LOG = LoggerFactory.getLogger(SenderIntake.class);
    /** Locks per event id, striped: two deliveries of one event in flight at once make one batch on this node. */
    private static final int STRIPES = 64;

    private final Sender sender;
    private final SignupIntake intake;
    private final Object[] stripes = new Object[STRIPES];
    private final Map<String, LongAdder> unmapped = new ConcurrentHashMap<>();

    public SenderIntake(Sender sender, SignupIntake intake) {
        this.sender = sender;
        this.intake = intake;
        for (int i = 0; i < STRIPES; i++) {
            stripes[i] = new Object();
        }
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
                    LogText.of(String.valueOf(answer.body().get("error"))));
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
            return new SenderAnswer(200, Map.of("event", eventId, "ignored", "event type not mapped to a signup"));
        }
        synchronized (stripes[Math.floorMod(eventId.hashCode(), STRIPES)]) {
            Optional<Batch> earlier = intake.acceptedBatch(sender.source(), eventId);
            if (earlier.isPresent()) {
                LOG.info("{} event {} delivered again: already accepted as batch {}", sender.name(),
                        LogText.of(eventId), earlier.get().id());
                return answer(200, eventId, earlier.get(), "already accepted");
            }
            return accept(event);
        }
    }

    /** The events of each type we do not map that this node acknowledged, for the record. */
    public Map<String, Long> unmappedCounts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        unmapped.forEach((type, count) -> counts.put(type, count.sum()));
        return counts;
    }

    private SenderAnswer accept(SenderEvent event) {
        String sourceRef = SignupDraft.sourceRef(sender.source(), event.eventId());
        Arrival arrival = event instanceof SenderEvent.Mapped mapped ? intake.arrival(1, mapped.signup())
                : Arrival.unreadable(1, sourceRef, ((SenderEvent.Unusable) event).reason());
        AcceptedBatch accepted = intake.acceptBatch(sender.source(), sourceRef, event.eventId(), List.of(arrival));
        if (event instanceof SenderEvent.Unusable unusable) {
            LOG.warn("{} event {} of type {} has no usable signup, reported in batch {}: {}", sender.name(),
                    LogText.of(event.eventId()), LogText.of(event.type()), accepted.batch().id(),
                    LogText.of(unusable.reason()));
            return answer(202, event.eventId(), accepted.batch(), unusable.reason());
        }
        LOG.info("{} event {} of type {} accepted as batch {}", sender.name(), LogText.of(event.eventId()),
                LogText.of(event.type()), accepted.batch().id());
        return answer(202, event.eventId(), accepted.batch(), null);
    }

    private static SenderAnswer answer(int status, String eventId, Batch batch, String note) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("event", eventId);
        body.put("batch", batch.id());
        if (note != null) {
            body.put("note", note);
        }
        return new SenderAnswer(status, body);
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
