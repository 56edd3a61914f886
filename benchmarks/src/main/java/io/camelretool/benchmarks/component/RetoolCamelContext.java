package io.camelretool.benchmarks.component;

import java.time.Duration;

import io.camelretool.component.RetoolComponent;
import io.camelretool.sandbox.RetoolSandbox;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;

/** A started Camel context whose only component is {@code retool}, pointed at a sandbox. */
final class RetoolCamelContext {

    private RetoolCamelContext() {
    }

    /** @param rateLimitPerMinute the component's own limit; 0 turns it off */
    static CamelContext start(RetoolSandbox sandbox, int rateLimitPerMinute) {
        CamelContext camel = new DefaultCamelContext();
        RetoolComponent component = new RetoolComponent();
        component.getConfiguration().setBaseUrl(sandbox.baseUrl());
        component.getConfiguration().setApiKey(sandbox.apiKey());
        component.getConfiguration().setRateLimitPerMinute(rateLimitPerMinute);
        component.getConfiguration().setConnectTimeout(Duration.ofSeconds(5).toMillis());
        camel.addComponent("retool", component);
        camel.start();
        return camel;
    }
}
