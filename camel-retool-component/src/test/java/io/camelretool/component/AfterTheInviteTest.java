package io.camelretool.component;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.camelretool.component.error.InvalidRetoolInputException;
import io.camelretool.component.error.RetoolNotFoundException;
import io.camelretool.component.model.EmailStanding;
import io.camelretool.component.model.InviteRequest;
import io.camelretool.component.model.InviteResult;
import io.camelretool.component.model.InviteStatus;
import io.camelretool.component.model.StandingState;
import io.camelretool.sandbox.SandboxPlan;
import io.camelretool.sandbox.SandboxUser;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What the component knows of an email after its invite: claimed, expired, live, an account; one answer for all. */
class AfterTheInviteTest extends RetoolTestSupport {

    private static final String INVITES = "/api/v2/user_invites";

    private int invite(String email) {
        send("retool:invite", email);
        List<io.camelretool.sandbox.SandboxInvite> invites = sandbox().invitesFor(email);
        return invites.get(invites.size() - 1).id();
    }

    @Test
    void aClaimedInviteAnswersAlreadyUserWithItsUserIdOnBusinessAndCreatesNothing() {
        SandboxUser ada = sandbox().claimInvite(invite("ada@example.com"));

        Exchange again = send("retool:invite", "ADA@example.com");

        InviteResult result = again.getMessage().getBody(InviteResult.class);
        assertThat(result.status()).isEqualTo(InviteStatus.ALREADY_USER);
        assertThat(result.userId()).isEqualTo(ada.id());
        assertThat(again.getMessage().getHeader(RetoolConstants.USER_ID)).isEqualTo(ada.id());
        assertThat(sandbox().requestCount("POST", INVITES)).isEqualTo(1);
    }

    @Test
    void anExpiredUnclaimedInviteIsNotPendingSoTheEmailIsInvitedAnew() {
        int expired = invite("ada@example.com");
        sandbox().expireInvite(expired);

        InviteResult result = send("retool:invite", "ada@example.com").getMessage().getBody(InviteResult.class);

        assertThat(result.status()).isEqualTo(InviteStatus.INVITED);
        assertThat(result.inviteId()).isNotEqualTo(expired);
    }

    @Test
    void attributesByEmailGoToTheUserNamedByTheClaimedInviteOnBusiness() {
        sandbox().defineAttribute("tier", "string");
        SandboxUser ada = sandbox().claimInvite(invite("ada@example.com"));

        Exchange exchange = template.request("retool:attributes", e -> {
            e.getMessage().setHeader(RetoolConstants.EMAIL, "ada@example.com");
            e.getMessage().setBody(Map.of("tier", "gold"));
        });

        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getMessage().getHeader(RetoolConstants.TARGET_KIND)).isEqualTo("user");
        assertThat(exchange.getMessage().getHeader(RetoolConstants.USER_ID)).isEqualTo(ada.id());
        assertThat(sandbox().user(ada.id()).metadata()).containsEntry("tier", "gold");
    }

    @Test
    void attributesByEmailGoToTheNewestLiveInviteNotAnExpiredOne() {
        sandbox().defineAttribute("tier", "string");
        int old = invite("ada@example.com");
        sandbox().expireInvite(old);
        int live = invite("ada@example.com");

        Exchange exchange = template.request("retool:attributes?email=ada@example.com",
                e -> e.getMessage().setBody(Map.of("tier", "gold")));

        assertThat(exchange.getMessage().getHeader(RetoolConstants.INVITE_ID)).isEqualTo(live);
        assertThat(sandbox().invite(live).metadata()).containsEntry("tier", "gold");
        assertThat(sandbox().invite(old).metadata()).doesNotContainKey("tier");
    }

    @Test
    void attributesByEmailWithOnlyAnExpiredInviteAreNotFoundSayingSo() {
        sandbox().defineAttribute("tier", "string");
        sandbox().expireInvite(invite("ada@example.com"));

        Exchange exchange = template.request("retool:attributes?email=ada@example.com",
                e -> e.getMessage().setBody(Map.of("tier", "gold")));

        assertThat(exchange.getException()).isInstanceOf(RetoolNotFoundException.class)
                .hasMessageContaining("expired").hasMessageContaining("ada@example.com");
    }

    @Test
    void lookupAnswersEachStateWithoutAnyWriteCall() {
        int pending = invite("pending@example.com");
        sandbox().expireInvite(invite("expired@example.com"));
        SandboxUser joined = sandbox().claimInvite(invite("joined@example.com"));
        long writesBefore = sandbox().requestCount("POST", "") + sandbox().requestCount("DELETE", "");

        @SuppressWarnings("unchecked")
        List<EmailStanding> standings = send("retool:invite?inviteAction=lookup", List.of("pending@example.com",
                "expired@example.com", "joined@example.com", "nobody@example.com")).getMessage().getBody(List.class);

        assertThat(standings).extracting(EmailStanding::state).containsExactly(StandingState.PENDING,
                StandingState.EXPIRED, StandingState.ACCOUNT, StandingState.NONE);
        assertThat(standings.get(0).inviteId()).isEqualTo(pending);
        assertThat(standings.get(0).expiresAt()).isNotNull();
        assertThat(standings.get(1).expiresAt()).isBeforeOrEqualTo(java.time.Instant.now());
        assertThat(standings.get(2).userId()).isEqualTo(joined.id());
        assertThat(standings.get(2).claimedAt()).isNotNull();
        assertThat(sandbox().requestCount("POST", "") + sandbox().requestCount("DELETE", "")).isEqualTo(writesBefore);
    }

    @Test
    void lookupOfOneEmailAnswersInHeadersToo() {
        SandboxUser joined = sandbox().claimInvite(invite("joined@example.com"));

        Exchange exchange = template.request("retool:invite", e -> {
            e.getMessage().setHeader(RetoolConstants.ACTION, "lookup");
            e.getMessage().setHeader(RetoolConstants.EMAIL, " Joined@Example.com ");
        });

        assertThat(exchange.getMessage().getHeader(RetoolConstants.STANDING)).isEqualTo(StandingState.ACCOUNT);
        assertThat(exchange.getMessage().getHeader(RetoolConstants.USER_ID)).isEqualTo(joined.id());
        assertThat(exchange.getMessage().getBody(EmailStanding.class).email()).isEqualTo("Joined@example.com");
    }

    @Test
    void lookupFindsAnAccountByUserLookUpWhereThePlanAllows() {
        sandbox().setPlan(SandboxPlan.ENTERPRISE);
        SandboxUser grace = sandbox().addUser("grace@example.com", "Grace", "Hopper");

        EmailStanding standing = send("retool:invite?inviteAction=lookup", "grace@example.com").getMessage()
                .getBody(EmailStanding.class);

        assertThat(standing.state()).isEqualTo(StandingState.ACCOUNT);
        assertThat(standing.userId()).isEqualTo(grace.id());
        assertThat(standing.inviteId()).isNull();
    }

    @Test
    void lookupRefusesWhatIsNotAnEmailBeforeAnyCall() {
        for (Object hostile : new Object[] { 42, "not-an-email", "", List.of("ok@example.com", 7),
                                             List.of("a@b@example.com"), Map.of("email", "x@example.com") }) {
            assertThat(send("retool:invite?inviteAction=lookup", hostile).getException()).as(String.valueOf(hostile))
                    .isInstanceOf(InvalidRetoolInputException.class);
        }
        assertThat(send("retool:invite?inviteAction=lookup", null).getException())
                .isInstanceOf(InvalidRetoolInputException.class).hasMessageContaining(RetoolConstants.EMAIL);
        assertThat(sandbox().requests()).isEmpty();
    }

    @Test
    void thePlansRefusalOfUserLookUpsIsAskedOncePerOrganisationByEveryEndpoint() {
        sandbox().defineAttribute("tier", "string");
        send("retool:invite", "ada@example.com");
        send("retool:invite?defaultGroupIds=2", "bob@example.com");
        send("retool:invite?inviteAction=lookup", "carl@example.com");
        template.request("retool:attributes?email=ada@example.com", e -> e.getMessage().setBody(Map.of("tier", "x")));

        assertThat(sandbox().requestCount("GET", "/api/v2/users")).isEqualTo(1);
    }

    @Test
    void concurrentCallersShareTheOneLookUpInFlightInsteadOfBursting() {
        List<CompletableFuture<Object>> calls = new java.util.ArrayList<>();
        for (int i = 0; i < 12; i++) {
            calls.add(template.asyncRequestBody("retool:invite?inviteAction=lookup", "person" + i + "@example.com"));
        }
        calls.forEach(CompletableFuture::join);

        assertThat(sandbox().requestCount("GET", "/api/v2/users")).isEqualTo(1);
    }

    @Test
    void theRefusalIsAskedAgainAfterTheIntervalSoAnUpgradeTakesEffectWithoutARestart() {
        String lookup = "retool:invite?inviteAction=lookup&userLookupRecheckInterval=0";
        SandboxUser grace = sandbox().addUser("grace@example.com", "Grace", "Hopper");
        assertThat(send(lookup, "grace@example.com").getMessage().getBody(EmailStanding.class).state())
                .isEqualTo(StandingState.NONE);

        sandbox().setPlan(SandboxPlan.ENTERPRISE);

        EmailStanding after = send(lookup, "grace@example.com").getMessage().getBody(EmailStanding.class);
        assertThat(after.state()).isEqualTo(StandingState.ACCOUNT);
        assertThat(after.userId()).isEqualTo(grace.id());
    }

    @Test
    void aRefusalIsBelievedForTheIntervalWithoutAskingAgain() {
        send("retool:invite?inviteAction=lookup", "a@example.com");
        sandbox().setPlan(SandboxPlan.ENTERPRISE);

        send("retool:invite?inviteAction=lookup", "b@example.com");

        assertThat(sandbox().requestCount("GET", "/api/v2/users")).isEqualTo(1);
    }

    @Test
    void updatePendingAttributesStillUpdatesTheLiveInvite() {
        sandbox().defineAttribute("tier", "string");
        int live = invite("ada@example.com");

        InviteResult result = send("retool:invite?updatePendingAttributes=true",
                InviteRequest.builder("ada@example.com").attributes(Map.of("tier", "gold")).build()).getMessage()
                .getBody(InviteResult.class);

        assertThat(result.status()).isEqualTo(InviteStatus.ALREADY_INVITED);
        assertThat(sandbox().invite(live).metadata()).containsEntry("tier", "gold");
    }
}
