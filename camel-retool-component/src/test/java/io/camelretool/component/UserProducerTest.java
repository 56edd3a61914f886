package io.camelretool.component;

import io.camelretool.component.error.InvalidRetoolInputException;
import io.camelretool.component.error.RetoolNotFoundException;
import io.camelretool.component.error.RetoolPermissionException;
import io.camelretool.sandbox.SandboxPlan;
import io.camelretool.sandbox.SandboxUser;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UserProducerTest extends RetoolTestSupport {

    @Test
    void disablesTheAccountNamedByIdOrFoundByEmailOnEnterprise() {
        sandbox().setPlan(SandboxPlan.ENTERPRISE);
        SandboxUser grace = sandbox().addUser("grace@example.com", "Grace", "Hopper");
        SandboxUser ada = sandbox().addUser("ada@example.com", "Ada", "Lovelace");

        Exchange byId = template.request("retool:user",
                e -> e.getMessage().setHeader(RetoolConstants.USER_ID, grace.id()));
        Exchange byEmail = template.request("retool:user",
                e -> e.getMessage().setHeader(RetoolConstants.EMAIL, " ADA@example.com"));

        assertThat(byId.getException()).isNull();
        assertThat(byEmail.getException()).isNull();
        assertThat(byEmail.getMessage().getHeader(RetoolConstants.USER_ID)).isEqualTo(ada.id());
        assertThat(sandbox().user(grace.id()).active()).isFalse();
        assertThat(sandbox().user(ada.id()).active()).isFalse();
    }

    @Test
    void onBusinessTheRefusalSaysThePlanCannotDisableAccounts() {
        SandboxUser grace = sandbox().addUser("grace@example.com", "Grace", "Hopper");

        Exchange exchange = template.request("retool:user",
                e -> e.getMessage().setHeader(RetoolConstants.USER_ID, grace.id()));

        assertThat(exchange.getException()).isInstanceOf(RetoolPermissionException.class);
        assertThat(sandbox().user(grace.id()).active()).isTrue();
    }

    @Test
    void refusesAMissingOrMalformedTargetOrActionAndAnUnknownEmail() {
        sandbox().setPlan(SandboxPlan.ENTERPRISE);

        assertThat(template.request("retool:user", e -> { }).getException())
                .isInstanceOf(InvalidRetoolInputException.class).hasMessageContaining(RetoolConstants.USER_ID);
        assertThat(template.request("retool:user",
                e -> e.getMessage().setHeader(RetoolConstants.USER_ID, "../users")).getException())
                .isInstanceOf(InvalidRetoolInputException.class).hasMessageContaining("not a Retool user id");
        assertThat(template.request("retool:user", e -> e.getMessage().setHeader(RetoolConstants.ACTION, "create"))
                .getException())
                .isInstanceOf(InvalidRetoolInputException.class).hasMessageContaining("is not an user action");
        assertThat(template.request("retool:user",
                e -> e.getMessage().setHeader(RetoolConstants.EMAIL, "nobody@example.com")).getException())
                .isInstanceOf(RetoolNotFoundException.class);
        assertThat(sandbox().requestCount("DELETE", "/api/v2/users")).isZero();
    }
}
