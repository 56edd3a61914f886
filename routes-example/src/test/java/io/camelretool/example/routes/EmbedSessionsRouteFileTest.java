package io.camelretool.example.routes;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelretool.component.RetoolComponent;
import io.camelretool.component.classify.SignupClassifier;
import io.camelretool.component.classify.UserClass;
import io.camelretool.example.access.EmbedSessionSteps;
import io.camelretool.example.access.EmbedSessions;
import io.camelretool.example.config.AccessSettings;
import io.camelretool.example.config.RetoolTarget;
import io.camelretool.example.intake.webhook.WebhookIntake;
import io.camelretool.example.intake.webhook.WebhookSignature;
import io.camelretool.example.ledger.Ledger;
import io.camelretool.example.ledger.LedgerStatus;
import io.camelretool.example.ledger.Settlement;
import io.camelretool.example.pipeline.SignupIntake;
import io.camelretool.example.policy.ClassSettings;
import io.camelretool.example.policy.ExternalAccess;
import io.camelretool.example.policy.SignupPolicy;
import io.camelretool.example.signup.Signup;
import io.camelretool.example.signup.SignupSource;
import io.camelretool.sandbox.junit.RetoolSandboxExtension;
import io.camelretool.testing.LogCapture;
import org.apache.camel.BeanInject;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.Exchange;
import org.apache.camel.Produce;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The route file {@code camel/embed-sessions.camel.yaml} alone, as {@code camel-test-main-junit5} starts it: its bean
 * over an in-memory ledger, minting with {@code retool:embedToken} against the sandbox, fed through
 * {@code direct:embed} in place of the HTTP endpoint. The HTTP server's part (headers read from the request itself,
 * the hostile corpus) is in {@code EmbedSessionsTest} and {@code EmbedSessionsHostileTest}, which run it all.
 */
@CamelMainTest(propertyPlaceholderLocations = "classpath:route-tests/embed-sessions.properties",
               configurationClasses = EmbedSessionsRouteFileTest.Beans.class,
               replaceRouteFromWith = "embed-sessions=direct:embed")
class EmbedSessionsRouteFileTest {

    static final byte[] SECRET = "route-test-embed-secret".getBytes(StandardCharsets.UTF_8);
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static RetoolSandboxExtension retool = RetoolSandboxExtension.business();

    private final WebhookSignature signer = new WebhookSignature(SECRET, WebhookIntake.TOLERANCE, Clock.systemUTC());
    private LogCapture log;

    /** The route's bean, as an application binds it: here over a ledger in memory and the test's sandbox. */
    public static class Beans implements CamelConfiguration {

        static final SignupClassifier CLASSIFIER = SignupClassifier.builder().build();
        /** External people get Embed access only (EXTERNAL_ACCESS=embed); no class has groups of its own. */
        static final SignupPolicy POLICY = new SignupPolicy(Map.of(
                UserClass.EXTERNAL, new ClassSettings(List.of(), Map.of()),
                UserClass.END_USER, new ClassSettings(List.of(), Map.of()),
                UserClass.STANDARD_USER, new ClassSettings(List.of(), Map.of())), ExternalAccess.EMBED, 50);

        @BindToRegistry("retool")
        public RetoolComponent retool() {
            return RouteTestLedgers.retool(retool);
        }

        private DataSource memory;
        private Ledger ledger;

        /** Made once per context, whatever order Camel calls these methods in (the application binds it first). */
        @BindToRegistry("ledgerDataSource")
        public synchronized DataSource memory() {
            if (memory == null) {
                memory = RouteTestLedgers.memory("embed");
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

        @BindToRegistry("embedSessionSteps")
        public EmbedSessionSteps embedSessionSteps() {
            EmbedSessions sessions = new EmbedSessions(ledger(), new SignupIntake(ledger(), CLASSIFIER), POLICY,
                    AccessSettings.read(key -> ""), AccessSettings.DEMO_LANDING_PAGE,
                    List.of(RetoolTarget.DEMO_EMBED_GROUP));
            return new EmbedSessionSteps(SECRET, sessions, ledger().deliveries());
        }
    }

    @BeanInject
    Ledger ledger;

    @BeanInject("ledgerDataSource")
    DataSource ledgerDatabase;

    @Produce("direct:embed")
    ProducerTemplate embed;

    @BeforeEach
    void captureLog() {
        log = LogCapture.attach();
    }

    @AfterEach
    void releaseLog() {
        log.detach();
    }

    @Test
    void aSignedRequestForAnEmbedOnlyPersonAnswersAUrlAndCountsTheSession() throws Exception {
        embedOnly("ada@customer.example");

        Exchange answer = post("{\"email\":\"ada@customer.example\",\"externalIdentifier\":\"customer-42\"}", true);

        assertThat(answer.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE)).isEqualTo(200);
        String url = JSON.readTree(answer.getMessage().getBody(String.class)).path("embedUrl").asText();
        assertThat(retool.sandbox().embedMints()).singleElement().satisfies(mint -> {
            assertThat(mint.url()).isEqualTo(url);
            assertThat(mint.groupIds()).containsExactly(RetoolTarget.DEMO_EMBED_GROUP);
            assertThat(mint.externalIdentifier()).isEqualTo("customer-42");
        });
        assertThat(ledger.access().find("ada@customer.example")).hasValueSatisfying(person -> {
            assertThat(person.sessions()).isEqualTo(1);
            assertThat(person.externalId()).isEqualTo("customer-42");
        });
        // the URL is a credential: in the answer's body only, never in a header of it nor in a log line
        assertThat(answer.getMessage().getHeaders().values()).noneMatch(value -> String.valueOf(value).contains(url));
        assertThat(log.drain()).noneMatch(line -> line.contains(url));
    }

    @Test
    void anUnsignedRequestIs401AndNothingIsMinted() throws Exception {
        embedOnly("ada@customer.example");

        Exchange answer = post("{\"email\":\"ada@customer.example\",\"externalIdentifier\":\"customer-42\"}", false);

        assertThat(answer.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE)).isEqualTo(401);
        assertThat(retool.sandbox().embedMints()).isEmpty();
        assertThat(ledger.access().find("ada@customer.example").orElseThrow().sessions()).isZero();
    }

    @Test
    void anOffboardedPersonIs403WithTheReasonAndNothingIsMinted() throws Exception {
        embedOnly("eve@customer.example");
        ledger.access().startOffboarding("eve@customer.example", "route-test", null);

        Exchange answer = post("{\"email\":\"eve@customer.example\",\"externalIdentifier\":\"customer-7\"}", true);

        assertThat(answer.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE)).isEqualTo(403);
        assertThat(JSON.readTree(answer.getMessage().getBody(String.class)).path("error").asText())
                .startsWith("not entitled").contains("offboarded");
        assertThat(retool.sandbox().embedMints()).isEmpty();
    }

    @Test
    void anUnknownPersonIs403AndAFieldErrorIs400() throws Exception {
        Exchange unknown = post("{\"email\":\"stranger@customer.example\",\"externalIdentifier\":\"s-1\"}", true);
        Exchange broken = post("{\"email\":\"ada@\",\"externalIdentifier\":\"s-2\"}", true);

        assertThat(unknown.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE)).isEqualTo(403);
        assertThat(broken.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE)).isEqualTo(400);
        JsonNode errors = JSON.readTree(broken.getMessage().getBody(String.class)).path("errors");
        assertThat(errors.path("email").asText()).contains("not an email address");
        assertThat(ledger.find("stranger@customer.example")).isEmpty();
    }

    @Test
    void theSameSignedRequestAgainIs409AndMintsNoSecondUrl() throws Exception {
        embedOnly("ada@customer.example");
        String body = "{\"email\":\"ada@customer.example\",\"externalIdentifier\":\"customer-42\"}";
        long now = System.currentTimeMillis() / 1000;
        String signature = signer.sign(now, body.getBytes(StandardCharsets.UTF_8));

        Exchange first = send(body, "application/json", String.valueOf(now), signature);
        Exchange again = send(body, "application/json", String.valueOf(now), signature);

        assertThat(first.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE)).isEqualTo(200);
        assertThat(again.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE)).isEqualTo(409);
        assertThat(again.getMessage().getBody(String.class)).doesNotContain("embedUrl");
        assertThat(retool.sandbox().embedMints()).hasSize(1);
    }

    @Test
    void whenRetoolCannotBeReachedItAnswers503WithRetryAfterAndCountsNoSession() throws Exception {
        embedOnly("ada@customer.example");
        retool.sandbox().faults().serverErrorRate(1.0);

        Exchange answer = post("{\"email\":\"ada@customer.example\",\"externalIdentifier\":\"customer-42\"}", true);

        retool.sandbox().faults().clear();
        assertThat(answer.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE)).isEqualTo(503);
        assertThat(answer.getMessage().getHeader("Retry-After")).isNotNull();
        assertThat(answer.getException()).isNull();
        assertThat(ledger.access().find("ada@customer.example").orElseThrow().sessions()).isZero();
    }

    @Test
    void whenTheLedgerCannotBeReachedItAnswers503WithRetryAfterAndMintsNothing() throws Exception {
        embedOnly("ada@customer.example");
        RouteTestLedgers.breakLedger(ledgerDatabase);

        Exchange answer = post("{\"email\":\"ada@customer.example\",\"externalIdentifier\":\"customer-42\"}", true);

        assertThat(answer.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE)).isEqualTo(503);
        assertThat(answer.getMessage().getHeader("Retry-After")).isEqualTo("5");
        assertThat(answer.getException()).isNull();
        assertThat(retool.sandbox().embedMints()).isEmpty();
    }

    /** A signup recorded EMBED_ONLY, as the policy records an external person under EXTERNAL_ACCESS=embed. */
    private void embedOnly(String email) {
        SignupIntake intake = new SignupIntake(ledger, Beans.CLASSIFIER);
        Signup signup = new Signup(email, "Ada", null, null, null, null, null, SignupSource.WEBHOOK, "route-test#1");
        intake.acceptBatch(SignupSource.WEBHOOK, "route-test-" + UUID.randomUUID(),
                List.of(intake.arrival(1, signup)));
        ledger.settleAll(List.of(new Settlement(email, Set.of(LedgerStatus.RECEIVED), LedgerStatus.EMBED_ONLY, null,
                null, "Embed access only")));
        assertThat(ledger.find(email).orElseThrow().status()).isEqualTo(LedgerStatus.EMBED_ONLY);
    }

    private Exchange post(String body, boolean signed) {
        long now = System.currentTimeMillis() / 1000;
        return signed ? send(body, "application/json", String.valueOf(now),
                signer.sign(now, body.getBytes(StandardCharsets.UTF_8)))
                : send(body, "application/json", null, null);
    }

    private Exchange send(String body, String contentType, String timestamp, String signature) {
        return embed.request("direct:embed", exchange -> {
            exchange.getMessage().setBody(body.getBytes(StandardCharsets.UTF_8));
            exchange.getMessage().setHeaders(new HashMap<>(Map.of(Exchange.CONTENT_TYPE, contentType)));
            if (timestamp != null) {
                exchange.getMessage().setHeader(WebhookSignature.TIMESTAMP_HEADER, timestamp);
                exchange.getMessage().setHeader(WebhookSignature.SIGNATURE_HEADER, signature);
            }
        });
    }
}
