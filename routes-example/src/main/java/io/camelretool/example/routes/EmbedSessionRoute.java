package io.camelretool.example.routes;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelretool.component.RetoolConstants;
import io.camelretool.example.SignupServices;
import io.camelretool.example.access.EmbedSessionRequest;
import io.camelretool.example.access.EmbedSessions;
import io.camelretool.example.intake.webhook.WebhookIntake;
import io.camelretool.example.intake.webhook.WebhookSignature;
import io.camelretool.example.ledger.Deliveries;
import io.camelretool.example.ledger.LedgerException;
import io.vertx.core.http.HttpServerRequest;
import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.platform.http.vertx.HttpMessage;

/**
 * {@code POST /embed/sessions}: a host application's backend asks for a single-use Retool Embed URL for its
 * logged-in customer, signed like the signup webhook (same headers and scheme) with {@code EMBED_SECRET}. Answers
 * 200 {@code {"embedUrl"}}, 400 with field errors, 401 for a bad signature, 403 not entitled (with the reason), 409 an
 * identifier conflict, 503 with {@code Retry-After} when Retool or the ledger cannot be reached.
 */
public class EmbedSessionRoute extends RouteBuilder {

    public static final String PATH = "/embed/sessions";
    /** The Embed call: no retries inside the component, as a person is waiting; a short timeout for the same reason. */
    static final String MINT = "retool:embedToken?maxRetries=0&requestTimeout=10000";
    private static final String ADMISSION = "embedSessionMint";
    private static final String REPLAY_SOURCE = "EMBED_SESSION";
    private static final Map<String, Object> REPLAYED = Map.of("error", "this signed request was served already: sign "
            + "a new one for each session (with a fresh nonce when asking twice within a second)");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final byte[] secret;

    public EmbedSessionRoute(byte[] secret) {
        this.secret = secret.clone();
    }

    @Override
    public void configure() {
        WebhookSignature signature = new WebhookSignature(secret, WebhookIntake.TOLERANCE, Clock.systemUTC());
        EmbedSessions sessions = SignupServices.of(getCamelContext()).embedSessions();
        Deliveries deliveries = SignupServices.of(getCamelContext()).ledger().deliveries();

        from("platform-http:" + PATH + "?httpMethodRestrict=POST").routeId("embed-sessions")
                .onException(LedgerException.class).handled(true)
                    .log(LoggingLevel.ERROR, "Embed session refused with 503: ${exception.message}")
                    .process(exchange -> respond(exchange, new EmbedSessions.Answer(503,
                            Map.of("error", "the ledger cannot be reached; ask again shortly"), "5")))
                .end()
                .process(exchange -> admit(exchange, signature, sessions, deliveries))
                .filter(exchangeProperty(ADMISSION).isNotNull())
                    .doTry()
                        .to(MINT)
                        .process(exchange -> respond(exchange, sessions.minted(mint(exchange),
                                exchange.getMessage().getBody(String.class))))
                    .doCatch(Exception.class)
                        .process(exchange -> respond(exchange, sessions.failed(mint(exchange),
                                exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class))))
                    .end()
                .end();
    }

    private static void admit(Exchange exchange, WebhookSignature signature, EmbedSessions sessions,
                              Deliveries deliveries) throws Exception {
        // read from the HTTP request itself: Camel would make a query parameter a header of the same name, and a
        // signature must come from the request's headers only
        HttpServerRequest http = exchange.getIn(HttpMessage.class).getRequest();
        String contentType = http.getHeader("Content-Type") == null ? ""
                : http.getHeader("Content-Type").toLowerCase(Locale.ROOT);
        byte[] body = exchange.getMessage().getBody(byte[].class);
        if (body == null) {
            body = new byte[0];
        }
        String timestamp = http.getHeader(WebhookSignature.TIMESTAMP_HEADER);
        String signed = http.getHeader(WebhookSignature.SIGNATURE_HEADER);
        // the request's headers must not travel back as response headers, nor reach the component
        exchange.getMessage().removeHeaders("*");
        if (!contentType.startsWith("application/json")) {
            respond(exchange, EmbedSessions.Answer.of(415, "error", "send the request as application/json"));
            return;
        }
        if (body.length > EmbedSessionRequest.MAX_BODY_BYTES) {
            respond(exchange, EmbedSessions.Answer.of(413, "error", "the body is larger than 64 KiB"));
            return;
        }
        WebhookSignature.Check check = signature.verify(timestamp, signed, body);
        if (!check.valid()) {
            respond(exchange, EmbedSessions.Answer.of(401, "error", check.reason()));
            return;
        }
        // a captured request sent again within the signature's window would get its sender's customer a new URL:
        // each signed request is served once, on any node (the replay store); its URL is never kept to answer again
        Deliveries.Delivery delivery = new Deliveries.Delivery(REPLAY_SOURCE,
                WebhookSignature.deliveryKey(timestamp, body),
                Instant.ofEpochSecond(Long.parseLong(timestamp.trim())).plus(WebhookIntake.TOLERANCE));
        if (!deliveries.firstTime(delivery, new Deliveries.Answer(409, JSON.writeValueAsString(REPLAYED)))) {
            respond(exchange, new EmbedSessions.Answer(409, REPLAYED, null));
            return;
        }
        EmbedSessions.Admission admission = sessions.admit(body);
        if (admission instanceof EmbedSessions.Answer answer) {
            respond(exchange, answer);
            return;
        }
        EmbedSessions.Mint mint = (EmbedSessions.Mint) admission;
        exchange.setProperty(ADMISSION, mint);
        exchange.getMessage().setHeader(RetoolConstants.LANDING_PAGE_UUID, mint.landingPageUuid());
        exchange.getMessage().setHeader(RetoolConstants.GROUP_IDS, mint.groupIds());
        exchange.getMessage().setHeader(RetoolConstants.EXTERNAL_IDENTIFIER, mint.externalIdentifier());
        exchange.getMessage().setBody(mint.body());
    }

    private static EmbedSessions.Mint mint(Exchange exchange) {
        return exchange.getProperty(ADMISSION, EmbedSessions.Mint.class);
    }

    /** The answer replaces everything the call left on the message: the URL travels only in the body. */
    private static void respond(Exchange exchange, EmbedSessions.Answer answer) throws Exception {
        exchange.getMessage().removeHeaders("*");
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, answer.status());
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json");
        if (answer.retryAfter() != null) {
            exchange.getMessage().setHeader("Retry-After", answer.retryAfter());
        }
        exchange.getMessage().setBody(new String(JSON.writeValueAsBytes(answer.body()), StandardCharsets.UTF_8));
    }
}
