package io.camelretool.component.transport;

import java.net.http.HttpClient;
import java.security.cert.CertPathBuilderException;

import io.camelretool.component.RetoolComponent;
import io.camelretool.component.error.RetoolConnectionException;
import io.camelretool.component.model.InviteResult;
import io.camelretool.component.model.InviteStatus;
import io.camelretool.sandbox.RetoolSandbox;
import io.camelretool.sandbox.junit.RetoolSandboxExtension;
import io.camelretool.testing.SandboxTrust;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A self-hosted Retool behind https whose certificate a private CA signed (the sandbox with TLS): reached with the
 * CA's trust store given the Camel way, refused with a message that says what to configure without it, and reached
 * through a proxy or a client of the user's.
 */
class PrivateCaTransportTest extends CamelTestSupport {

    @RegisterExtension
    static RetoolSandboxExtension retool = RetoolSandboxExtension.businessOverTls();

    private RetoolComponent component;

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        component = new RetoolComponent();
        component.getConfiguration().setBaseUrl(retool.baseUrl());
        component.getConfiguration().setApiKey(retool.apiKey());
        component.getConfiguration().setRateLimitPerMinute(0);
        context.addComponent("retool", component);
        return context;
    }

    @Test
    void invitesOverHttpsWithTheCasTrustStoreAsSslContextParameters() {
        context.getRegistry().bind("retoolTls", SandboxTrust.trusting(retool.tls()));

        Exchange exchange = template.request("retool:invite?sslContextParameters=#retoolTls",
                e -> e.getMessage().setBody("ada@example.com"));

        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getMessage().getBody(InviteResult.class).status()).isEqualTo(InviteStatus.INVITED);
        assertThat(retool.sandbox().invitesFor("ada@example.com")).hasSize(1);
    }

    @Test
    void theCamelContextsGlobalSslSettingsServeWhenTheComponentIsToldToUseThem() {
        context.setSSLContextParameters(SandboxTrust.trusting(retool.tls()));
        component.setUseGlobalSslContextParameters(true);

        Exchange exchange = template.request("retool:invite", e -> e.getMessage().setBody("grace@example.com"));

        assertThat(exchange.getException()).isNull();
        assertThat(retool.sandbox().invitesFor("grace@example.com")).hasSize(1);
    }

    @Test
    void withoutTheTrustStoreTheFailureSaysWhatToConfigure() {
        Exchange exchange = template.request("retool:invite", e -> e.getMessage().setBody("ada@example.com"));

        assertThat(exchange.getException()).isInstanceOf(RetoolConnectionException.class)
                .hasMessageContaining("The certificate of 127.0.0.1 is not trusted")
                .hasMessageContaining("sslContextParameters")
                .hasRootCauseInstanceOf(CertPathBuilderException.class);
        assertThat(retool.sandbox().requests()).isEmpty();
    }

    @Test
    void anHttpUrlToTheHttpsPortFailsWithTheHintToUseHttps() {
        String plainUrl = retool.baseUrl().replace("https://", "http://");

        Exchange exchange = template.request("retool:invite?baseUrl=" + plainUrl,
                e -> e.getMessage().setBody("ada@example.com"));

        assertThat(exchange.getException()).isInstanceOf(RetoolConnectionException.class)
                .hasMessageContaining("names http, but 127.0.0.1:" + retool.sandbox().port()
                                      + " speaks TLS: use https://");
    }

    @Test
    void anHttpsUrlToAPlainHttpServerFailsWithTheHintBeforeTheConnectTimeout() {
        try (RetoolSandbox plain = RetoolSandbox.start()) {
            String httpsUrl = plain.baseUrl().replace("http://", "https://");

            // with a minute to connect, only the check can end the call with this message
            Exchange exchange = template.request("retool:invite?connectTimeout=60000&requestTimeout=60000&baseUrl="
                                                 + httpsUrl, e -> e.getMessage().setBody("ada@example.com"));

            assertThat(exchange.getException()).isInstanceOf(RetoolConnectionException.class)
                    .hasMessageContaining("names https, but 127.0.0.1:" + plain.port() + " answers in plain http");
            assertThat(plain.requests()).isEmpty();
        }
    }

    @Test
    void callsGoThroughTheConfiguredProxy() throws Exception {
        context.getRegistry().bind("retoolTls", SandboxTrust.trusting(retool.tls()));
        try (ConnectProxy proxy = new ConnectProxy()) {
            Exchange exchange = template.request("retool:invite?sslContextParameters=#retoolTls&proxyHost=127.0.0.1"
                                                 + "&proxyPort=" + proxy.port(),
                    e -> e.getMessage().setBody("ada@example.com"));

            assertThat(exchange.getException()).isNull();
            assertThat(proxy.tunnels()).contains("127.0.0.1:" + retool.sandbox().port());
        }
    }

    @Test
    void aProxyHostWithoutPortOrWithABadPortIsRefusedNamingIt() {
        assertThatThrownBy(() -> context.getEndpoint("retool:invite?proxyHost=127.0.0.1").createProducer().start())
                .hasStackTraceContaining("proxyHost 127.0.0.1 needs a proxyPort");
        assertThatThrownBy(() -> context.getEndpoint("retool:invite?proxyHost=127.0.0.1&proxyPort=70000")
                .createProducer().start()).hasStackTraceContaining("port out of range:70000");
        assertThatThrownBy(() -> context.getEndpoint("retool:invite?proxyHost=127.0.0.1&proxyPort=eighty"))
                .hasStackTraceContaining("eighty");
        assertThat(retool.sandbox().requests()).isEmpty();
    }

    @Test
    void anSslContextParametersReferenceToNothingOrToAnotherTypeIsRefused() {
        context.getRegistry().bind("notTls", "just a string");

        assertThatThrownBy(() -> context.getEndpoint("retool:invite?sslContextParameters=#missing"))
                .hasStackTraceContaining("missing");
        assertThatThrownBy(() -> context.getEndpoint("retool:invite?sslContextParameters=#notTls"))
                .hasStackTraceContaining("notTls");
    }

    @Test
    void anHttpClientInTheRegistryIsAutowiredAndUsedAsItIs() throws Exception {
        HttpClient own = HttpClient.newBuilder().sslContext(retool.tls().clientContext()).build();
        // stopped in finally rather than closed by try-with-resources: CamelContext.close() may throw
        // InterruptedException, which javac's lint rightly warns about
        CamelContext fresh = new org.apache.camel.impl.DefaultCamelContext();
        try {
            fresh.getRegistry().bind("myRetoolHttpClient", own);
            fresh.start();
            RetoolComponent autowired = fresh.getComponent("retool", RetoolComponent.class);
            autowired.getConfiguration().setBaseUrl(retool.baseUrl());
            autowired.getConfiguration().setApiKey(retool.apiKey());

            Exchange exchange = fresh.createProducerTemplate().request("retool:invite",
                    e -> e.getMessage().setBody("ada@example.com"));

            assertThat(autowired.getHttpClient()).isSameAs(own);
            assertThat(exchange.getException()).isNull();
            assertThat(retool.sandbox().invitesFor("ada@example.com")).hasSize(1);
        } finally {
            fresh.stop();
        }
    }
}
