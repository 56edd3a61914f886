package io.camelretool.component;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.camelretool.component.error.InvalidRetoolInputException;
import io.camelretool.component.error.RetoolNotFoundException;
import io.camelretool.component.model.BulkInviteSummary;
import io.camelretool.component.model.InviteRequest;
import io.camelretool.component.model.InviteResult;
import io.camelretool.component.model.InviteStatus;
import io.camelretool.component.model.PendingInvite;
import io.camelretool.sandbox.SandboxInvite;
import io.camelretool.sandbox.SandboxPlan;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InviteProducerTest extends RetoolTestSupport {

    private static final String CREATE_PATH = "/api/v2/user_invites";

    @Test
    void createsAnInviteAndAnswersItsIdLinkAndStatus() {
        Exchange exchange = send("retool:invite?defaultGroupIds=1,2", "ada@example.com");

        InviteResult result = exchange.getMessage().getBody(InviteResult.class);
        assertThat(result.status()).isEqualTo(InviteStatus.INVITED);
        SandboxInvite invite = sandbox().invitesFor("ada@example.com").get(0);
        assertThat(result.inviteId()).isEqualTo(invite.id());
        assertThat(result.groupIds()).containsExactly(1, 2);
        assertThat(result.expiresAt()).isEqualTo(invite.expiresAt().truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
        assertThat(exchange.getMessage().getHeader(RetoolConstants.INVITE_STATUS)).isEqualTo(InviteStatus.INVITED);
        assertThat(exchange.getMessage().getHeader(RetoolConstants.INVITE_ID)).isEqualTo(invite.id());
        assertThat(exchange.getMessage().getHeader(RetoolConstants.EMAIL)).isEqualTo("ada@example.com");
        assertThat(exchange.getMessage().getHeader(RetoolConstants.INVITE_LINK, String.class)).startsWith("https://");
    }

    @Test
    void skipsEmailThatAlreadyHasAPendingInviteComparingCaseInsensitively() {
        send("retool:invite", "ada@example.com");

        Exchange second = send("retool:invite", "  ADA@Example.com ");

        assertThat(second.getMessage().getBody(InviteResult.class).status()).isEqualTo(InviteStatus.ALREADY_INVITED);
        assertThat(sandbox().invitesFor("ada@example.com")).hasSize(1);
    }

    @Test
    void anInviteClaimedSinceThePendingInvitesWereReadMakesTheEmailAUserNotAPendingInvite() {
        send("retool:invite", "ada@example.com");
        int claimed = sandbox().invitesFor("ada@example.com").get(0).id();
        String userId = sandbox().claimInvite(claimed).id();

        Exchange second = send("retool:invite", "ada@example.com");

        // the invite found in the list read before is read again by its id: claimed, so Ada is a user on any plan
        InviteResult result = second.getMessage().getBody(InviteResult.class);
        assertThat(result.status()).isEqualTo(InviteStatus.ALREADY_USER);
        assertThat(result.userId()).isEqualTo(userId);
        assertThat(second.getMessage().getHeader(RetoolConstants.USER_ID)).isEqualTo(userId);
        assertThat(sandbox().invitesFor("ada@example.com")).hasSize(1);
    }

    @Test
    void anInviteRevokedSinceThePendingInvitesWereReadDoesNotStopANewOne() throws Exception {
        send("retool:invite", "ada@example.com");
        int revoked = sandbox().invitesFor("ada@example.com").get(0).id();
        // revoked by someone else, behind the component's back
        java.net.http.HttpResponse<Void> answer = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest
                .newBuilder(java.net.URI.create(retool.baseUrl() + "/api/v2/user_invites/" + revoked))
                .header("Authorization", "Bearer " + retool.apiKey()).DELETE().build(),
                java.net.http.HttpResponse.BodyHandlers.discarding());
        assertThat(answer.statusCode()).isLessThan(300);

        Exchange second = send("retool:invite", "ada@example.com");

        assertThat(second.getMessage().getBody(InviteResult.class).status()).isEqualTo(InviteStatus.INVITED);
        assertThat(second.getMessage().getBody(InviteResult.class).inviteId()).isNotEqualTo(revoked);
    }

    @Test
    void anInviteRevokedAfterTheListWasReadSinceTheRowsClaimIsNotTakenForTheRowsInvite() throws Exception {
        String cachingForAMinute = "retool:invite?pendingInvitesCacheTtl=60000";
        java.time.Instant claimed = java.time.Instant.now();
        inviteBehindTheComponentsBack("ada@example.com");
        // another row of the same round reads the list after Ada's claim: it shows her invite
        sendReadSince(cachingForAMinute, "first@example.com", claimed);
        int revoked = sandbox().invitesFor("ada@example.com").get(0).id();
        java.net.URI revokedInvite = java.net.URI.create(retool.baseUrl() + CREATE_PATH + "/" + revoked);
        java.net.http.HttpResponse<Void> answer = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(revokedInvite)
                .header("Authorization", "Bearer " + retool.apiKey()).DELETE().build(),
                java.net.http.HttpResponse.BodyHandlers.discarding());
        assertThat(answer.statusCode()).isLessThan(300);
        long listReadsBefore = listReads();

        InviteResult result = sendReadSince(cachingForAMinute, "ada@example.com", claimed).getMessage()
                .getBody(InviteResult.class);

        // the list read after the claim is fresh enough to show every invite made before it, so it is reused; only
        // the read by id tells that the invite was revoked since, and Ada gets a live invite, not a dead one
        assertThat(listReads() - listReadsBefore).isZero();
        assertThat(sandbox().requestCount("GET", CREATE_PATH + "/" + revoked)).isEqualTo(1);
        assertThat(result.status()).isEqualTo(InviteStatus.INVITED);
        assertThat(result.inviteId()).isNotEqualTo(revoked);
    }

    private Exchange sendReadSince(String uri, String email, java.time.Instant since) {
        return template.request(uri, exchange -> {
            exchange.getMessage().setBody(email);
            exchange.getMessage().setHeader(RetoolConstants.PENDING_INVITES_READ_SINCE, since);
        });
    }

    @Test
    void anInviteWhoseAnswerWasLostIsFoundInRetoolAndCountedOnceInsteadOfFailing() {
        send("retool:invite", "first@example.com");
        sandbox().faults().dropAnswerOfNext("POST", CREATE_PATH);

        Exchange lost = send("retool:invite", "ada@example.com");
        Exchange again = send("retool:invite", "ada@example.com");

        assertThat(lost.getException()).isNull();
        InviteResult result = lost.getMessage().getBody(InviteResult.class);
        assertThat(result.status()).isEqualTo(InviteStatus.INVITED);
        assertThat(result.inviteId()).isEqualTo(sandbox().invitesFor("ada@example.com").get(0).id());
        assertThat(again.getMessage().getBody(InviteResult.class).status()).isEqualTo(InviteStatus.ALREADY_INVITED);
        assertThat(sandbox().invitesFor("ada@example.com")).hasSize(1);
    }

    @Test
    void aLostReadOfThePendingInvitesIsReadOnceMoreBeforeTheInviteFails() {
        sandbox().faults().dropAnswerOfNext("GET", CREATE_PATH);

        Exchange exchange = send("retool:invite", "ada@example.com");

        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getMessage().getBody(InviteResult.class).status()).isEqualTo(InviteStatus.INVITED);
        assertThat(sandbox().requestCount("GET", CREATE_PATH)).isEqualTo(2);
    }

    @Test
    void updatesTheAttributesOfTheInviteAlreadyPendingWhenAskedTo() {
        sandbox().defineAttribute("plan", "string");
        send("retool:invite", "ada@example.com");

        Exchange exchange = send("retool:invite?updatePendingAttributes=true",
                InviteRequest.builder("ada@example.com").attributes(Map.of("plan", "gold")).build());

        assertThat(exchange.getMessage().getBody(InviteResult.class).status()).isEqualTo(InviteStatus.ALREADY_INVITED);
        assertThat(sandbox().invitesFor("ada@example.com")).singleElement()
                .satisfies(invite -> assertThat(invite.metadata()).containsEntry("plan", "gold"));
    }

    @Test
    void leavesThePendingInvitesAttributesAloneByDefault() {
        sandbox().defineAttribute("plan", "string");
        send("retool:invite", "ada@example.com");

        send("retool:invite", InviteRequest.builder("ada@example.com").attributes(Map.of("plan", "gold")).build());

        assertThat(sandbox().invitesFor("ada@example.com").get(0).metadata()).doesNotContainKey("plan");
    }

    @Test
    void endpointsOfTheSameRetoolShareOnePictureOfThePendingInvites() throws Exception {
        String cachingForAMinute = "retool:invite?pendingInvitesCacheTtl=60000";
        send(cachingForAMinute, "first@example.com");
        inviteBehindTheComponentsBack("ada@example.com");

        send("retool:invite?inviteAction=list", null);
        Exchange afterList = send(cachingForAMinute, "ada@example.com");

        assertThat(afterList.getMessage().getBody(InviteResult.class).status())
                .isEqualTo(InviteStatus.ALREADY_INVITED);
        assertThat(sandbox().invitesFor("ada@example.com")).hasSize(1);
    }

    @Test
    void callsThatMustSeeInvitesMadeSinceAMomentShareOneFreshReadOfThePendingInvites() throws Exception {
        String cachingForAMinute = "retool:invite?pendingInvitesCacheTtl=60000";
        send(cachingForAMinute, "first@example.com");
        // a crashed call may have created Ada's invite after the list was read: the rows taken up again must see it
        inviteBehindTheComponentsBack("ada@example.com");
        java.time.Instant since = java.time.Instant.now();
        long listReadsBefore = listReads();

        List<InviteResult> results = java.util.stream.Stream.of("ada@example.com", "bob@example.com",
                "cy@example.com", "dee@example.com").map(email -> template.request(cachingForAMinute, exchange -> {
                    exchange.getMessage().setBody(email);
                    exchange.getMessage().setHeader(RetoolConstants.PENDING_INVITES_READ_SINCE, since);
                }).getMessage().getBody(InviteResult.class)).toList();

        assertThat(results.get(0).status()).isEqualTo(InviteStatus.ALREADY_INVITED);
        assertThat(results.subList(1, 4)).extracting(InviteResult::status).containsOnly(InviteStatus.INVITED);
        assertThat(sandbox().invitesFor("ada@example.com")).hasSize(1);
        assertThat(listReads() - listReadsBefore).as("reads of the whole list for four rows").isEqualTo(1);
    }

    @Test
    void refusesAReadSinceMomentThatIsNotAMomentBeforeAnyCall() {
        for (Object notAMoment : List.of("yesterday", "", "2026-13-45T99:00:00Z", "' OR 1=1 --", new Object())) {
            Exchange exchange = template.request("retool:invite", message -> {
                message.getMessage().setBody("ada@example.com");
                message.getMessage().setHeader(RetoolConstants.PENDING_INVITES_READ_SINCE, notAMoment);
            });
            assertThat(exchange.getException()).as("%s", notAMoment).isInstanceOf(InvalidRetoolInputException.class)
                    .hasMessageContaining(RetoolConstants.PENDING_INVITES_READ_SINCE);
        }
        assertThat(sandbox().requests()).isEmpty();
    }

    /** Reads of the whole pending-invite list (any page), not of one invite by its id. */
    private long listReads() {
        return sandbox().requests().stream().filter(request -> request.method().equals("GET")
                && (request.path().equals(CREATE_PATH) || request.path().startsWith(CREATE_PATH + "?"))).count();
    }

    /** Someone invites the email in Retool directly: no cached list of the component knows of it yet. */
    private void inviteBehindTheComponentsBack(String email) throws Exception {
        java.net.http.HttpResponse<String> created = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(sandbox().baseUrl() + CREATE_PATH))
                        .header("Authorization", "Bearer " + sandbox().apiKey())
                        .header("Content-Type", "application/json")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"email\":\"" + email + "\"}"))
                        .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).isEqualTo(200);
    }

    @Test
    void aCallRefusedByAServerErrorFailsWithThatErrorAndCreatesNothing() {
        sandbox().faults().serverErrorRate(1.0);

        Exchange exchange = send("retool:invite?maxRetries=0", "ada@example.com");

        // 500, 502 or 503 (the sandbox draws one); a 503 is retried first, then reported as rate limiting
        assertThat(exchange.getException()).isInstanceOfSatisfying(io.camelretool.component.error.RetoolException.class,
                failure -> assertThat(failure.getStatus()).isBetween(500, 503));
        assertThat(sandbox().invitesFor("ada@example.com")).isEmpty();
    }

    @Test
    void skipsEmailThatAlreadyHasAnAccountWhereThePlanAllowsLookingUsersUp() {
        sandbox().setPlan(SandboxPlan.ENTERPRISE);
        sandbox().addUser("grace@example.com", "Grace", "Hopper");

        Exchange exchange = send("retool:invite", "grace@example.com");

        assertThat(exchange.getMessage().getBody(InviteResult.class).status()).isEqualTo(InviteStatus.ALREADY_USER);
        assertThat(sandbox().requestCount("POST", CREATE_PATH)).isZero();
    }

    @Test
    void treatsAPlanThatCannotListUsersAsNoAccountAndStillInvites() {
        Exchange exchange = send("retool:invite", "grace@example.com");

        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getMessage().getBody(InviteResult.class).status()).isEqualTo(InviteStatus.INVITED);
    }

    @Test
    void sendsAnInternationalisedDomainInTheAsciiFormRetoolAccepts() {
        InviteResult result = send("retool:invite", " anna@BÜCHER.de ").getMessage().getBody(InviteResult.class);

        assertThat(result.email()).isEqualTo("anna@xn--bcher-kva.de");
        assertThat(sandbox().invitesFor("anna@xn--bcher-kva.de")).hasSize(1);
    }

    @Test
    void refusesAMalformedEmailBeforeAnyCall() {
        Exchange exchange = send("retool:invite", "not-an-email");

        assertThat(exchange.getException()).isInstanceOf(InvalidRetoolInputException.class)
                .hasMessageContaining("body.email").hasMessageContaining("not-an-email");
        assertThat(sandbox().requests()).isEmpty();
    }

    @Test
    void refusesAMapWithoutEmailOrWithAnUnknownField() {
        assertThat(send("retool:invite", Map.of("firstName", "Ada")).getException())
                .isInstanceOf(InvalidRetoolInputException.class).hasMessageContaining("body.email: is required");
        assertThat(send("retool:invite", Map.of("email", "a@example.com", "user_type", "external")).getException())
                .isInstanceOf(InvalidRetoolInputException.class).hasMessageContaining("body.user_type");
        assertThat(send("retool:invite", 42).getException())
                .isInstanceOf(InvalidRetoolInputException.class).hasMessageContaining("Integer cannot be an invite");
        assertThat(sandbox().requests()).isEmpty();
    }

    @Test
    void setsTheRequestsAttributesOnTheNewInviteWhichTheUserGetsOnClaiming() {
        sandbox().defineAttribute("plan", "string");
        sandbox().defineAttribute("seats", "number");
        InviteRequest request = InviteRequest.builder("ada@example.com").firstName("Ada").lastName("Lovelace")
                .groupIds(List.of(3)).attributes(Map.of("plan", "gold", "seats", 12)).build();

        InviteResult result = send("retool:invite", request).getMessage().getBody(InviteResult.class);

        SandboxInvite invite = sandbox().invite(result.inviteId());
        assertThat(invite.metadata()).containsEntry("plan", "gold").containsEntry("seats", "12")
                .containsEntry("firstName", "Ada");
        assertThat(sandbox().claimInvite(invite.id()).metadata()).containsEntry("plan", "gold");
    }

    @Test
    void dryRunMakesNoWriteCallAndAnswersAsARealRunWould() {
        send("retool:invite", "ada@example.com");
        long writesBefore = sandbox().requestCount("POST", CREATE_PATH);

        BulkInviteSummary summary = send("retool:invite?dryRun=true", List.of("ada@example.com", "bob@example.com"))
                .getMessage().getBody(BulkInviteSummary.class);

        assertThat(summary.results()).extracting(InviteResult::status)
                .containsExactly(InviteStatus.ALREADY_INVITED, InviteStatus.WOULD_INVITE);
        assertThat(sandbox().requestCount("POST", CREATE_PATH)).isEqualTo(writesBefore);
    }

    @Test
    void bulkWithContinueOnErrorReportsFailedItemsAndInvitesTheRestInInputOrder() {
        List<Object> body = List.of("one@example.com", "broken", Map.of("email", "two@example.com", "groupIds",
                List.of(999)), "one@example.com", "three@example.com");

        BulkInviteSummary summary = send("retool:invite?continueOnError=true", body).getMessage()
                .getBody(BulkInviteSummary.class);

        assertThat(summary.results()).extracting(InviteResult::status).containsExactly(InviteStatus.INVITED,
                InviteStatus.FAILED, InviteStatus.FAILED, InviteStatus.ALREADY_INVITED, InviteStatus.INVITED);
        assertThat(summary.results().get(1).error()).contains("not a valid email");
        assertThat(summary.results().get(2).error()).contains("999");
        assertThat(summary.count(InviteStatus.INVITED)).isEqualTo(2);
        assertThat(sandbox().invites()).hasSize(2);
    }

    @Test
    void bulkWithoutContinueOnErrorRefusesABadItemBeforeAnyCall() {
        Exchange exchange = send("retool:invite", List.of("one@example.com", "broken"));

        assertThat(exchange.getException()).isInstanceOf(InvalidRetoolInputException.class)
                .hasMessageContaining("body[1].email");
        assertThat(sandbox().requests()).isEmpty();
    }

    @Test
    void readsThePendingInviteListOnceForABulkRun() {
        List<String> emails = java.util.stream.IntStream.range(0, 20).mapToObj(i -> "user" + i + "@example.com").toList();

        send("retool:invite", emails);

        assertThat(sandbox().invites()).hasSize(20);
        assertThat(sandbox().requestCount("GET", CREATE_PATH)).isEqualTo(1);
    }

    @Test
    void listsPendingInvitesAndHeaderOverridesTheAction() {
        send("retool:invite", List.of("a@example.com", "b@example.com"));
        int claimed = sandbox().invitesFor("b@example.com").get(0).id();
        sandbox().claimInvite(claimed);

        Exchange exchange = template.request("retool:invite",
                e -> e.getMessage().setHeader(RetoolConstants.ACTION, "list"));

        List<?> invites = exchange.getMessage().getBody(List.class);
        assertThat(invites).extracting(invite -> ((PendingInvite) invite).email()).containsExactly("a@example.com");
    }

    @Test
    void revokesEveryPendingInviteOfAnEmailIncludingDuplicatesRetoolMadeItself() {
        send("retool:invite?skipExisting=false", "dup@example.com");
        send("retool:invite?skipExisting=false", "dup@example.com");
        assertThat(sandbox().invitesFor("dup@example.com")).hasSize(2);

        Exchange exchange = send("retool:invite?inviteAction=revoke", "dup@example.com");

        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getMessage().getBody(BulkInviteSummary.class).count(InviteStatus.REVOKED)).isEqualTo(2);
        assertThat(sandbox().invitesFor("dup@example.com")).isEmpty();
    }

    @Test
    void revokingAnUnknownInviteIsANotFoundError() {
        Exchange exchange = template.request("retool:invite?inviteAction=revoke",
                e -> e.getMessage().setHeader(RetoolConstants.INVITE_ID, 4242));

        assertThat(exchange.getException()).isInstanceOf(RetoolNotFoundException.class).hasMessageContaining("4242");
    }

    @Test
    void renewsAnExpiredInviteWithTheSameGroupsAndAttributes() {
        sandbox().defineAttribute("plan", "string");
        send("retool:invite", InviteRequest.builder("ada@example.com").groupIds(List.of(2))
                .attributes(Map.of("plan", "gold")).build());
        int oldId = sandbox().invitesFor("ada@example.com").get(0).id();
        sandbox().clock().advance(Duration.ofDays(8));

        InviteResult renewed = send("retool:invite?inviteAction=renew", "ada@example.com").getMessage()
                .getBody(InviteResult.class);

        assertThat(renewed.status()).isEqualTo(InviteStatus.INVITED);
        assertThat(renewed.inviteId()).isNotEqualTo(oldId);
        SandboxInvite fresh = sandbox().invitesFor("ada@example.com").get(0);
        assertThat(sandbox().invitesFor("ada@example.com")).hasSize(1);
        assertThat(fresh.groupIds()).containsExactly(2);
        assertThat(fresh.metadata()).containsEntry("plan", "gold");
    }

    @Test
    void refusesAnUnknownActionHeaderNamingTheInviteActions() {
        assertThat(template.request("retool:invite", e -> {
            e.getMessage().setHeader(RetoolConstants.ACTION, " Explode ");
            e.getMessage().setBody("a@example.com");
        }).getException()).isInstanceOf(InvalidRetoolInputException.class)
                .hasMessage("action: 'explode' is not an invite action; use create, list, revoke, renew, "
                            + "lookup or capabilities");
        assertThat(sandbox().requests()).isEmpty();
    }

    @Test
    void anActionHeaderOfAnotherKindsEnumIsRefusedBeforeAnyCall() {
        Exchange exchange = template.request("retool:invite", e -> {
            e.getMessage().setHeader(RetoolConstants.ACTION, AttributesAction.delete);
            e.getMessage().setBody("a@example.com");
        });

        assertThat(exchange.getException()).isInstanceOf(InvalidRetoolInputException.class)
                .hasMessageStartingWith("action: 'delete' is not an invite action");
        assertThat(sandbox().requests()).isEmpty();
    }

    @Test
    void anEndpointWithAnActionOfAnotherKindIsNotCreated() {
        assertThatThrownBy(() -> context.getEndpoint("retool:invite?inviteAction=set"))
                .hasStackTraceContaining("InviteAction does not have any constant with value: set");
    }

    @Test
    void theActionHeaderTakesTheEnumAndAnyCaseOfItsName() {
        template.request("retool:invite", e -> e.getMessage().setBody("ada@example.com"));

        Exchange listed = template.request("retool:invite", e -> e.getMessage().setHeader(RetoolConstants.ACTION,
                InviteAction.list));
        Exchange listedAgain = template.request("retool:invite", e -> e.getMessage().setHeader(RetoolConstants.ACTION,
                "LIST"));

        assertThat((List<?>) listed.getMessage().getBody(List.class)).hasSize(1);
        assertThat((List<?>) listedAgain.getMessage().getBody(List.class)).hasSize(1);
    }
}
