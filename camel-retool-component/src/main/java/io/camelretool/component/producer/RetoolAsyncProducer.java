package io.camelretool.component.producer;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

import io.camelretool.component.RetoolComponent;
import io.camelretool.component.RetoolConfiguration;
import io.camelretool.component.RetoolConstants;
import io.camelretool.component.RetoolEndpoint;
import io.camelretool.component.client.Futures;
import io.camelretool.component.client.RetoolClient;
import io.camelretool.component.error.InvalidRetoolInputException;
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
    private static final String CAPABILITIES = "capabilities";

    /** This message's action: the header {@code CamelRetoolAction}, else the endpoint's option. */
    protected abstract Enum<?> action(Exchange exchange);

    /**
     * The header's action as this kind's enum (its constant, or the constant's name in any case and spacing), else
     * {@code configured}; any other value is refused naming the valid ones.
     */
    protected static <A extends Enum<A>> A action(Exchange exchange, Class<A> actions, A configured, String kind) {
        Object value = exchange.getMessage().getHeader(RetoolConstants.ACTION);
        if (value == null) {
            return configured;
        }
        if (actions.isInstance(value)) {
            return actions.cast(value);
        }
        String text = value.toString().trim();
        for (A action : actions.getEnumConstants()) {
            if (action.name().equalsIgnoreCase(text)) {
                return action;
            }
        }
        List<String> names = Arrays.stream(actions.getEnumConstants()).map(Enum::name).toList();
        throw new InvalidRetoolInputException("action", "'" + text.toLowerCase(Locale.ROOT) + "' is not an " + kind
                + " action; use " + String.join(", ", names.subList(0, names.size() - 1)) + " or "
                + names.get(names.size() - 1));
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
            work = CAPABILITIES.equals(action(exchange).name()) ? capabilities(exchange) : start(exchange);
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
