package io.camelretool.component;

import io.camelretool.sandbox.RetoolSandbox;
import io.camelretool.sandbox.junit.RetoolSandboxExtension;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A Camel context whose retool component talks to a fresh retool-sandbox, limits off unless a test sets them. */
abstract class RetoolTestSupport extends CamelTestSupport {

    @RegisterExtension
    static RetoolSandboxExtension retool = RetoolSandboxExtension.business();

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        RetoolComponent component = new RetoolComponent();
        component.getConfiguration().setBaseUrl(retool.baseUrl());
        component.getConfiguration().setApiKey(retool.apiKey());
        component.getConfiguration().setRateLimitPerMinute(0);
        context.addComponent("retool", component);
        return context;
    }

    RetoolSandbox sandbox() {
        return retool.sandbox();
    }

    /** Sends and returns the exchange, so tests can look at its exception as well as its body and headers. */
    Exchange send(String uri, Object body) {
        return template.request(uri, exchange -> exchange.getMessage().setBody(body));
    }
}
