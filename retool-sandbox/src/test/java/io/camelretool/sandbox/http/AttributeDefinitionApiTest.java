package io.camelretool.sandbox.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelretool.sandbox.SandboxAttributeDefinition;
import io.camelretool.sandbox.TestClient;
import io.camelretool.sandbox.junit.RetoolSandboxExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.http.HttpResponse;

import static io.camelretool.sandbox.TestClient.json;
import static io.camelretool.sandbox.TestClient.message;
import static org.assertj.core.api.Assertions.assertThat;

class AttributeDefinitionApiTest {

    private static final String DEFINITIONS = "/api/v2/user_attributes";

    @RegisterExtension
    static RetoolSandboxExtension retool = RetoolSandboxExtension.business();

    private TestClient client;

    @BeforeEach
    void connect() {
        client = new TestClient(retool.sandbox());
    }

    @Test
    void definesAnAttributeAndListsIt() {
        HttpResponse<String> created = client.post(DEFINITIONS,
                "{\"name\":\"customer_tier\",\"label\":\"Customer tier\",\"dataType\":\"string\",\"defaultValue\":\"free\"}");

        assertThat(created.statusCode()).isEqualTo(200);
        JsonNode definition = json(created).get("data");
        assertThat(definition.get("id").asText()).matches("[0-9a-f-]{36}");
        assertThat(definition.get("name").asText()).isEqualTo("customer_tier");
        assertThat(definition.get("data_type").asText()).isEqualTo("string");
        assertThat(definition.get("default_value").asText()).isEqualTo("free");
        JsonNode list = json(client.get(DEFINITIONS));
        assertThat(list.get("success").asBoolean()).isTrue();
        assertThat(list.get("data").findValuesAsText("name")).containsExactly("customer_tier");
        assertThat(retool.sandbox().attributeDefinitions()).extracting(SandboxAttributeDefinition::label)
                .containsExactly("Customer tier");
    }

    @Test
    void answers409WhenTheNameExists() {
        retool.sandbox().defineAttribute("customer_tier", "string");

        HttpResponse<String> response = client.post(DEFINITIONS,
                "{\"name\":\"customer_tier\",\"label\":\"Tier\",\"dataType\":\"number\"}");

        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(message(response)).contains("customer_tier").contains("already exists");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "name with capitals   | {\"name\":\"Tier\",\"label\":\"Tier\",\"dataType\":\"string\"}   | request/body/name must match pattern",
            "name with a space    | {\"name\":\"a b\",\"label\":\"Tier\",\"dataType\":\"string\"}    | request/body/name",
            "label too short      | {\"name\":\"tier\",\"label\":\"T\",\"dataType\":\"string\"}      | request/body/label must NOT have fewer than 2 characters",
            "unknown data type    | {\"name\":\"tier\",\"label\":\"Tier\",\"dataType\":\"date\"}     | request/body/dataType must be equal to one of the allowed values",
            "missing data type    | {\"name\":\"tier\",\"label\":\"Tier\"}                          | required property 'dataType'",
            "default not a string | {\"name\":\"tier\",\"label\":\"Tier\",\"dataType\":\"number\",\"defaultValue\":3} | request/body/defaultValue must be string"})
    void refusesADefinitionRetoolWouldRefuse(String problem, String body, String expected) {
        HttpResponse<String> response = client.post(DEFINITIONS, body);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(message(response)).contains(expected);
        assertThat(retool.sandbox().attributeDefinitions()).isEmpty();
    }
}
