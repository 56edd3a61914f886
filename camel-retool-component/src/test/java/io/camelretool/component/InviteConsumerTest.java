package io.camelretool.component;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.camelretool.component.consumer.InviteChange;
import io.camelretool.component.consumer.InviteChangeKind;
import io.camelretool.sandbox.ClaimedInvites;
import io.camelretool.sandbox.RetoolSandbox;
import io.camelretool.sandbox.SandboxUser;
import io.camelretool.sandbox.junit.RetoolSandboxExtension;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckAware;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.processor.state.FileStateRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code from("retool:invite")} against the sandbox in both of its claimed-invite modes, across a restart: one
 * exchange per change, none missed, none repeated, one list read per poll.
 */
class InviteConsumerTest {

    @RegisterExtension
    static RetoolSandboxExtension retool = RetoolSandboxExtension.business();

    @TempDir
    Path folder;

    private final List<InviteChange> received = new CopyOnWriteArrayList<>();
    private final List<Object> userIdHeaders = new CopyOnWriteArrayList<>();
    private CamelContext context;
    private String failFor;

    @AfterEach
    void stop() {
        if (context != null) {
            context.stop();
        }
    }

    private RetoolSandbox sandbox() {
        return retool.sandbox();
    }

    private void start(FileStateRepository state) throws Exception {
        context = new DefaultCamelContext();
        RetoolComponent component = new RetoolComponent();
        component.getConfiguration().setBaseUrl(retool.baseUrl());
        component.getConfiguration().setApiKey(retool.apiKey());
        component.getConfiguration().setRateLimitPerMinute(0);
        context.addComponent("retool", component);
        context.getRegistry().bind("inviteState", state);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("retool:invite?delay=50&initialDelay=0&stateRepository=#inviteState").process(exchange -> {
                    InviteChange change = exchange.getMessage().getBody(InviteChange.class);
                    if (change.email().equals(failFor)) {
                        failFor = null;
                        throw new IllegalStateException("the route failed once for " + change.email());
                    }
                    received.add(change);
                    userIdHeaders.add(exchange.getMessage().getHeader(RetoolConstants.USER_ID));
                });
            }
        });
        context.start();
    }

    private FileStateRepository state() {
        FileStateRepository repository = FileStateRepository.fileStateRepository(folder.resolve("invites.state")
                .toFile());
        return repository;
    }

    private int invite(String email) {
        return sandbox().invite(createdThroughTheApi(email)).id();
    }

    private int createdThroughTheApi(String email) {
        try {
            java.net.http.HttpResponse<String> answer = java.net.http.HttpClient.newHttpClient().send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create(retool.baseUrl() + "/api/v2/user_invites"))
                            .header("Authorization", "Bearer " + retool.apiKey())
                            .header("Content-Type", "application/json")
                            .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"email\":\"" + email + "\"}"))
                            .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(answer.body()).path("data").path("id")
                    .asInt();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void revokeBehindTheBack(int id) throws Exception {
        java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest
                .newBuilder(java.net.URI.create(retool.baseUrl() + "/api/v2/user_invites/" + id))
                .header("Authorization", "Bearer " + retool.apiKey()).DELETE().build(),
                java.net.http.HttpResponse.BodyHandlers.discarding());
    }

    private void awaitKinds(InviteChangeKind... kinds) {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(received)
                .extracting(InviteChange::kind).containsExactly(kinds));
    }

    @Test
    void emitsClaimedWithTheUserIdExpiredAndRevokedOnceEach() throws Exception {
        int ada = invite("ada@example.com");
        int bob = invite("bob@example.com");
        int carl = invite("carl@example.com");
        start(state());
        awaitPolls(2);

        SandboxUser user = sandbox().claimInvite(ada);
        sandbox().expireInvite(bob);
        revokeBehindTheBack(carl);
        awaitKinds(InviteChangeKind.CLAIMED, InviteChangeKind.EXPIRED, InviteChangeKind.REVOKED);
        awaitPolls(3);

        assertThat(received.get(0).userId()).isEqualTo(user.id());
        assertThat(received.get(0).email()).isEqualTo("ada@example.com");
        assertThat(received.get(0).claimedAt()).isNotNull();
        assertThat(userIdHeaders.get(0)).isEqualTo(user.id());
        assertThat(received.get(1).inviteId()).isEqualTo(bob);
        assertThat(received.get(2).inviteId()).isEqualTo(carl);
        assertThat(received).hasSize(3);
    }

    @Test
    void anExpiredInviteRevokedLaterIsRevoked() throws Exception {
        int bob = invite("bob@example.com");
        sandbox().expireInvite(bob);
        start(state());
        awaitKinds(InviteChangeKind.EXPIRED);

        revokeBehindTheBack(bob);

        awaitKinds(InviteChangeKind.EXPIRED, InviteChangeKind.REVOKED);
    }

    @Test
    void whereClaimedInvitesVanishAGoneInviteIsVanishedNeverClaimedOrRevoked() throws Exception {
        sandbox().setClaimedInvites(ClaimedInvites.VANISH);
        int ada = invite("ada@example.com");
        int carl = invite("carl@example.com");
        start(state());
        awaitPolls(2);

        sandbox().claimInvite(ada);
        revokeBehindTheBack(carl);

        awaitKinds(InviteChangeKind.VANISHED, InviteChangeKind.VANISHED);
        assertThat(received).extracting(InviteChange::inviteId).containsExactly(ada, carl);
        assertThat(received).allSatisfy(change -> assertThat(change.userId()).isNull());
    }

    @Test
    void aRestartWithTheSameStateNeitherMissesNorRepeatsAChange() throws Exception {
        FileStateRepository state = state();
        int ada = invite("ada@example.com");
        int bob = invite("bob@example.com");
        int carl = invite("carl@example.com");
        start(state);
        sandbox().claimInvite(ada);
        awaitKinds(InviteChangeKind.CLAIMED);
        context.stop();

        // while stopped: Bob's invite expires and Carl's is revoked behind our back
        sandbox().expireInvite(bob);
        revokeBehindTheBack(carl);
        received.clear();
        start(state());
        awaitKinds(InviteChangeKind.EXPIRED, InviteChangeKind.REVOKED);
        awaitPolls(3);

        assertThat(received).extracting(InviteChange::inviteId).containsExactly(bob, carl);
    }

    @Test
    void theFirstPollReportsInvitesAlreadyClaimedOrExpiredOnce() throws Exception {
        SandboxUser ada = sandbox().claimInvite(invite("ada@example.com"));
        sandbox().expireInvite(invite("bob@example.com"));
        invite("carl@example.com");

        start(state());
        awaitKinds(InviteChangeKind.CLAIMED, InviteChangeKind.EXPIRED);
        awaitPolls(3);

        assertThat(received.get(0).userId()).isEqualTo(ada.id());
        assertThat(received).hasSize(2);
    }

    @Test
    void aChangeTheRouteFailsOnComesAgainNextPollAndIsNotSkipped() throws Exception {
        int ada = invite("ada@example.com");
        int bob = invite("bob@example.com");
        start(state());
        awaitPolls(1);

        failFor = "ada@example.com";
        sandbox().claimInvite(ada);
        sandbox().claimInvite(bob);

        awaitKinds(InviteChangeKind.CLAIMED, InviteChangeKind.CLAIMED);
        assertThat(received).extracting(InviteChange::inviteId).containsExactly(ada, bob);
    }

    @Test
    void eachPollIsOneListReadWhateverTheNumberOfInvites() throws Exception {
        for (int i = 0; i < 50; i++) {
            invite("person" + i + "@example.com");
        }
        start(state());
        awaitPolls(4);
        context.stop();

        assertThat(sandbox().requests()).allSatisfy(request -> assertThat(request.method() + " " + request.path())
                .isIn("POST /api/v2/user_invites", "GET /api/v2/user_invites"));
    }

    @Test
    void staysReadyAndLiveWhileRetoolDoesNotAnswerAndGoesDownWhenRetoolRefusesTheKey() throws Exception {
        sandbox().faults().serverErrorRate(1.0);
        HealthCheck check = startPolling(retool.apiKey());
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(check.callReadiness().getMessage())
                .hasValueSatisfying(message -> assertThat(message).contains("Retool did not answer")));
        assertThat(check.callReadiness().getState()).isEqualTo(HealthCheck.State.UP);
        assertThat(check.callLiveness().getState()).isEqualTo(HealthCheck.State.UP);
        context.stop();

        sandbox().faults().clear();
        HealthCheck refused = startPolling("retool_not_the_key");
        awaitPolls(2);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(refused.callReadiness().getState())
                .isEqualTo(HealthCheck.State.DOWN));
        assertThat(refused.callLiveness().getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(refused.callReadiness().getMessage().orElse("")).doesNotContain("retool_not_the_key");
    }

    /** A consumer polling with this key, no retries, and its health check as Camel's registry finds it. */
    private HealthCheck startPolling(String apiKey) throws Exception {
        context = new DefaultCamelContext();
        RetoolComponent component = new RetoolComponent();
        component.getConfiguration().setBaseUrl(retool.baseUrl());
        component.getConfiguration().setApiKey(apiKey);
        component.getConfiguration().setRateLimitPerMinute(0);
        component.getConfiguration().setMaxRetries(0);
        context.addComponent("retool", component);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("retool:invite?delay=50&initialDelay=0").routeId("polls").to("log:changes?level=DEBUG");
            }
        });
        context.start();
        return ((HealthCheckAware) context.getRoute("polls").getConsumer()).getHealthCheck();
    }

    @Test
    void onlyRetoolInviteCanBeConsumed() throws Exception {
        context = new DefaultCamelContext();
        RetoolComponent component = new RetoolComponent();
        component.getConfiguration().setApiKey("k");
        context.addComponent("retool", component);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("retool:attributes").to("log:never");
            }
        });

        org.assertj.core.api.Assertions.assertThatThrownBy(context::start).hasStackTraceContaining("retool:invite");
    }

    /** Waits until the sandbox has answered this many more list reads. */
    private void awaitPolls(int more) {
        long before = sandbox().requestCount("GET", "/api/v2/user_invites");
        await().atMost(Duration.ofSeconds(10)).until(() -> sandbox().requestCount("GET", "/api/v2/user_invites")
                                                            >= before + more);
    }
}
