package io.camelretool.component.producer;

import java.util.concurrent.CompletableFuture;

import io.camelretool.component.RetoolConfiguration;
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

    /**
     * Starts the work for one exchange and answers its future, which sets the exchange's body and headers when it
     * succeeds; throws (before any call) for input Retool would refuse.
     */
    protected abstract CompletableFuture<?> start(Exchange exchange);

    @Override
    public final boolean process(Exchange exchange, AsyncCallback callback) {
        CompletableFuture<?> work;
        try {
            work = start(exchange);
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
