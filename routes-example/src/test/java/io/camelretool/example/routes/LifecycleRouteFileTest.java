package io.camelretool.example.routes;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.camelretool.component.classify.SignupClassifier;
import io.camelretool.component.model.InviteRequest;
import io.camelretool.component.model.InviteResult;
import io.camelretool.example.config.PipelineBeans;
import io.camelretool.example.ledger.Ledger;
import io.camelretool.example.ledger.LedgerEntry;
import io.camelretool.example.ledger.LedgerStatus;
import io.camelretool.example.ledger.Settlement;
import io.camelretool.example.pipeline.SignupIntake;
import io.camelretool.example.signup.Signup;
import io.camelretool.example.signup.SignupSource;
import io.camelretool.sandbox.RetoolSandbox;
import io.camelretool.testing.RetoolSecrets;
import io.camelretool.testing.SecretScan;
import org.apache.camel.BeanInject;
import org.apache.camel.Produce;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The route file {@code camel/lifecycle.camel.yaml} alone, as {@code camel-test-main-junit5} starts it: its beans
 * from {@code config/PipelineBeans} over an in-memory ledger ({@link PipelineServices}), reading a retool-sandbox's
 * invites every second. The test invites through the component and records the invite in the ledger, as the
 * pipeline would; then changes the invite in the sandbox, as an invitee or an expiry would.
 */
@CamelMainTest(propertyPlaceholderLocations = "classpath:route-tests/lifecycle.properties",
               configurationClasses = { PipelineServices.class, PipelineBeans.class })
class LifecycleRouteFileTest {

    private static final RetoolSandbox SANDBOX = RetoolSandbox.start();
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    static {
        // the component's base URL and the data folder (the consumer's position), in route-tests/lifecycle.properties
        System.setProperty("lifecycle-route-test.retool-url", SANDBOX.baseUrl());
        System.setProperty("lifecycle-route-test.signups-dir", "target/route-tests/lifecycle-" + UUID.randomUUID());
    }

    @RegisterExtension
    static final SecretScan SECRETS = SecretScan.of(() -> RetoolSecrets.of(SANDBOX));

    @BeanInject
    Ledger ledger;

    @Produce("retool:invite")
    ProducerTemplate retool;

    @AfterAll
    static void stopSandbox() {
        SANDBOX.close();
    }

    @Test
    void anInviteClaimedInRetoolMakesItsPersonJoined() {
        int inviteId = invited("joiner@example.com", Map.of());

        SANDBOX.claimInvite(inviteId);

        await().atMost(PATIENCE).until(() -> status("joiner@example.com") == LedgerStatus.JOINED);
        assertThat(ledger.find("joiner@example.com")).hasValueSatisfying(entry ->
                assertThat(entry.inviteId()).isEqualTo((long) inviteId));
    }

    @Test
    void anExpiredInviteIsRenewedAsANewPendingInvite() {
        int expired = invited("late@example.com", Map.of());

        SANDBOX.expireInvite(expired);

        await().atMost(PATIENCE).until(() -> ledger.find("late@example.com").map(LedgerEntry::inviteId)
                .filter(id -> id != expired).isPresent());
        assertThat(status("late@example.com")).isEqualTo(LedgerStatus.INVITED);
        assertThat(SANDBOX.pendingInvites()).anyMatch(invite -> invite.email().equals("late@example.com")
                                                               && invite.id() != expired);
    }

    @Test
    void aLaterSignupWithOtherAttributesUpdatesThePendingInvite() {
        if (SANDBOX.attributeDefinitions().stream().noneMatch(definition -> definition.name().equals("tier"))) {
            SANDBOX.defineAttribute("tier", "string");
        }
        invited("changer@example.com", Map.of("tier", "silver"));

        accept("changer@example.com", Map.of("tier", "gold"));

        await().atMost(PATIENCE).until(() -> "gold".equals(SANDBOX.invitesFor("changer@example.com").get(0)
                .metadata().get("tier")));
    }

    /** A signup accepted and invited, its row INVITED with the invite's id: what the pipeline leaves behind. */
    private int invited(String email, Map<String, String> attributes) {
        accept(email, attributes);
        ledger.claimAll(Map.of(email, LedgerStatus.RECEIVED));
        InviteRequest request = InviteRequest.builder(email).attributes(new LinkedHashMap<>(attributes)).build();
        InviteResult result = retool.requestBody("retool:invite", request, InviteResult.class);
        ledger.settleAll(List.of(Settlement.ofCall(email, LedgerStatus.INVITED, result.inviteId().longValue(),
                result.expiresAt(), null)));
        return result.inviteId();
    }

    private void accept(String email, Map<String, String> attributes) {
        SignupIntake intake = new SignupIntake(ledger, SignupClassifier.builder().build());
        Signup signup = new Signup(email, "First", "Last", null, null, List.of(), attributes, SignupSource.WEBHOOK,
                "route-test");
        intake.acceptBatch(SignupSource.WEBHOOK, "route-test", List.of(intake.arrival(1, signup)));
    }

    private LedgerStatus status(String email) {
        return ledger.find(email).map(LedgerEntry::status).orElse(null);
    }
}
