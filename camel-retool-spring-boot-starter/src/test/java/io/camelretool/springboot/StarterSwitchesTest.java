package io.camelretool.springboot;

import java.net.http.HttpClient;

import io.camelretool.component.RetoolComponent;
import io.camelretool.component.model.InviteResult;
import io.camelretool.component.model.InviteStatus;
import io.camelretool.sandbox.junit.RetoolSandboxExtension;
import io.camelretool.testing.SandboxTrust;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.spi.ComponentCustomizer;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The starter's switches and hooks, each in an application of its own: {@code enabled=false}, a customizer of the
 * application's, and an object option bound from a bean reference ({@code #name}) to reach a Retool behind https
 * whose certificate a private CA signed.
 */
class StarterSwitchesTest {

    @RegisterExtension
    static RetoolSandboxExtension retool = RetoolSandboxExtension.businessOverTls();

    private final ApplicationContextRunner application = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(CamelAutoConfiguration.class, RetoolComponentConverter.class,
                    RetoolComponentAutoConfiguration.class))
            .withPropertyValues("camel.component.retool.base-url=" + retool.baseUrl(),
                    "camel.component.retool.api-key=" + retool.apiKey(),
                    "camel.component.retool.rate-limit-per-minute=0");

    @Test
    void enabledFalseLeavesTheComponentUnconfigured() {
        application.withPropertyValues("camel.component.retool.enabled=false").run(context -> {
            assertThat(context).doesNotHaveBean(RetoolComponentAutoConfiguration.class);
            RetoolComponent component = context.getBean(CamelContext.class).getComponent("retool",
                    RetoolComponent.class);
            assertThat(component.getConfiguration().getBaseUrl()).isEqualTo("https://api.retool.com");
        });
    }

    @Test
    void aCustomizerOfTheApplicationRunsBesideTheProperties() {
        HttpClient own = HttpClient.newBuilder().sslContext(retool.tls().clientContext()).build();
        application.withBean("myRetoolCustomizer", ComponentCustomizer.class,
                () -> ComponentCustomizer.forType(RetoolComponent.class, component -> component.setHttpClient(own)))
                .run(context -> {
                    RetoolComponent component = context.getBean(CamelContext.class).getComponent("retool",
                            RetoolComponent.class);
                    InviteResult result = context.getBean(ProducerTemplate.class).requestBody("retool:invite",
                            "ada@example.com", InviteResult.class);

                    assertThat(component.getHttpClient()).isSameAs(own);
                    assertThat(component.getConfiguration().getBaseUrl()).isEqualTo(retool.baseUrl());
                    assertThat(result.status()).isEqualTo(InviteStatus.INVITED);
                });
    }

    @Test
    void sslContextParametersAreBoundFromABeanReference() {
        application.withBean("retoolTls", SSLContextParameters.class, () -> SandboxTrust.trusting(retool.tls()))
                .withPropertyValues("camel.component.retool.ssl-context-parameters=#retoolTls")
                .run(context -> {
                    InviteResult result = context.getBean(ProducerTemplate.class).requestBody("retool:invite",
                            "grace@example.com", InviteResult.class);

                    assertThat(result.status()).isEqualTo(InviteStatus.INVITED);
                    assertThat(retool.sandbox().invitesFor("grace@example.com")).hasSize(1);
                });
    }
}
