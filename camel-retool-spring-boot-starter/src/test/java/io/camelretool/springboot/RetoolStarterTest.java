package io.camelretool.springboot;

import java.util.List;
import java.util.Map;

import io.camelretool.component.RetoolComponent;
import io.camelretool.component.RetoolConstants;
import io.camelretool.component.model.InviteResult;
import io.camelretool.component.model.InviteStatus;
import io.camelretool.sandbox.junit.RetoolSandboxExtension;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Spring Boot application with the starter and three properties, as a new user writes it, against retool-sandbox:
 * the properties reach the component, and invites, attributes, Embed URLs, the health indicator and the meters work.
 */
@SpringBootTest(classes = RetoolStarterTest.Application.class,
                properties = { "camel.health.producers-enabled=true", "camel.health.exposure-level=full",
                               "spring.jmx.enabled=true" })
@ExtendWith(OutputCaptureExtension.class)
class RetoolStarterTest {

    private static final String LANDING_PAGE = "8f0e4a52-3c8e-4c7e-9a5e-2f4b0d6c1a99";

    @RegisterExtension
    static RetoolSandboxExtension retool = RetoolSandboxExtension.business();

    @SpringBootApplication
    static class Application {
    }

    @DynamicPropertySource
    static void threeProperties(DynamicPropertyRegistry properties) {
        properties.add("camel.component.retool.base-url", retool::baseUrl);
        properties.add("camel.component.retool.api-key", retool::apiKey);
        properties.add("camel.component.retool.rate-limit-per-minute", () -> "0");
    }

    @Autowired
    private ProducerTemplate template;

    @Autowired
    private CamelContext camelContext;

    @Autowired
    private HealthEndpoint health;

    @Autowired
    private MeterRegistry meters;

    @Test
    void thePropertiesInRelaxedFormConfigureTheComponent() {
        RetoolComponent component = camelContext.getComponent("retool", RetoolComponent.class);

        assertThat(component.getConfiguration().getBaseUrl()).isEqualTo(retool.baseUrl());
        assertThat(component.getConfiguration().getApiKey()).isEqualTo(retool.apiKey());
        assertThat(component.getConfiguration().getRateLimitPerMinute()).isZero();
    }

    @Test
    void invitesAnEmailOnceAndLogsNeitherKeyNorLink(CapturedOutput output) {
        InviteResult first = template.requestBody("retool:invite", "ada@example.com", InviteResult.class);
        InviteResult second = template.requestBody("retool:invite", "ada@example.com", InviteResult.class);

        assertThat(first.status()).isEqualTo(InviteStatus.INVITED);
        assertThat(second.status()).isEqualTo(InviteStatus.ALREADY_INVITED);
        assertThat(retool.sandbox().invitesFor("ada@example.com")).hasSize(1);
        assertThat(output.getAll()).contains("Invited ada@example.com").doesNotContain(retool.apiKey())
                .doesNotContain(first.link());
    }

    @Test
    void theComponentsMetersAreInSpringBootsMeterRegistry() {
        template.requestBody("retool:invite", "linus@example.com");

        assertThat(meters.find("retool.invites").tag("outcome", "INVITED").counter()).isNotNull()
                .satisfies(invited -> assertThat(invited.count()).isPositive());
        assertThat(meters.find("retool.calls").tags("method", "POST", "endpoint", "/api/v2/user_invites").timer())
                .isNotNull();
    }

    @Test
    void setsAttributesOnThePendingInviteOfAnEmail() {
        retool.sandbox().defineAttribute("plan", "string");
        template.requestBody("retool:invite", "grace@example.com");

        Exchange exchange = template.request("retool:attributes?target=invite", e -> {
            e.getMessage().setHeader(RetoolConstants.EMAIL, "grace@example.com");
            e.getMessage().setBody(Map.of("plan", "gold"));
        });

        assertThat(exchange.getException()).isNull();
        assertThat(retool.sandbox().invitesFor("grace@example.com").get(0).metadata()).containsEntry("plan", "gold");
    }

    @Test
    void mintsAnEmbedUrl() {
        String url = template.requestBodyAndHeader("retool:embedToken?groupIds=1&landingPageUuid=" + LANDING_PAGE,
                "customer-7", RetoolConstants.EXTERNAL_IDENTIFIER, "customer-7", String.class);

        assertThat(retool.sandbox().embedUrls()).containsExactly(url);
    }

    @Test
    void theHealthIndicatorReportsTheRetoolProducerUp() {
        template.requestBody("retool:invite?inviteAction=list", null, List.class);

        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
        assertThat(health.healthForPath("camelHealth").toString()).contains("producer:retool-invite");
    }
}
