package io.camelretool.example.routes;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;

import io.camelretool.component.RetoolConstants;
import io.camelretool.component.classify.SignupClassifier;
import io.camelretool.component.model.InviteRequest;
import io.camelretool.component.model.InviteResult;
import io.camelretool.component.model.InviteStatus;
import io.camelretool.example.config.PipelineBeans;
import io.camelretool.example.ledger.Ledger;
import io.camelretool.example.ledger.LedgerEntry;
import io.camelretool.example.ledger.LedgerStatus;
import io.camelretool.example.pipeline.SignupIntake;
import io.camelretool.example.signup.Signup;
import io.camelretool.example.signup.SignupSource;
import io.camelretool.sandbox.RetoolSandbox;
import io.camelretool.testing.LogCapture;
import io.camelretool.testing.RetoolSecrets;
import io.camelretool.testing.SecretScan;
import org.apache.camel.BeanInject;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Produce;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The route file {@code camel/invite-pipeline.camel.yaml} alone, as {@code camel-test-main-junit5} starts it: its
 * beans from {@code config/PipelineBeans} over an in-memory ledger ({@link PipelineServices}), inviting into a
 * retool-sandbox; no HTTP server, no intake (the test writes the waiting rows itself, as an intake would).
 */
@CamelMainTest(propertyPlaceholderLocations = "classpath:route-tests/invite-pipeline.properties",
               configurationClasses = { PipelineServices.class, PipelineBeans.class })
class InvitePipelineRouteFileTest {

    private static final RetoolSandbox SANDBOX = RetoolSandbox.start();
    private static final Duration PATIENCE = Duration.ofSeconds(20);
    /** The pipeline's warning when a round finds the ledger unreachable. */
    private static final String LEDGER_DOWN = "The pipeline cannot reach the ledger";

    static {
        // the component's base URL, in route-tests/invite-pipeline.properties: the sandbox's port is only known now
        System.setProperty("invite-pipeline-route-test.retool-url", SANDBOX.baseUrl());
    }

    @RegisterExtension
    static final SecretScan SECRETS = SecretScan.of(() -> RetoolSecrets.of(SANDBOX));

    @BeanInject
    Ledger ledger;

    @BeanInject
    DataSource ledgerData;

    @BeanInject
    CamelContext context;

    @Produce("direct:call-retool")
    ProducerTemplate retool;

    @AfterAll
    static void stopSandbox() {
        SANDBOX.close();
    }

    @Test
    void aWaitingRowIsInvitedAndSettled() {
        accept("ada@example.com");

        await().atMost(PATIENCE).until(() -> status("ada@example.com") == LedgerStatus.INVITED);

        assertThat(SANDBOX.invitesFor("ada@example.com")).hasSize(1);
        assertThat(ledger.find("ada@example.com")).hasValueSatisfying(entry ->
                assertThat(entry.inviteId()).isEqualTo((long) SANDBOX.invitesFor("ada@example.com").get(0).id()));
    }

    @Test
    void aRetoolAnswering503MakesTheRowWaitNotFailAndItIsInvitedOnceRetoolIsBack() {
        SANDBOX.faults().serverErrorRate(1.0);
        try {
            accept("patient@example.com");

            await().atMost(PATIENCE).until(() -> status("patient@example.com") == LedgerStatus.WAITING);
            assertThat(SANDBOX.invitesFor("patient@example.com")).isEmpty();
        } finally {
            SANDBOX.faults().clear();
        }

        await().atMost(PATIENCE).until(() -> status("patient@example.com") == LedgerStatus.INVITED);
        assertThat(SANDBOX.invitesFor("patient@example.com")).hasSize(1);
    }

    @Test
    void theCallsAnswerCarriesNoInviteLinkHeaderAndShowsTheLinkMasked() {
        Exchange answer = retool.request("direct:call-retool",
                exchange -> exchange.getMessage().setBody(InviteRequest.of("linked@example.com")));

        assertThat(answer.getException()).isNull();
        String link = SANDBOX.invitesFor("linked@example.com").get(0).inviteLink();
        assertThat(link).isNotBlank();
        assertThat(answer.getMessage().getBody(InviteResult.class).status()).isEqualTo(InviteStatus.INVITED);
        assertThat(answer.getMessage().getHeaders()).doesNotContainKey(RetoolConstants.INVITE_LINK);
        String everything = answer.getMessage().getHeaders() + " " + answer.getMessage().getBody();
        assertThat(everything).doesNotContain(link);
        // and the log of the run, like every place SECRETS scans, holds no invite link either (after each test)
        SECRETS.seen("the call's answer", everything);
    }

    @Test
    void aLedgerThatCannotBeReachedLeavesOneWarningARoundAndNoStackTrace() throws Exception {
        LogCapture log = LogCapture.attach();
        try {
            RouteTestLedgers.breakLedger(ledgerData);

            List<String> lines = new CopyOnWriteArrayList<>();
            await().atMost(PATIENCE).until(() -> {
                lines.addAll(log.drain());
                return lines.stream().filter(line -> line.contains(LEDGER_DOWN)).count() >= 2;
            });

            assertThat(lines).filteredOn(line -> line.contains(LEDGER_DOWN))
                    .allMatch(line -> line.startsWith("WARN")).noneMatch(line -> line.contains("caused by"));
            assertThat(lines).noneMatch(line -> line.startsWith("ERROR"));
            assertThat(context.getRoute("invite-pipeline")).isNotNull();
            assertThat(context.getRouteController().getRouteStatus("invite-pipeline").isStarted()).isTrue();
        } finally {
            log.detach();
        }
    }

    private void accept(String email) {
        SignupIntake intake = new SignupIntake(ledger, SignupClassifier.builder().build());
        Signup signup = new Signup(email, "First", "Last", null, null, List.of(), Map.of(), SignupSource.WEBHOOK,
                "route-test");
        intake.acceptBatch(SignupSource.WEBHOOK, "route-test", List.of(intake.arrival(1, signup)));
    }

    private LedgerStatus status(String email) {
        return ledger.find(email).map(LedgerEntry::status).orElse(null);
    }
}
