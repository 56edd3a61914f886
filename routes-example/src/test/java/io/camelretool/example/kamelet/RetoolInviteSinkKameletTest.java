package io.camelretool.example.kamelet;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import io.camelretool.component.RetoolConstants;
import io.camelretool.sandbox.junit.RetoolSandboxExtension;
import io.camelretool.testing.LogCapture;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code retool-invite-sink} Kamelet as another application uses it: a plain Camel Main with one YAML route that
 * sends to {@code kamelet:retool-invite-sink}, against a real sandbox. Nothing of the example application is started.
 */
class RetoolInviteSinkKameletTest {

    private static final String KAMELET = "kamelets/retool-invite-sink.kamelet.yaml";

    @RegisterExtension
    static RetoolSandboxExtension retool = RetoolSandboxExtension.business();

    private Main main;
    private ProducerTemplate template;
    private LogCapture log;

    @BeforeEach
    void start() throws Exception {
        log = LogCapture.attach();
        main = new Main();
        main.configure().withRoutesIncludePattern("classpath:kamelet-route/invite-sink.camel.yaml");
        main.addOverrideProperty("retool.base-url", retool.baseUrl());
        main.addOverrideProperty("retool.api-key", retool.sandbox().apiKey());
        main.addOverrideProperty("retool.default-group-ids", "3");
        main.start();
        template = main.getCamelContext().createProducerTemplate();
    }

    @AfterEach
    void stop() throws Exception {
        template.close();
        main.stop();
        log.detach();
    }

    @Test
    void invitesTheEmailOfEachMessageWithTheDefaultGroups() {
        Exchange sent = template.request("direct:invite", exchange -> exchange.getMessage()
                .setBody("ada@example.com"));

        assertThat(sent.getException()).isNull();
        assertThat(sent.getMessage().getHeader(RetoolConstants.INVITE_STATUS).toString()).isEqualTo("INVITED");
        assertThat(retool.sandbox().invitesFor("ada@example.com")).singleElement()
                .satisfies(invite -> assertThat(invite.groupIds()).containsExactly(3));
    }

    @Test
    void aPersonWithAPendingInviteIsNotInvitedTwice() {
        template.sendBody("direct:invite", Map.of("email", "grace@example.com", "firstName", "Grace"));
        Exchange again = template.request("direct:invite", exchange -> exchange.getMessage()
                .setBody("grace@example.com"));

        assertThat(again.getMessage().getHeader(RetoolConstants.INVITE_STATUS).toString())
                .isEqualTo("ALREADY_INVITED");
        assertThat(retool.sandbox().invitesFor("grace@example.com")).hasSize(1);
    }

    @Test
    void aMalformedEmailFailsTheExchangeWithoutCallingRetool() {
        int before = retool.sandbox().requests().size();

        Exchange sent = template.request("direct:invite", exchange -> exchange.getMessage()
                .setBody("not an address"));

        assertThat(sent.getException()).isNotNull().hasMessageContaining("email");
        assertThat(retool.sandbox().requests()).hasSize(before);
    }

    @Test
    void theApiKeyNeverReachesTheLog() {
        template.sendBody("direct:invite", "alan@example.com");

        List<String> lines = log.drain();
        assertThat(lines).isNotEmpty();
        assertThat(String.join("\n", lines)).doesNotContain(retool.sandbox().apiKey());
    }

    @Test
    void theKameletDeclaresItsPropertiesAsJsonSchemaWithTheApiKeyAsAPassword() throws IOException {
        String kamelet;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(KAMELET)) {
            assertThat(in).as(KAMELET + " on the class path").isNotNull();
            kamelet = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Map<String, Object> yaml = cast(new Load(LoadSettings.builder().build()).loadFromString(kamelet));
        Map<String, Object> spec = cast(yaml.get("spec"));
        Map<String, Object> definition = cast(spec.get("definition"));
        Map<String, Object> apiKey = cast(cast(definition.get("properties")).get("apiKey"));

        assertThat(definition).containsEntry("type", "object").containsEntry("required", List.of("apiKey"));
        assertThat(apiKey).containsEntry("type", "string").containsEntry("format", "password");
        assertThat(spec.get("dependencies").toString()).contains("mvn:io.camelretool:camel-retool-component:");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Object value) {
        return (Map<String, Object>) value;
    }
}
