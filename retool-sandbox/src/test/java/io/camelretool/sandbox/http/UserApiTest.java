package io.camelretool.sandbox.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelretool.sandbox.SandboxUser;
import io.camelretool.sandbox.TestClient;
import io.camelretool.sandbox.junit.RetoolSandboxExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import static io.camelretool.sandbox.TestClient.json;
import static io.camelretool.sandbox.TestClient.message;
import static org.assertj.core.api.Assertions.assertThat;

class UserApiTest {

    private static final String USERS = "/api/v2/users";

    @RegisterExtension
    static RetoolSandboxExtension retool = RetoolSandboxExtension.enterprise();

    private TestClient client;

    @BeforeEach
    void connect() {
        client = new TestClient(retool.sandbox());
    }

    @Test
    void createsAUserWithTheSpecsShape() {
        HttpResponse<String> response = client.post(USERS,
                "{\"email\":\"ada@example.com\",\"first_name\":\"Ada\",\"last_name\":\"Lovelace\"}");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode user = json(response).get("data");
        assertThat(user.get("id").asText()).matches("user_[a-z0-9]+");
        assertThat(user.get("email").asText()).isEqualTo("ada@example.com");
        assertThat(user.get("first_name").asText()).isEqualTo("Ada");
        assertThat(user.get("active").asBoolean()).isTrue();
        assertThat(user.get("user_type").asText()).isEqualTo("default");
        assertThat(user.has("last_active")).isTrue();
        assertThat(user.has("groups")).isFalse();
        assertThat(retool.sandbox().users()).extracting(SandboxUser::email).containsExactly("ada@example.com");
    }

    @Test
    void disablesAUserWhoStaysInactive() {
        SandboxUser ada = retool.sandbox().addUser("ada@example.com", "Ada", "Lovelace");

        HttpResponse<String> disabled = client.delete(USERS + "/" + ada.id());
        HttpResponse<String> again = client.delete(USERS + "/" + ada.id());

        assertThat(disabled.statusCode()).isEqualTo(204);
        assertThat(again.statusCode()).isEqualTo(204);
        assertThat(retool.sandbox().user(ada.id()).active()).isFalse();
        assertThat(client.delete(USERS + "/user_0000").statusCode()).isEqualTo(404);
    }

    @Test
    void answers409ForASecondUserWithTheSameEmail() {
        retool.sandbox().addUser("ada@example.com", "Ada", "Lovelace");

        HttpResponse<String> response = client.post(USERS,
                "{\"email\":\"ADA@example.com\",\"first_name\":\"Ada\",\"last_name\":\"L\"}");

        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(message(response)).contains("already exists");
    }

    @Test
    void refusesAUserWithoutALastNameOrWithAnUnknownField() {
        HttpResponse<String> missing = client.post(USERS, "{\"email\":\"ada@example.com\",\"first_name\":\"Ada\"}");
        HttpResponse<String> unknown = client.post(USERS,
                "{\"email\":\"ada@example.com\",\"first_name\":\"Ada\",\"last_name\":\"L\",\"role\":\"admin\"}");

        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(message(missing)).contains("'last_name'");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(message(unknown)).contains("'role'");
    }

    @Test
    void getsAUserWithGroupsWhenAsked() {
        SandboxUser user = retool.sandbox().addUser("ada@example.com", "Ada", "Lovelace");

        JsonNode plain = json(client.get(USERS + "/" + user.id())).get("data");
        JsonNode withGroups = json(client.get(USERS + "/" + user.id() + "?includeGroups=true")).get("data");

        assertThat(plain.get("email").asText()).isEqualTo("ada@example.com");
        assertThat(plain.has("groups")).isFalse();
        assertThat(withGroups.get("groups").isArray()).isTrue();
    }

    @Test
    void answers404ForAnUnknownUserAnd400ForAMalformedId() {
        assertThat(client.get(USERS + "/user_0000").statusCode()).isEqualTo(404);
        HttpResponse<String> malformed = client.get(USERS + "/42");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(message(malformed)).contains("userId");
    }

    @Test
    void filtersTheListByEmailIgnoringCase() {
        retool.sandbox().addUser("ada@example.com", "Ada", "Lovelace");
        retool.sandbox().addUser("bob@example.com", "Bob", "Builder");

        JsonNode page = json(client.get(USERS + "?email=ADA%40example.com"));

        assertThat(page.get("data").findValuesAsText("email")).containsExactly("ada@example.com");
        assertThat(page.get("total_count").asInt()).isEqualTo(1);
    }

    @Test
    void pagesThroughUsersWithLimitAndNextToken() {
        for (int i = 1; i <= 5; i++) {
            retool.sandbox().addUser("user" + i + "@example.com", "User", "No" + i);
        }
        List<String> seen = new ArrayList<>();
        String next = null;
        int pages = 0;
        do {
            JsonNode page = json(client.get(USERS + "?limit=2" + (next == null ? "" : "&next_token=" + next)));
            page.get("data").findValuesAsText("email").forEach(seen::add);
            assertThat(page.get("total_count").asInt()).isEqualTo(5);
            assertThat(page.get("has_more").asBoolean()).isEqualTo(!page.get("next_token").isNull());
            next = page.get("next_token").isNull() ? null : page.get("next_token").asText();
            pages++;
        } while (next != null);

        assertThat(pages).isEqualTo(3);
        assertThat(seen).containsExactly("user1@example.com", "user2@example.com", "user3@example.com",
                "user4@example.com", "user5@example.com");
    }

    @Test
    void refusesPagingParametersOutsideTheSpec() {
        assertThat(message(client.get(USERS + "?limit=0"))).contains("limit");
        assertThat(client.get(USERS + "?limit=101").statusCode()).isEqualTo(400);
        assertThat(client.get(USERS + "?limit=ten").statusCode()).isEqualTo(400);
        HttpResponse<String> tokenAlone = client.get(USERS + "?next_token=eyJsYXN0SWQiOjF9");
        assertThat(tokenAlone.statusCode()).isEqualTo(400);
        assertThat(message(tokenAlone)).contains("next_token");
        assertThat(client.get(USERS + "?limit=2&next_token=garbage!").statusCode()).isEqualTo(400);
    }

    @Test
    void setsAndDeletesAttributesOnAUser() {
        retool.sandbox().defineAttribute("region", "string");
        SandboxUser user = retool.sandbox().addUser("ada@example.com", "Ada", "Lovelace");
        String attributes = USERS + "/" + user.id() + "/user_attributes";

        HttpResponse<String> set = client.post(attributes, "{\"name\":\"region\",\"value\":\"eu\"}");
        assertThat(set.statusCode()).isEqualTo(200);
        assertThat(json(set).get("data").get("metadata").get("region").asText()).isEqualTo("eu");

        HttpResponse<String> deleted = client.delete(attributes + "/region");
        assertThat(deleted.statusCode()).isEqualTo(200);
        assertThat(retool.sandbox().user(user.id()).metadata()).isEmpty();
    }

    @Test
    void refusesAUserAttributeBodyWithAnUnknownFieldOrAWrongType() {
        retool.sandbox().defineAttribute("region", "string");
        SandboxUser user = retool.sandbox().addUser("ada@example.com", "Ada", "Lovelace");
        String attributes = USERS + "/" + user.id() + "/user_attributes";

        HttpResponse<String> unknown = client.post(attributes, "{\"name\":\"region\",\"value\":\"eu\",\"x\":1}");
        HttpResponse<String> wrongType = client.post(attributes, "{\"name\":\"region\",\"value\":7}");

        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(message(unknown)).contains("'x'");
        assertThat(wrongType.statusCode()).isEqualTo(400);
        assertThat(message(wrongType)).isEqualTo("request/body/value must be string");
    }
}
