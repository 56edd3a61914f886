package io.camelretool.sandbox.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelretool.sandbox.SandboxInvite;
import io.camelretool.sandbox.TestClient;
import io.camelretool.sandbox.junit.RetoolSandboxExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

import static io.camelretool.sandbox.TestClient.json;
import static io.camelretool.sandbox.TestClient.message;
import static org.assertj.core.api.Assertions.assertThat;

class InviteApiTest {

    private static final String INVITES = "/api/v2/user_invites";

    @RegisterExtension
    static RetoolSandboxExtension retool = RetoolSandboxExtension.business();

    private TestClient client;

    @BeforeEach
    void connect() {
        client = new TestClient(retool.sandbox());
    }

    @Test
    void createsAnInviteWithEveryFieldOfTheSpec() {
        HttpResponse<String> response = client.post(INVITES,
                "{\"email\":\"ada@example.com\",\"defaultGroupIds\":[1,4],\"metadata\":{\"team\":\"ops\"}}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
        JsonNode body = json(response);
        assertThat(body.get("success").asBoolean()).isTrue();
        JsonNode invite = body.get("data");
        assertThat(invite.get("id").isInt()).isTrue();
        assertThat(invite.get("invited_email").asText()).isEqualTo("ada@example.com");
        assertThat(invite.get("claimed_by").isNull()).isTrue();
        assertThat(invite.get("claimed_at").isNull()).isTrue();
        assertThat(invite.get("user_type").asText()).isEqualTo("default");
        assertThat(invite.get("metadata").get("team").asText()).isEqualTo("ops");
        assertThat(invite.get("invite_link").asText()).startsWith("https://");
        assertThat(invite.get("groups")).hasSize(2);
        assertThat(invite.get("groups").get(0).get("id").asInt()).isEqualTo(1);
        assertThat(invite.get("groups").get(0).get("name").asText()).isEqualTo("Admin");
        Instant created = Instant.parse(invite.get("created_at").asText());
        assertThat(Instant.parse(invite.get("expires_at").asText())).isEqualTo(created.plus(Duration.ofDays(7)));
        assertThat(retool.sandbox().invitesFor("ADA@example.com")).singleElement()
                .satisfies(stored -> assertThat(stored.groupIds()).containsExactly(1, 4));
    }

    @Test
    void createsASecondInviteForAnEmailThatAlreadyHasAPendingOne() {
        client.post(INVITES, "{\"email\":\"ada@example.com\"}");
        HttpResponse<String> second = client.post(INVITES, "{\"email\":\"ada@example.com\"}");

        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(retool.sandbox().invitesFor("ada@example.com")).hasSize(2);
    }

    @Test
    void listsEveryInviteInOnePageIncludingClaimedAndExpiredOnes() {
        int claimed = json(client.post(INVITES, "{\"email\":\"one@example.com\"}")).get("data").get("id").asInt();
        retool.sandbox().claimInvite(claimed);
        client.post(INVITES, "{\"email\":\"two@example.com\"}");
        retool.sandbox().clock().advance(Duration.ofDays(8));
        client.post(INVITES, "{\"email\":\"three@example.com\"}");

        JsonNode page = json(client.get(INVITES));

        assertThat(page.get("success").asBoolean()).isTrue();
        assertThat(page.get("total_count").asInt()).isEqualTo(3);
        assertThat(page.get("has_more").asBoolean()).isFalse();
        assertThat(page.get("next_token").isNull()).isTrue();
        assertThat(page.get("data").findValuesAsText("invited_email"))
                .containsExactly("one@example.com", "two@example.com", "three@example.com");
        assertThat(page.get("data").get(0).get("claimed_by").asText()).startsWith("user_");
        assertThat(retool.sandbox().pendingInvites()).extracting(SandboxInvite::email)
                .containsExactly("three@example.com");
    }

    @Test
    void getsOneInviteById() {
        int id = json(client.post(INVITES, "{\"email\":\"ada@example.com\"}")).get("data").get("id").asInt();

        HttpResponse<String> response = client.get(INVITES + "/" + id);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).get("data").get("invited_email").asText()).isEqualTo("ada@example.com");
    }

    @Test
    void answers404ForAnInviteThatDoesNotExist() {
        HttpResponse<String> response = client.get(INVITES + "/4711");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(json(response).get("success").asBoolean()).isFalse();
        assertThat(message(response)).contains("4711");
    }

    @Test
    void refusesAnInviteIdThatIsNotANumber() {
        HttpResponse<String> response = client.get(INVITES + "/abc");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(message(response)).contains("userInviteId");
    }

    @Test
    void revokesAnInviteWithAnEmpty204() {
        int id = json(client.post(INVITES, "{\"email\":\"ada@example.com\"}")).get("data").get("id").asInt();

        HttpResponse<String> response = client.delete(INVITES + "/" + id);

        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(response.body()).isEmpty();
        assertThat(client.get(INVITES + "/" + id).statusCode()).isEqualTo(404);
        assertThat(client.delete(INVITES + "/" + id).statusCode()).isEqualTo(404);
        assertThat(retool.sandbox().invites()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "unknown field              | {\"email\":\"a@example.com\",\"group_ids\":[1]}      | group_ids",
            "wrong type of email        | {\"email\":42}                                       | request/body/email must be string",
            "malformed email            | {\"email\":\"ada@example\"}                           | request/body/email must match format \"email\"",
            "email with a space         | {\"email\":\"a da@example.com\"}                      | request/body/email",
            "missing email              | {\"defaultGroupIds\":[1]}                             | required property 'email'",
            "group id not a number      | {\"email\":\"a@example.com\",\"defaultGroupIds\":[\"1\"]} | request/body/defaultGroupIds/0 must be integer",
            "group ids not an array     | {\"email\":\"a@example.com\",\"defaultGroupIds\":1}   | request/body/defaultGroupIds must be array",
            "unknown group              | {\"email\":\"a@example.com\",\"defaultGroupIds\":[99]} | group 99 does not exist",
            "metadata not an object     | {\"email\":\"a@example.com\",\"metadata\":[]}         | request/body/metadata must be object",
            "expires_at cannot be set   | {\"email\":\"a@example.com\",\"expires_at\":\"x\"}    | expires_at",
            "body not JSON              | {\"email\":                                           | request/body is not valid JSON",
            "body not an object         | [\"a@example.com\"]                                   | request/body must be object"})
    void refusesACreateRequestThatBreaksTheSpecNamingTheField(String problem, String body, String expected) {
        HttpResponse<String> response = client.post(INVITES, body);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("success").asBoolean()).isFalse();
        assertThat(message(response)).contains(expected);
        assertThat(retool.sandbox().invites()).isEmpty();
    }

    @Test
    void refusesAnEmptyBodyAsMissingTheEmail() {
        HttpResponse<String> response = client.post(INVITES, "");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(message(response)).contains("required property 'email'");
    }

    @Test
    void setsAndDeletesAttributesOnAnInvite() {
        retool.sandbox().defineAttribute("plan", "string");
        int id = json(client.post(INVITES, "{\"email\":\"ada@example.com\"}")).get("data").get("id").asInt();

        HttpResponse<String> set = client.post(INVITES + "/" + id + "/user_attributes",
                "{\"name\":\"plan\",\"value\":\"gold\"}");
        assertThat(set.statusCode()).isEqualTo(200);
        assertThat(json(set).get("data").get("metadata").get("plan").asText()).isEqualTo("gold");
        assertThat(retool.sandbox().invite(id).metadata()).containsEntry("plan", "gold");

        HttpResponse<String> deleted = client.delete(INVITES + "/" + id + "/user_attributes/plan");
        assertThat(deleted.statusCode()).isEqualTo(200);
        assertThat(json(deleted).get("data").get("metadata").size()).isZero();
        assertThat(retool.sandbox().invite(id).metadata()).isEmpty();
    }

    @Test
    void refusesAnAttributeValueWithoutADefinitionOfThatName() {
        int id = json(client.post(INVITES, "{\"email\":\"ada@example.com\"}")).get("data").get("id").asInt();

        HttpResponse<String> response = client.post(INVITES + "/" + id + "/user_attributes",
                "{\"name\":\"plan\",\"value\":\"gold\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(message(response)).contains("'plan'").contains("not defined");
        assertThat(retool.sandbox().invite(id).metadata()).isEmpty();
    }

    @Test
    void refusesANumberAttributeValueThatIsNotANumber() {
        retool.sandbox().defineAttribute("seats", "number");
        int id = json(client.post(INVITES, "{\"email\":\"ada@example.com\"}")).get("data").get("id").asInt();

        HttpResponse<String> response = client.post(INVITES + "/" + id + "/user_attributes",
                "{\"name\":\"seats\",\"value\":\"many\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(message(response)).contains("request/body/value").contains("number");
    }

    @Test
    void refusesAnAttributeBodyWithoutAValue() {
        int id = json(client.post(INVITES, "{\"email\":\"ada@example.com\"}")).get("data").get("id").asInt();

        HttpResponse<String> response = client.post(INVITES + "/" + id + "/user_attributes", "{\"name\":\"plan\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(message(response)).contains("required property 'value'");
    }

    @Test
    void answers404WhenSettingAnAttributeOnAMissingInvite() {
        retool.sandbox().defineAttribute("plan", "string");

        HttpResponse<String> response = client.post(INVITES + "/99/user_attributes",
                "{\"name\":\"plan\",\"value\":\"gold\"}");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(message(response)).contains("99");
    }
}
