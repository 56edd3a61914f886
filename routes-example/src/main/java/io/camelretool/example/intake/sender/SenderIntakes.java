package io.camelretool.example.intake.sender;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.camelretool.example.http.RequestParts;
import io.camelretool.example.pipeline.SignupIntake;
import io.vertx.core.http.HttpServerRequest;
import org.apache.camel.Exchange;
import org.apache.camel.component.platform.http.vertx.HttpMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The steps of the senders' routes ({@code camel/sender-intake.camel.yaml}), registered as the bean
 * {@code senderIntakes}: a request to {@code /signups/<sender>} is answered by that sender's {@link SenderIntake}.
 * The sender, the headers and the source address are read from the HTTP request itself, never from Camel's headers:
 * Camel would make a query parameter a header, and a signature in a URL ends up in proxy logs.
 */
public final class SenderIntakes {

    private static final Logger LOG = LoggerFactory.getLogger(SenderIntakes.class);
    private static final SenderAnswer LEDGER_DOWN = new SenderAnswer(503,
            "{\"error\":\"the event cannot be stored right now; nothing was accepted, send again\"}");
    private static final SenderAnswer NOT_ON = new SenderAnswer(404, "{\"error\":\"no such sender\"}");

    /** By path, {@code /signups/<sender>}. */
    private final Map<String, SenderIntake> byPath = new LinkedHashMap<>();

    /** @param senders the senders that are on (those whose secret is set) */
    public SenderIntakes(List<Sender> senders, SignupIntake intake, Clock clock) {
        senders.forEach(sender -> byPath.put(sender.path(), new SenderIntake(sender, intake, clock)));
    }

    /** The request checked, mapped and accepted by its sender's intake; the answer replaces the request. */
    public void answer(Exchange exchange) {
        HttpServerRequest http = exchange.getIn(HttpMessage.class).getRequest();
        byte[] body = exchange.getMessage().getBody(byte[].class);
        String contentType = http.getHeader("Content-Type");
        // the request's headers must not travel back as response headers
        exchange.getMessage().removeHeaders("*");
        SenderIntake intake = byPath.get(http.path());
        if (intake == null) {
            respond(exchange, NOT_ON);
            return;
        }
        respond(exchange, intake.answer(contentType == null ? "" : contentType,
                new SenderRequest(http.headers()::get, body),
                RequestParts.sourceAddress(exchange)));
    }

    /** The ledger cannot be reached: 503 with Retry-After, nothing accepted; the sender delivers again. */
    public void ledgerUnavailable(Exchange exchange) {
        HttpMessage request = exchange.getIn(HttpMessage.class);
        SenderIntake intake = request == null ? null : byPath.get(request.getRequest().path());
        LOG.warn("{} event refused with 503: the ledger cannot be reached",
                intake == null ? "A sender's" : intake.sender().name());
        exchange.getMessage().removeHeaders("*");
        respond(exchange, LEDGER_DOWN);
        exchange.getMessage().setHeader("Retry-After", "5");
    }

    private static void respond(Exchange exchange, SenderAnswer answer) {
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, answer.status());
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json");
        exchange.getMessage().setBody(answer.body());
    }
}
