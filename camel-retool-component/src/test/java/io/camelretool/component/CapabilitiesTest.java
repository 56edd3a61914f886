package io.camelretool.component;

import io.camelretool.component.client.RetoolCapabilities;
import io.camelretool.sandbox.RetoolSandbox;
import io.camelretool.sandbox.SandboxPlan;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CapabilitiesTest extends RetoolTestSupport {

    @Test
    void tellsWhatABusinessPlanKeyMayDoWithoutCreatingAnything() {
        RetoolCapabilities capabilities = send("retool:attributes?attributesAction=capabilities", null).getMessage()
                .getBody(RetoolCapabilities.class);

        assertThat(capabilities).isEqualTo(new RetoolCapabilities(false, true, true, true));
        assertThat(sandbox().invites()).isEmpty();
        assertThat(sandbox().attributeDefinitions()).isEmpty();
        assertThat(sandbox().embedUrls()).isEmpty();
    }

    @Test
    void seesUserListingOnEnterpriseAndProbesOncePerKey() {
        sandbox().setPlan(SandboxPlan.ENTERPRISE);

        RetoolCapabilities first = template.requestBodyAndHeader("retool:invite", null, RetoolConstants.ACTION,
                "capabilities", RetoolCapabilities.class);
        long calls = sandbox().requests().size();
        template.requestBodyAndHeader("retool:embedToken", null, RetoolConstants.ACTION, "capabilities");

        assertThat(first.canListUsers()).isTrue();
        assertThat(sandbox().requests()).hasSize((int) calls);
    }

    @Test
    void aKeyWithFewScopesCanDoLess() throws Exception {
        try (RetoolSandbox limited = RetoolSandbox.builder().apiKey("retool_invites_only", "users:write").start()) {
            RetoolCapabilities capabilities = send("retool:invite?inviteAction=capabilities"
                                                   + "&apiKey=RAW(retool_invites_only)&baseUrl=" + limited.baseUrl(),
                    null).getMessage()
                    .getBody(RetoolCapabilities.class);

            assertThat(capabilities).isEqualTo(new RetoolCapabilities(false, true, false, false));
        }
    }
}
