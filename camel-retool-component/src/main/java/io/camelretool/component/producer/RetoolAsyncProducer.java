package io.camelretool.component.producer;

import java.util.Locale;
import java.util.concurrent.CompletableFuture;

import io.camelretool.component.RetoolComponent;
import io.camelretool.component.RetoolConfiguration;
import io.camelretool.component.RetoolConstants;
import io.camelretool.component.RetoolEndpoint;
import io.camelretool.component.client.Futures;
import io.camelretool.component.client.RetoolClient;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultAsyncProducer;

/**
 * The asynchronous contract every retool producer keeps, written once: {@code process} never throws; input refused
 * before any call completes the exchange at once (synchronously); otherwise it returns {@code false} and the
 * callback runs exactly once when the work's future completes, failed futures included.
 */
abstract class RetoolAsyncProducer extends DefaultAsyncProducer {

    protected final RetoolConfiguration configuration;
    protected RetoolClient client;

    RetoolAsyncProducer(RetoolEndpoint endpoint) {
        super(endpoint);
        this.configuration = endpoint.getConfiguration();
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        client = ((RetoolEndpoint) getEndpoint()).getClient();
    }

    /** The action any retool endpoint answers: what the key and plan allow. */
    static final String CAPABILITIES = "capabilities";

    /** The action of this message: the header, else the option, trimmed and lower-cased; null when neither. */
    protected String requestedAction(Exchange exchange) {
        String action = exchange.getMessage().getHeader(RetoolConstants.ACTION, configuration.getAction(), String.class);
        return action == null ? null : action.trim().toLowerCase(Locale.ROOT);
    }

    private CompletableFuture<?> capabilities(Exchange exchange) {
        RetoolComponent component = (RetoolComponent) getEndpoint().getComponent();
        return component.capabilities(client, configuration.getApiKey())
                .thenAccept(known -> exchange.getMessage().setBody(known));
    }

    /**
     * Starts the work for one exchange and answers its future, which sets the exchange's body and headers when it
     * succeeds; throws (before any call) for input Retool would refuse.
     */
    protected abstract CompletableFuture<?> start(Exchange exchange);

    @Override
    public final boolean process(Exchange exchange, AsyncCallback callback) {
        CompletableFuture<?> work;
        try {
            work = CAPABILITIES.equals(requestedAction(exchange)) ? capabilities(exchange) : start(exchange);
        } catch (RuntimeException refused) {
            exchange.setException(refused);
            callback.done(true);
            return true;
        }
        work.whenComplete((ignored, failure) -> {
            if (failure != null) {
                exchange.setException(Futures.unwrap(failure));
            }
            callback.done(false);
        });
        return false;
    }
}
