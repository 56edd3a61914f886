package io.camelretool.example.lifecycle;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.camelretool.example.ApplicationSecrets;
import io.camelretool.example.RunningApplication;
import io.camelretool.example.config.ExampleSettings;
import io.camelretool.example.ledger.LedgerLifecycle;
import io.camelretool.example.ledger.LedgerStatus;
import io.camelretool.example.ledger.Person;
import io.camelretool.sandbox.ClaimedInvites;
import io.camelretool.sandbox.SandboxInvite;
import io.camelretool.sandbox.SandboxUser;
import io.camelretool.sandbox.junit.RetoolSandboxExtension;
import io.camelretool.testing.SecretScan;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The application follows each person after the invite, against the sandbox in both of its claimed-invite modes. */
class AfterTheInviteTest {

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @RegisterExtension
    static RetoolSandboxExtension retool = RetoolSandboxExtension.business();

    @TempDir
    Path signups;

    @RegisterExtension
    final SecretScan secrets = ApplicationSecrets.scan(retool::sandbox, () -> signups);

    private RunningApplication start(Map<String, String> overrides) throws Exception {
        Map<String, String> properties = new HashMap<>(Map.of("lifecycle.period", "1000"));
        properties.putAll(overrides);
        return RunningApplication.start(signups, retool.sandbox(), properties);
    }

    private static void signUp(RunningApplication app, String... emails) throws Exception {
        StringBuilder body = new StringBuilder("[");
        for (String email : emails) {
            body.append(body.length() > 1 ? "," : "").append("{\"email\":\"").append(email).append("\"}");
        }
        assertThat(app.postSigned(body.append("]").toString()).statusCode()).isEqualTo(202);
        for (String email : emails) {
            await().atMost(PATIENCE).until(() -> app.ledger().find(email).map(entry -> entry.status())
                    .filter(status -> status == LedgerStatus.INVITED).isPresent());
        }
    }

    /** Waits for a round that has seen the invites sent so far: a change before it cannot be told from none. */
    private static void awaitRound() {
        long before = retool.sandbox().requestCount("GET", "/api/v2/user_invites");
        await().atMost(PATIENCE).until(() -> retool.sandbox().requestCount("GET", "/api/v2/user_invites") > before);
    }

    private static Person person(RunningApplication app, String email) {
        return lifecycle(app).person(email).orElseThrow();
    }

    private static LedgerLifecycle lifecycle(RunningApplication app) {
        return app.bean(LedgerLifecycle.class);
    }

    private static void awaitStatus(RunningApplication app, String email, LedgerStatus status) {
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(person(app, email).status()).isEqualTo(status));
    }

    private int inviteOf(String email) {
        List<SandboxInvite> invites = retool.sandbox().invitesFor(email);
        return invites.get(invites.size() - 1).id();
    }

    private void revokeBehindTheBack(int inviteId) throws Exception {
        HttpResponse<Void> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                        retool.baseUrl() + "/api/v2/user_invites/" + inviteId))
                .header("Authorization", "Bearer " + retool.apiKey()).DELETE().build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(answer.statusCode()).isEqualTo(204);
    }

    @Test
    void theLedgerFollowsWhoJoinedWhoseInviteExpiredAndWhichWasRevokedBehindOurBack() throws Exception {
        try (RunningApplication app = start(Map.of("lifecycle.renew-expired-invites", "false"))) {
            signUp(app, "ada@example.com", "bob@example.com", "carl@example.com");
            awaitRound();

            SandboxUser ada = retool.sandbox().claimInvite(inviteOf("ada@example.com"));
            retool.sandbox().expireInvite(inviteOf("bob@example.com"));
            revokeBehindTheBack(inviteOf("carl@example.com"));

            awaitStatus(app, "ada@example.com", LedgerStatus.JOINED);
            awaitStatus(app, "bob@example.com", LedgerStatus.EXPIRED);
            awaitStatus(app, "carl@example.com", LedgerStatus.REVOKED);
            assertThat(person(app, "ada@example.com").userId()).isEqualTo(ada.id());
            assertThat(person(app, "ada@example.com").joinedAt()).isNotNull();
            assertThat(person(app, "carl@example.com").lastError()).contains("not by this application");
        }
    }

    @Test
    void eachRoundReadsRetoolsInviteListOnceWhateverTheSizeOfTheLedger() throws Exception {
        try (RunningApplication app = start(Map.of("lifecycle.renew-expired-invites", "false"))) {
            signUp(app, "ada@example.com", "bob@example.com", "carl@example.com", "dora@example.com");
            long before = retool.sandbox().requestCount("GET", "/api/v2/user_invites");
            Thread.sleep(3500);

            long reads = retool.sandbox().requestCount("GET", "/api/v2/user_invites") - before;
            // about one a second (LIFECYCLE_PERIOD_MS=1000) however many people the ledger holds, and no reads by id
            assertThat(reads).isBetween(2L, 5L);
            assertThat(retool.sandbox().requestCount("GET", "/api/v2/user_invites/")).isZero();
        }
    }

    @Test
    void whereClaimedInvitesVanishTheLedgerSaysSoAndNeverInvitesThePersonAgainOnItsOwn() throws Exception {
        retool.sandbox().setClaimedInvites(ClaimedInvites.VANISH);
        try (RunningApplication app = start(Map.of())) {
            signUp(app, "ada@example.com");
            awaitRound();
            retool.sandbox().claimInvite(inviteOf("ada@example.com"));

            awaitStatus(app, "ada@example.com", LedgerStatus.VANISHED);
            assertThat(app.postSigned("{\"email\":\"ada@example.com\"}").statusCode()).isEqualTo(202);
            Thread.sleep(2500);

            assertThat(person(app, "ada@example.com").status()).isEqualTo(LedgerStatus.VANISHED);
            assertThat(retool.sandbox().invitesFor("ada@example.com")).hasSize(1);
        }
    }

    @Test
    void anExpiredInviteIsRenewedWithTheSameGroupsAndNoSeatFromTheDailyCap() throws Exception {
        try (RunningApplication app = start(Map.of("retool.max-new-external-seats-per-day", "1"))) {
            signUp(app, "bob@example.com");
            int expired = inviteOf("bob@example.com");
            retool.sandbox().expireInvite(expired);

            await().atMost(PATIENCE).untilAsserted(() -> {
                Person bob = person(app, "bob@example.com");
                assertThat(bob.status()).isEqualTo(LedgerStatus.INVITED);
                assertThat(bob.renewals()).isEqualTo(1);
            });

            assertThat(retool.sandbox().invitesFor("bob@example.com")).singleElement()
                    .satisfies(fresh -> assertThat(fresh.id()).isNotEqualTo(expired))
                    .satisfies(fresh -> assertThat(fresh.id()).isEqualTo(person(app, "bob@example.com").inviteId()
                            .intValue()));
        }
    }

    @Test
    void aRenewalStoppedBetweenTheRevokeAndTheCreateIsFinishedAndTheRowIsNeverLeftWithoutAnInvite()
            throws Exception {
        try (RunningApplication app = start(Map.of("lifecycle.renew-expired-invites", "false"))) {
            signUp(app, "bob@example.com");
            int expired = inviteOf("bob@example.com");
            retool.sandbox().expireInvite(expired);
            awaitStatus(app, "bob@example.com", LedgerStatus.EXPIRED);
        }
        // a node claimed the renewal and revoked the old invite, then died before creating the new one
        try (RunningApplication app = start(Map.of("lifecycle.renew-expired-invites", "false"))) {
            LedgerLifecycle ledger = lifecycle(app);
            assertThat(ledger.claimRenewal(app.entry("bob@example.com"), 2, java.time.Instant.now())).isTrue();
            revokeBehindTheBack(inviteOf("bob@example.com"));
        }
        try (RunningApplication app = start(Map.of("ledger.reconcile-after-seconds", "1"))) {
            await().atMost(PATIENCE).untilAsserted(() -> {
                Person bob = person(app, "bob@example.com");
                assertThat(bob.status()).isEqualTo(LedgerStatus.INVITED);
                assertThat(bob.renewals()).isEqualTo(1);
            });
            assertThat(retool.sandbox().invitesFor("bob@example.com")).singleElement()
                    .satisfies(fresh -> assertThat(fresh.pendingAt(retool.sandbox().clock().now())).isTrue());
        }
    }

    @Test
    void twoNodesRenewingAtOnceRenewTheInviteOnce() throws Exception {
        try (RunningApplication app = start(Map.of("lifecycle.renew-expired-invites", "false"))) {
            signUp(app, "bob@example.com");
            retool.sandbox().expireInvite(inviteOf("bob@example.com"));
            awaitStatus(app, "bob@example.com", LedgerStatus.EXPIRED);
            ExampleSettings settings = app.bean(ExampleSettings.class);
            ProducerTemplate retoolCalls = app.context().createProducerTemplate();
            InviteRenewals nodeA = new InviteRenewals(app.bean(LedgerLifecycle.class), settings.policy(), 2,
                    Duration.ofMinutes(5), Clock.systemUTC());
            InviteRenewals nodeB = new InviteRenewals(app.bean(LedgerLifecycle.class), settings.policy(), 2,
                    Duration.ofMinutes(5), Clock.systemUTC());

            CompletableFuture<Integer> a = CompletableFuture.supplyAsync(() -> nodeA.renewDue(retoolCalls));
            CompletableFuture<Integer> b = CompletableFuture.supplyAsync(() -> nodeB.renewDue(retoolCalls));

            assertThat(a.join() + b.join()).isEqualTo(1);
            assertThat(retool.sandbox().requestCount("POST", "/api/v2/user_invites")).isEqualTo(2);
            assertThat(person(app, "bob@example.com").renewals()).isEqualTo(1);
        }
    }

    @Test
    void renewalsStopAtMaxInviteRenewals() throws Exception {
        try (RunningApplication app = start(Map.of("lifecycle.max-invite-renewals", "1"))) {
            signUp(app, "bob@example.com");
            retool.sandbox().expireInvite(inviteOf("bob@example.com"));
            await().atMost(PATIENCE).until(() -> person(app, "bob@example.com").renewals() == 1
                                                 && person(app, "bob@example.com").status() == LedgerStatus.INVITED);

            retool.sandbox().expireInvite(inviteOf("bob@example.com"));

            awaitStatus(app, "bob@example.com", LedgerStatus.EXPIRED);
            Thread.sleep(2500);
            assertThat(person(app, "bob@example.com").status()).isEqualTo(LedgerStatus.EXPIRED);
            assertThat(retool.sandbox().requestCount("POST", "/api/v2/user_invites")).isEqualTo(2);
        }
    }
}
