package io.camelretool.sandbox.junit;

import io.camelretool.sandbox.RetoolSandbox;
import io.camelretool.sandbox.SandboxPlan;
import io.camelretool.sandbox.TestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(RetoolSandboxExtension.class)
class ExtendWithParameterTest {

    @Test
    void injectsAStartedBusinessSandbox(RetoolSandbox sandbox) {
        assertThat(sandbox.plan()).isEqualTo(SandboxPlan.BUSINESS);
        assertThat(sandbox.apiKey()).isEqualTo(RetoolSandbox.DEFAULT_API_KEY);
        assertThat(new TestClient(sandbox).get("/api/v2/user_invites").statusCode()).isEqualTo(200);
    }

    @Test
    void startsEachTestFromAnEmptySandbox(RetoolSandbox sandbox) {
        new TestClient(sandbox).post("/api/v2/user_invites", "{\"email\":\"a@example.com\"}");

        assertThat(sandbox.invites()).hasSize(1);
        assertThat(sandbox.requests()).hasSize(1);
    }
}
