package io.camelretool.example.routes;

import java.time.Clock;
import java.util.List;

import io.camelretool.example.SignupServices;
import io.camelretool.example.intake.sender.Sender;
import io.camelretool.example.intake.sender.SenderAnswer;
import io.camelretool.example.intake.sender.SenderIntake;
import io.camelretool.example.intake.sender.SenderRequest;
import io.camelretool.example.ledger.LedgerException;
import io.vertx.core.http.HttpServerRequest;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.platform.http.vertx.HttpMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /signups/<sender>}: one route per sender that is on (Stripe, Standard Webhooks, Typeform, Shopify), each
 * checking its sender's own signature and handing mapped events to the same intake as every other signup. Headers
 * are read from the HTTP request itself, never from the query string (Camel would make a query parameter a header,
 * and a signature in a URL ends up in proxy logs).
 */
public class SenderIntakeRoute extends RouteBuilder {

    private static final Logger LOG = LoggerFactory.getLogger(SenderIntakeRoute.class);
    private static final SenderAnswer LEDGER_DOWN = new SenderAnswer(503,
            "{\"error\":\"the event cannot be stored right now; nothing was accepted, send again\"}");

    private final List<Sender> senders;

    public SenderIntakeRoute(List<Sender> senders) {
        this.senders = List.copyOf(senders);
    }

    @Override
    public void configure() {
        for (Sender sender : senders) {
            SenderIntake intake = new SenderIntake(sender, SignupServices.of(getCamelContext()).intake(),
                    Clock.systemUTC());
            from("platform-http:" + sender.path() + "?httpMethodRestrict=POST").routeId(sender.name() + "-intake")
                    .onException(LedgerException.class).handled(true)
                        .process(exchange -> {
                            LOG.warn("{} event refused with 503: the ledger cannot be reached", sender.name());
                            respond(exchange, LEDGER_DOWN);
                            exchange.getMessage().setHeader("Retry-After", "5");
                        })
                    .end()
                    .process(exchange -> answer(exchange, intake));
        }
    }

    private static void answer(Exchange exchange, SenderIntake intake) {
        HttpServerRequest http = exchange.getIn(HttpMessage.class).getRequest();
        byte[] body = exchange.getMessage().getBody(byte[].class);
        String contentType = http.getHeader("Content-Type");
        // the request's headers must not travel back as response headers
        exchange.getMessage().removeHeaders("*");
        respond(exchange, intake.answer(contentType == null ? "" : contentType,
                new SenderRequest(http.headers()::get, body),
                http.remoteAddress() == null ? "?" : http.remoteAddress().hostAddress()));
    }

    private static void respond(Exchange exchange, SenderAnswer answer) {
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, answer.status());
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json");
        exchange.getMessage().setBody(answer.body());
    }
}
