package io.camelretool.component;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The catalog JSON generated at build time is what tooling shows users: every option and header is described. */
class CatalogMetadataTest extends CamelTestSupport {

    @Test
    void theGeneratedCatalogDescribesEveryOptionAndHeader() throws Exception {
        JsonNode catalog = new ObjectMapper().readTree(((org.apache.camel.CatalogCamelContext) context)
                .getComponentParameterJsonSchema("retool"));

        assertThat(catalog.at("/component/scheme").asText()).isEqualTo("retool");
        assertThat(catalog.at("/component/syntax").asText()).isEqualTo("retool:type");
        assertThat(catalog.at("/component/producerOnly").asBoolean()).isFalse();
        assertThat(catalog.at("/properties/stateRepository/label").asText()).isEqualTo("consumer");
        assertThat(catalog.at("/properties/userLookupRecheckInterval/defaultValue").asText()).isEqualTo("3600000");
        assertThat(catalog.get("properties").has("delay")).isTrue();
        assertThat(catalog.get("headers").has(RetoolConstants.STANDING)).isTrue();
        assertThat(catalog.get("headers").has(RetoolConstants.INVITE_CHANGE)).isTrue();
        assertThat(catalog.at("/properties/type/enum").toString())
                .isEqualTo("[\"invite\",\"attributes\",\"embedToken\"]");
        assertThat(catalog.at("/properties/apiKey/secret").asBoolean()).isTrue();
        assertThat(catalog.at("/properties/apiKey/label").asText()).isEqualTo("security");
        assertThat(catalog.at("/properties/baseUrl/defaultValue").asText()).isEqualTo("https://api.retool.com");
        assertThat(catalog.at("/properties/rateLimitPerMinute/defaultValue").asInt()).isEqualTo(45);
        assertThat(catalog.at("/properties/skipExisting/defaultValue").asBoolean()).isTrue();
        assertThat(catalog.at("/componentProperties/apiKey/secret").asBoolean()).isTrue();
        for (String section : new String[] { "componentProperties", "properties", "headers" }) {
            catalog.get(section).properties().forEach((Map.Entry<String, JsonNode> option) -> assertThat(
                    option.getValue().path("description").asText()).as(section + "." + option.getKey()).isNotBlank());
        }
        assertThat(catalog.get("headers").has(RetoolConstants.INVITE_STATUS)).isTrue();
    }

    @Test
    void eachEndpointKindOffersOnlyItsOwnActionsAndTheCatalogLabelIsThePoms() throws Exception {
        JsonNode catalog = new ObjectMapper().readTree(((org.apache.camel.CatalogCamelContext) context)
                .getComponentParameterJsonSchema("retool"));

        assertThat(catalog.at("/properties/inviteAction/enum").toString())
                .isEqualTo("[\"create\",\"list\",\"revoke\",\"renew\",\"lookup\",\"capabilities\"]");
        assertThat(catalog.at("/properties/attributesAction/enum").toString())
                .isEqualTo("[\"set\",\"delete\",\"capabilities\"]");
        assertThat(catalog.at("/properties/embedTokenAction/enum").toString()).isEqualTo("[\"mint\",\"capabilities\"]");
        assertThat(catalog.at("/properties/target/enum").toString()).isEqualTo("[\"auto\",\"user\",\"invite\"]");
        assertThat(catalog.at("/properties/inviteAction/group").asText()).isEqualTo("invite");
        assertThat(catalog.at("/properties/attributesAction/group").asText()).isEqualTo("attributes");
        assertThat(catalog.at("/properties/action").isMissingNode()).isTrue();
        assertThat(catalog.at("/component/label").asText()).isEqualTo("cloud,api,saas");
        assertThat(catalog.at("/headers/" + RetoolConstants.REQUESTED_ROLE + "/description").asText()).isNotBlank();
        assertThat(catalog.at("/headers/" + RetoolConstants.INVITE_LINK + "/secret").asBoolean()).isTrue();
    }

    @Test
    void theUriFactoryAndConfigurersAreGeneratedSoOptionsBindWithoutReflection() throws Exception {
        RetoolEndpoint endpoint = context.getEndpoint(
                "retool:invite?apiKey=RAW(k)&rateLimitPerMinute=300&dryRun=true&connectTimeout=2s", RetoolEndpoint.class);

        assertThat(endpoint.getConfiguration().getRateLimitPerMinute()).isEqualTo(300);
        assertThat(endpoint.getConfiguration().isDryRun()).isTrue();
        assertThat(endpoint.getConfiguration().getConnectTimeout()).isEqualTo(2000);
        assertThat(context.getCamelContextExtension().getEndpointUriFactory("retool")).isNotNull();
        assertThat(endpoint.getServiceUrl()).isEqualTo("https://api.retool.com");
    }

    @Test
    void anUnknownEndpointKindIsRefusedNamingTheValidOnes() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> context.getEndpoint("retool:users"))
                .hasStackTraceContaining("retool:invite, retool:attributes or retool:embedToken");
    }
}
