package io.camelretool.component.producer;

import io.camelretool.component.RetoolEndpoint;
import io.camelretool.component.RetoolEndpointType;
import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultProducer;

/** Stands for an endpoint kind whose behaviour this release does not have yet; it refuses every message clearly. */
public class NotYetAvailableProducer extends DefaultProducer {

    private final RetoolEndpointType type;

    public NotYetAvailableProducer(RetoolEndpoint endpoint, RetoolEndpointType type) {
        super(endpoint);
        this.type = type;
    }

    @Override
    public void process(Exchange exchange) {
        throw new UnsupportedOperationException("retool:" + type + " is not available yet in this release of "
                                                + "camel-retool; only retool:invite is");
    }
}
