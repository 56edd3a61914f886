package io.camelretool.example.routes;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelretool.component.RetoolComponent;
import io.camelretool.component.classify.SignupClassifier;
import io.camelretool.component.model.InviteRequest;
import io.camelretool.example.access.Offboarding;
import io.camelretool.example.access.OffboardingApi;
import io.camelretool.example.api.AdminGate;
import io.camelretool.example.config.AdminToken;
import io.camelretool.example.ledger.Ledger;
import io.camelretool.example.ledger.LedgerStatus;
import io.camelretool.example.ledger.PersonAccess;
import io.camelretool.example.ledger.Settlement;
import io.camelretool.example.pipeline.SignupIntake;
import io.camelretool.example.signup.Signup;
import io.camelretool.example.signup.SignupSource;
import io.camelretool.sandbox.SandboxInvite;
import io.camelretool.sandbox.junit.RetoolSandboxExtension;
import io.camelretool.testing.LogCapture;
import org.apache.camel.BeanInject;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.Exchange;
import org.apache.camel.Produce;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The route files {@code camel/offboarding.camel.yaml} (the sweeper) and {@code camel/offboarding-api.camel.yaml}
 * (the admin API's offboarding) alone, as {@code camel-test-main-junit5} starts them: their beans over an in-memory
 * ledger and the sandbox, the API fed through {@code direct:} endpoints in place of the HTTP ones. Offboarding in every
 * state, and a crash in the middle of one, are in {@code OffboardingTest} and {@code AccessCrashIT}.
 */
@CamelMainTest(propertyPlaceholderLocations = "classpath:route-tests/offboarding.properties",
               configurationClasses = OffboardingRouteFileTest.Beans.class,
               replaceRouteFromWith = { "admin-offboard=direct:offboard", "admin-readmit=direct:readmit" })
class OffboardingRouteFileTest {

    static final String TOKEN = "route-test-admin-token";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @RegisterExtension
    static RetoolSandboxExtension retool = RetoolSandboxExtension.business();

    /**
     * The routes' beans, as an application binds them: here over a ledger in memory and the test's sandbox. The
     * application binds its ledger and its one offboarding as services before Camel Main reads its beans; here each
     * is made once per context, whatever order Camel calls these methods in.
     */
    public static class Beans implements CamelConfiguration {

        private DataSource memory;
        private Ledger ledger;
        private Offboarding offboarding;

        @BindToRegistry("retool")
        public RetoolComponent retool() {
            return RouteTestLedgers.retool(retool);
        }

        @BindToRegistry("ledgerDataSource")
        public synchronized DataSource memory() {
            if (memory == null) {
                memory = RouteTestLedgers.memory("offboarding");
            }
            return memory;
        }

        @BindToRegistry("ledger")
        public synchronized Ledger ledger() {
            if (ledger == null) {
                ledger = RouteTestLedgers.ledger(memory());
            }
            return ledger;
        }

        /** The one offboarding of the context: the sweeper calls it, the API's bean goes through it. */
        @BindToRegistry("offboarding")
        public synchronized Offboarding offboarding(CamelContext context) {
            if (offboarding == null) {
                offboarding = new Offboarding(ledger(), context.createProducerTemplate(),
                        Map.entry("access", "revoked"), Clock.systemUTC());
            }
            return offboarding;
        }

        @BindToRegistry("adminGate")
        public AdminGate adminGate() {
            return new AdminGate(AdminToken.resolve(TOKEN, false));
        }

        @BindToRegistry("offboardingApi")
        public OffboardingApi offboardingApi(CamelContext context) {
            return new OffboardingApi(offboarding(context));
        }
    }

    @BeanInject
    Ledger ledger;


    @BeanInject("ledgerDataSource")
    DataSource ledgerDatabase;

    @Produce("direct:offboard")
    ProducerTemplate api;

    @Test
    void theApiOffboardsAPendingInviteeAndTheirInviteIsRevoked() throws Exception {
        invited("pat@example.com");

        Exchange answer = call("direct:offboard", "/api/people/Pat%40Example.com", "Bearer " + TOKEN);

        assertThat(answer.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE))
                .as(answer.getMessage().getBody(String.class)).isEqualTo(200);
        JsonNode body = JSON.readTree(answer.getMessage().getBody(String.class));
        assertThat(body.path("status").asText()).isEqualTo("OFFBOARDED");
        assertThat(body.path("offboardedBy").asText()).isEqualTo("admin-api");
        assertThat(body.path("note").asText()).contains("pending invite revoked");
        assertThat(retool.sandbox().invitesFor("pat@example.com")).isEmpty();
        assertThat(answer.getMessage().getHeaders()).doesNotContainKey("Authorization");
    }

    @Test
    void theSweeperFinishesAnOffboardingRecordedWithoutTheApi() {
        invited("sam@example.com");
        // what a CSV row or a webhook item with "action": "remove" records: the intent, Retool's part still to do
        ledger.access().startOffboarding("sam@example.com", "csv removal", null);

        await().atMost(PATIENCE).until(() -> access("sam@example.com").status() == LedgerStatus.OFFBOARDED);

        assertThat(access("sam@example.com").offboardNote()).contains("pending invite revoked");
        assertThat(retool.sandbox().invitesFor("sam@example.com")).isEmpty();
    }

    @Test
    void withoutTheTokenTheApiIs401AndChangesNothing() throws Exception {
        invited("kim@example.com");

        for (String authorization : new String[] { null, "Bearer wrong", "Basic " + TOKEN, "Bearer" + TOKEN }) {
            Exchange answer = call("direct:offboard", "/api/people/kim%40example.com", authorization);

            assertThat(answer.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE)).as(authorization).isEqualTo(401);
            assertThat(answer.getMessage().getHeader("WWW-Authenticate")).isEqualTo("Bearer");
        }
        assertThat(ledger.find("kim@example.com").orElseThrow().status()).isEqualTo(LedgerStatus.INVITED);
        assertThat(retool.sandbox().invitesFor("kim@example.com")).hasSize(1);
    }

    @Test
    void refusesMalformedEmailsAndUnknownPeople() throws Exception {
        Exchange malformed = call("direct:offboard", "/api/people/not-an-email", "Bearer " + TOKEN);
        Exchange badEncoding = call("direct:offboard", "/api/people/%zz", "Bearer " + TOKEN);
        Exchange unknown = call("direct:offboard", "/api/people/nobody%40example.com", "Bearer " + TOKEN);

        assertThat(malformed.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE)).isEqualTo(400);
        assertThat(badEncoding.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE)).isEqualTo(400);
        assertThat(unknown.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE)).isEqualTo(404);
    }

    @Test
    void anOffboardedPersonIsReadmittedAndStartsOver() throws Exception {
        invited("lee@example.com");
        call("direct:offboard", "/api/people/lee%40example.com", "Bearer " + TOKEN);

        Exchange readmitted = call("direct:readmit", "/api/people/lee%40example.com/readmit", "Bearer " + TOKEN);
        Exchange again = call("direct:readmit", "/api/people/lee%40example.com/readmit", "Bearer " + TOKEN);

        assertThat(readmitted.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE)).isEqualTo(200);
        assertThat(ledger.find("lee@example.com").orElseThrow().status()).isEqualTo(LedgerStatus.RECEIVED);
        assertThat(again.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE)).isEqualTo(409);
    }

    @Test
    void aLedgerThatCannotBeReachedIs503AndTheSweeperSaysSoInOneLine() throws Exception {
        LogCapture log = LogCapture.attach();
        try {
            RouteTestLedgers.breakLedger(ledgerDatabase);

            Exchange answer = call("direct:offboard", "/api/people/pat%40example.com", "Bearer " + TOKEN);

            assertThat(answer.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE)).isEqualTo(503);
            assertThat(answer.getException()).isNull();
            List<String> lines = new ArrayList<>();
            await().atMost(PATIENCE).until(() -> {
                lines.addAll(log.drain());
                return lines.stream().anyMatch(line -> line.contains("The offboarding sweeper cannot reach the "
                                                                     + "ledger"));
            });
            assertThat(lines).filteredOn(line -> line.contains("The offboarding sweeper cannot reach the ledger"))
                    .allMatch(line -> !line.contains("\n"));
            assertThat(lines).noneMatch(line -> line.contains("Failed delivery"));
        } finally {
            log.detach();
        }
    }

    /** A person the pipeline invited: a pending invite in the sandbox, the row INVITED with its id. */
    private void invited(String email) {
        SignupIntake intake = new SignupIntake(ledger, SignupClassifier.builder().build());
        intake.acceptBatch(SignupSource.CSV, "route-test-" + UUID.randomUUID(), List.of(intake.arrival(1,
                new Signup(email, null, null, null, null, null, null, SignupSource.CSV, "route-test.csv:2"))));
        api.requestBody("retool:invite", InviteRequest.of(email));
        SandboxInvite invite = retool.sandbox().invitesFor(email).get(0);
        ledger.settleAll(List.of(Settlement.ofCall(email, LedgerStatus.INVITED, (long) invite.id(),
                invite.expiresAt(), null)));
        assertThat(ledger.find(email).orElseThrow().status()).isEqualTo(LedgerStatus.INVITED);
    }

    private PersonAccess access(String email) {
        return ledger.access().find(email).orElseThrow();
    }

    private Exchange call(String endpoint, String path, String authorization) {
        return api.request(endpoint, exchange -> {
            Map<String, Object> headers = new HashMap<>();
            headers.put(Exchange.HTTP_URI, path);
            if (authorization != null) {
                headers.put("Authorization", authorization);
            }
            exchange.getMessage().setHeaders(headers);
        });
    }
}
