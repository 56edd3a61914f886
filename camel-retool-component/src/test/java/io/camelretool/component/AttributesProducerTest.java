package io.camelretool.component;

import java.util.List;
import java.util.Map;

import io.camelretool.component.error.InvalidRetoolInputException;
import io.camelretool.component.error.RetoolNotFoundException;
import io.camelretool.component.error.RetoolPartialUpdateException;
import io.camelretool.component.error.RetoolPermissionException;
import io.camelretool.sandbox.RetoolSandbox;
import io.camelretool.sandbox.SandboxPlan;
import io.camelretool.sandbox.SandboxUser;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AttributesProducerTest extends RetoolTestSupport {

    @BeforeEach
    void defineAttributes() {
        sandbox().defineAttribute("plan", "string");
        sandbox().defineAttribute("seats", "number");
        sandbox().defineAttribute("prefs", "json");
    }

    @Test
    void setsAttributesOnAPendingInviteFoundByEmailOnTheBusinessPlan() {
        send("retool:invite", "ada@example.com");
        int inviteId = sandbox().invitesFor("ada@example.com").get(0).id();

        Exchange exchange = send("retool:attributes?email=ADA@example.com",
                Map.of("plan", "gold", "seats", 12, "prefs", Map.of("theme", "dark")));

        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getMessage().getHeader(RetoolConstants.TARGET_KIND)).isEqualTo("invite");
        assertThat(exchange.getMessage().getHeader(RetoolConstants.INVITE_ID)).isEqualTo(inviteId);
        assertThat(sandbox().invite(inviteId).metadata()).containsEntry("plan", "gold").containsEntry("seats", "12")
                .containsEntry("prefs", "{\"theme\":\"dark\"}");
        assertThat(exchange.getMessage().getBody(Map.class).get("plan")).isEqualTo("gold");
    }

    @Test
    void setsAttributesOnTheAccountFoundByEmailOnEnterprise() {
        sandbox().setPlan(SandboxPlan.ENTERPRISE);
        SandboxUser grace = sandbox().addUser("grace@example.com", "Grace", "Hopper");

        Exchange exchange = template.request("retool:attributes", e -> {
            e.getMessage().setHeader(RetoolConstants.EMAIL, "grace@example.com");
            java.util.LinkedHashMap<String, Object> body = new java.util.LinkedHashMap<>();
            body.put("plan", "silver");
            body.put("trial", true);
            e.getMessage().setBody(body);
        });

        assertThat(exchange.getException()).isInstanceOf(RetoolPartialUpdateException.class)
                .hasMessageContaining("'trial' failed after plan had been applied");
        sandbox().defineAttribute("trial", "string");
        exchange = template.request("retool:attributes", e -> {
            e.getMessage().setHeader(RetoolConstants.EMAIL, "grace@example.com");
            e.getMessage().setBody(Map.of("trial", true));
        });
        assertThat(exchange.getMessage().getHeader(RetoolConstants.TARGET_KIND)).isEqualTo("user");
        assertThat(exchange.getMessage().getHeader(RetoolConstants.USER_ID)).isEqualTo(grace.id());
        assertThat(sandbox().user(grace.id()).metadata()).containsEntry("trial", "true");
    }

    @Test
    void targetsAUserIdOrAnInviteIdDirectly() {
        sandbox().setPlan(SandboxPlan.ENTERPRISE);
        SandboxUser user = sandbox().addUser("u@example.com", "U", "Ser");
        send("retool:invite", "i@example.com");
        int inviteId = sandbox().invitesFor("i@example.com").get(0).id();

        send("retool:attributes?userId=" + user.id(), Map.of("plan", "gold"));
        send("retool:attributes?inviteId=" + inviteId, Map.of("plan", "bronze"));

        assertThat(sandbox().user(user.id()).metadata()).containsEntry("plan", "gold");
        assertThat(sandbox().invite(inviteId).metadata()).containsEntry("plan", "bronze");
    }

    @Test
    void deletesAttributesNamedInAList() {
        send("retool:invite", "ada@example.com");
        send("retool:attributes?email=ada@example.com", Map.of("plan", "gold", "seats", 3));

        Exchange exchange = send("retool:attributes?email=ada@example.com&attributesAction=delete", List.of("plan"));

        assertThat(exchange.getException()).isNull();
        assertThat(sandbox().invitesFor("ada@example.com").get(0).metadata()).doesNotContainKey("plan")
                .containsEntry("seats", "3");
    }

    @Test
    void createsMissingDefinitionsWithAnInferredTypeAndToleratesOnesThatExist() {
        send("retool:invite", "ada@example.com");

        Exchange exchange = send("retool:attributes?email=ada@example.com&createMissingDefinitions=true",
                Map.of("plan", "gold", "region", "eu", "score", 4.5));

        assertThat(exchange.getException()).isNull();
        assertThat(sandbox().attributeDefinitions()).anySatisfy(definition -> {
            assertThat(definition.name()).isEqualTo("score");
            assertThat(definition.dataType()).isEqualTo("number");
        });
        assertThat(sandbox().requestCount("POST", "/api/v2/user_attributes")).isEqualTo(2);
    }

    @Test
    void treatsADefinitionCreatedMeanwhileByOthersAsThere() {
        send("retool:invite", "ada@example.com");
        send("retool:attributes?email=ada@example.com&createMissingDefinitions=true", Map.of("plan", "gold"));
        sandbox().defineAttribute("region", "string");

        Exchange exchange = send("retool:attributes?email=ada@example.com&createMissingDefinitions=true",
                Map.of("region", "eu"));

        assertThat(exchange.getException()).isNull();
        assertThat(sandbox().requests()).anyMatch(request -> request.path().equals("/api/v2/user_attributes")
                                                             && request.status() == 409);
        assertThat(sandbox().invitesFor("ada@example.com").get(0).metadata()).containsEntry("region", "eu");
    }

    @Test
    void stopsAtTheFirstFailureSayingWhichAttributesWereApplied() {
        send("retool:invite", "ada@example.com");
        java.util.LinkedHashMap<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("plan", "gold");
        body.put("undefined_one", "x");
        body.put("seats", 2);

        Exchange exchange = send("retool:attributes?email=ada@example.com", body);

        assertThat(exchange.getException()).isInstanceOf(RetoolPartialUpdateException.class)
                .hasMessageContaining("'undefined_one' failed after plan had been applied");
        assertThat(((RetoolPartialUpdateException) exchange.getException()).getApplied()).containsExactly("plan");
        assertThat(sandbox().invitesFor("ada@example.com").get(0).metadata()).doesNotContainKey("seats");
    }

    @Test
    void anEmailWithNeitherAccountNorInviteIsNotFoundNamingIt() {
        assertThat(send("retool:attributes?email=nobody@example.com", Map.of("plan", "x")).getException())
                .isInstanceOf(RetoolNotFoundException.class).hasMessageContaining("nobody@example.com");
        sandbox().setPlan(SandboxPlan.ENTERPRISE);
        // the Business refusal just learned is believed for the interval; 0 asks again at once
        assertThat(send("retool:attributes?email=nobody@example.com&target=user&userLookupRecheckInterval=0",
                Map.of("plan", "x")).getException())
                .isInstanceOf(RetoolNotFoundException.class).hasMessageContaining("no account");
    }

    @Test
    void aLookUpRefusedByThePlanIsToldForThisPersonNeverTheOneWhoseLookUpWasRefusedFirst() {
        Exception first = send("retool:attributes?email=erin@acme.com&target=user", Map.of("plan", "x")).getException();
        assertThat(first).isInstanceOf(RetoolPermissionException.class).hasMessageContaining("erin%40acme.com");

        Exception second = send("retool:attributes?email=bob@acme.com&target=user", Map.of("plan", "x")).getException();

        assertThat(second).isInstanceOf(RetoolPermissionException.class)
                .hasMessageContaining("GET /api/v2/users?email=bob%40acme.com answered 403")
                .hasMessageContaining("Enterprise").hasMessageNotContaining("erin");
        assertThat(((RetoolPermissionException) second).getPath()).isEqualTo("/api/v2/users?email=bob%40acme.com");
    }

    @Test
    void refusesBadNamesBodiesAndTargetsBeforeAnyCall() {
        assertThat(send("retool:attributes?inviteId=1", Map.of("Bad-Name", "x")).getException())
                .isInstanceOf(InvalidRetoolInputException.class).hasMessageContaining("body.Bad-Name");
        assertThat(send("retool:attributes?inviteId=1", "not a map").getException())
                .hasMessageContaining("map of attribute names");
        assertThat(send("retool:attributes", Map.of("plan", "x")).getException())
                .hasMessageContaining("name a user id, an invite id or an email");
        assertThat(send("retool:attributes?userId=42", Map.of("plan", "x")).getException())
                .hasMessageContaining("not a Retool user id");
        assertThat(template.request("retool:attributes?inviteId=1", e -> {
            e.getMessage().setHeader(RetoolConstants.ACTION, "explode");
            e.getMessage().setBody(Map.of("plan", "x"));
        }).getException()).isInstanceOf(InvalidRetoolInputException.class)
                .hasMessage("action: 'explode' is not an attributes action; use set, delete or capabilities");
        assertThat(sandbox().requests()).isEmpty();
    }

    @Test
    void aKeyWithoutTheAttributeScopeIsAPermissionError() throws Exception {
        try (RetoolSandbox limited = RetoolSandbox.builder().apiKey("retool_admin")
                .apiKey("retool_reader", "users:read").start()) {
            limited.defineAttribute("plan", "string");
            send("retool:invite?apiKey=RAW(retool_admin)&baseUrl=" + limited.baseUrl(), "ada@example.com");
            int inviteId = limited.invitesFor("ada@example.com").get(0).id();
            Exchange exchange = send("retool:attributes?inviteId=" + inviteId + "&apiKey=RAW(retool_reader)&baseUrl="
                                     + limited.baseUrl(), Map.of("plan", "x"));

            assertThat(exchange.getException()).isInstanceOf(RetoolPermissionException.class)
                    .hasMessageContaining("user_attributes:write");
        }
    }
}
