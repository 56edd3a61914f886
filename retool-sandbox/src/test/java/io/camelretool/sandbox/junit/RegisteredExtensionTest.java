package io.camelretool.sandbox.junit;

import io.camelretool.sandbox.RetoolSandbox;
import io.camelretool.sandbox.SandboxPlan;
import io.camelretool.sandbox.TestClient;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RegisteredExtensionTest {

    @RegisterExtension
    static RetoolSandboxExtension retool = RetoolSandboxExtension.with(builder -> builder
            .plan(SandboxPlan.ENTERPRISE)
            .apiKey("retool_configured"));

    private static RetoolSandbox firstSandbox;

    @Test
    @Order(1)
    void handsTheTestAConfiguredRunningSandbox() {
        firstSandbox = retool.sandbox();
        new TestClient(retool.baseUrl(), retool.apiKey()).post("/api/v2/user_invites", "{\"email\":\"a@example.com\"}");
        retool.sandbox().setPlan(SandboxPlan.BUSINESS);

        assertThat(retool.apiKey()).isEqualTo("retool_configured");
        assertThat(retool.sandbox().invites()).hasSize(1);
    }

    @Test
    @Order(2)
    void keepsTheSandboxForTheClassButResetsItBeforeEachTest() {
        assertThat(retool.sandbox()).isSameAs(firstSandbox);
        assertThat(retool.sandbox().invites()).isEmpty();
        assertThat(retool.sandbox().requests()).isEmpty();
        assertThat(retool.sandbox().plan()).isEqualTo(SandboxPlan.ENTERPRISE);
    }

    @Nested
    class InANestedClass {

        @Test
        void seesTheSameSandbox() {
            assertThat(retool.sandbox().baseUrl()).isEqualTo(retool.baseUrl());
            assertThat(new TestClient(retool.sandbox()).get("/api/v2/users").statusCode()).isEqualTo(200);
        }
    }
}
