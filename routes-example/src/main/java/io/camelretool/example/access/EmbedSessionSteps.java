package io.camelretool.example.access;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

import io.camelretool.component.RetoolConstants;
import io.camelretool.example.http.RequestParts;
import io.camelretool.example.intake.LogText;
import io.camelretool.example.intake.webhook.WebhookIntake;
import io.camelretool.example.intake.webhook.WebhookSignature;
import io.camelretool.example.ledger.Deliveries;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The steps of the Embed sessions' route ({@code camel/embed-sessions.camel.yaml}), registered as the bean
 * {@code embedSessionSteps}: {@link #check} refuses a request that is not JSON, too large, not signed with
 * {@code EMBED_SECRET} or served already; {@link #admit} answers one {@link EmbedSessions} will not serve, or readies
 * the {@code retool:embedToken} call for one it will; {@link #minted} and {@link #failed} answer after that call;
 * {@link #answer} sends what {@link #check} or {@link #admit} decided; {@link #ledgerUnavailable} is the 503 when the
 * ledger cannot be reached. The Embed URL travels in the answer's body only: never in a log, a header, an exchange
 * property or an exception.
 */
public final class EmbedSessionSteps {

    /** Where the route listens, on the application's HTTP server. */
    public static final String PATH = "/embed/sessions";
    /** The exchange property holding the answer decided before any call to Retool. */
    public static final String ANSWER = "embedAnswer";
    /** The exchange property holding what to mint, when the request is to be served. */
    public static final String MINT = "embedMint";

    private static final String REPLAY_SOURCE = "EMBED_SESSION";
    private static final Map<String, Object> REPLAYED = Map.of("error", "this signed request was served already: sign "
            + "a new one for each session (with a fresh nonce when asking twice within a second)");
    private static final Logger LOG = LoggerFactory.getLogger(EmbedSessionSteps.class);

    private final WebhookSignature signature;
    private final EmbedSessions sessions;
    private final Deliveries deliveries;

    /**
     * @param secret     the secret host backends sign with ({@code EMBED_SECRET}); null: the endpoint is off and
     *                   refuses every request
     * @param deliveries the replay store shared by every node
     */
    public EmbedSessionSteps(byte[] secret, EmbedSessions sessions, Deliveries deliveries) {
        this.signature = secret == null ? null : new WebhookSignature(secret, WebhookIntake.TOLERANCE,
                Clock.systemUTC());
        this.sessions = sessions;
        this.deliveries = deliveries;
    }

    /**
     * Checks the request as the signup webhook's are checked (same headers and scheme), and that it was not served
     * before; sets {@value #ANSWER} when it is refused. The request's headers are removed: they must not travel back
     * as response headers, nor reach the component. The body stays.
     */
    public void check(Exchange exchange) throws Exception {
        String contentType = RequestParts.header(exchange, "Content-Type");
        byte[] body = RequestParts.body(exchange);
        String timestamp = RequestParts.header(exchange, WebhookSignature.TIMESTAMP_HEADER);
        String signed = RequestParts.header(exchange, WebhookSignature.SIGNATURE_HEADER);
        exchange.getMessage().removeHeaders("*");
        EmbedSessions.Answer refusal = refusal(contentType, body, timestamp, signed);
        if (refusal != null) {
            exchange.setProperty(ANSWER, refusal);
        }
    }

    private EmbedSessions.Answer refusal(String contentType, byte[] body, String timestamp, String signed)
            throws Exception {
        if (signature == null) {
            return EmbedSessions.Answer.of(404, "error", "Embed sessions are off: there is no EMBED_SECRET");
        }
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            return EmbedSessions.Answer.of(415, "error", "send the request as application/json");
        }
        if (body.length > EmbedSessionRequest.MAX_BODY_BYTES) {
            return EmbedSessions.Answer.of(413, "error", "the body is larger than 64 KiB");
        }
        WebhookSignature.Check check = signature.verify(timestamp, signed, body);
        if (!check.valid()) {
            return EmbedSessions.Answer.of(401, "error", check.reason());
        }
        // a captured request sent again within the signature's window would get its sender's customer a new URL:
        // each signed request is served once, on any node (the replay store); its URL is never kept to answer again
        Deliveries.Delivery delivery = new Deliveries.Delivery(REPLAY_SOURCE,
                WebhookSignature.deliveryKey(timestamp, body),
                Instant.ofEpochSecond(Long.parseLong(timestamp.trim())).plus(WebhookIntake.TOLERANCE));
        if (!deliveries.firstTime(delivery, new Deliveries.Answer(409, RequestParts.json(REPLAYED)))) {
            return new EmbedSessions.Answer(409, REPLAYED, null);
        }
        return null;
    }

    /**
     * Asks {@link EmbedSessions} whether the person is served: sets {@value #ANSWER} when not (400, 403, 409, 503),
     * or sets {@value #MINT} and readies the message for {@code retool:embedToken}: its landing page, groups and
     * identifier as headers, the person's email, names and metadata as the body.
     */
    public void admit(Exchange exchange) {
        EmbedSessions.Admission admission = sessions.admit(RequestParts.body(exchange));
        if (admission instanceof EmbedSessions.Answer answer) {
            exchange.setProperty(ANSWER, answer);
            return;
        }
        EmbedSessions.Mint mint = (EmbedSessions.Mint) admission;
        exchange.setProperty(MINT, mint);
        exchange.getMessage().setHeader(RetoolConstants.LANDING_PAGE_UUID, mint.landingPageUuid());
        exchange.getMessage().setHeader(RetoolConstants.GROUP_IDS, mint.groupIds());
        exchange.getMessage().setHeader(RetoolConstants.EXTERNAL_IDENTIFIER, mint.externalIdentifier());
        exchange.getMessage().setBody(mint.body());
    }

    /** Sends the answer {@link #check} or {@link #admit} decided. */
    public void answer(Exchange exchange) {
        respond(exchange, exchange.getProperty(ANSWER, EmbedSessions.Answer.class));
    }

    /** The URL is minted (it is the body): the session is counted and the URL answered, unless offboarded meanwhile. */
    public void minted(Exchange exchange) {
        respond(exchange, sessions.minted(mint(exchange), exchange.getMessage().getBody(String.class)));
    }

    /** Retool did not mint (or the session could not be counted): 503 to ask again, or 502 for a refusal. */
    public void failed(Exchange exchange) {
        respond(exchange, sessions.failed(mint(exchange), exchange.getProperty(Exchange.EXCEPTION_CAUGHT,
                Exception.class)));
    }

    /** 503 when the ledger cannot be reached: nothing was minted, the host backend should ask again shortly. */
    public void ledgerUnavailable(Exchange exchange) {
        Exception failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        LOG.error("Embed session refused with 503: {}", LogText.of(failure == null ? "" : failure.getMessage()));
        respond(exchange, new EmbedSessions.Answer(503, Map.of("error", "the ledger cannot be reached; ask again "
                                                                       + "shortly"), EmbedSessions.RETRY_AFTER));
    }

    private static EmbedSessions.Mint mint(Exchange exchange) {
        return exchange.getProperty(MINT, EmbedSessions.Mint.class);
    }

    /** The answer replaces everything the call left on the message: the URL travels only in the body. */
    private static void respond(Exchange exchange, EmbedSessions.Answer answer) {
        RequestParts.answer(exchange, answer.status(), answer.body());
        if (answer.retryAfter() != null) {
            exchange.getMessage().setHeader("Retry-After", answer.retryAfter());
        }
    }
}
