package io.camelretool.example.routes;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelretool.component.RetoolComponent;
import io.camelretool.component.classify.SignupClassifier;
import io.camelretool.component.classify.UserClass;
import io.camelretool.example.access.EmbedSessionSteps;
import io.camelretool.example.access.EmbedSessions;
import io.camelretool.example.access.HostDemo;
import io.camelretool.example.config.AccessSettings;
import io.camelretool.example.config.RetoolTarget;
import io.camelretool.example.ledger.Ledger;
import io.camelretool.example.ledger.LedgerStatus;
import io.camelretool.example.ledger.Settlement;
import io.camelretool.example.pipeline.SignupIntake;
import io.camelretool.example.policy.ClassSettings;
import io.camelretool.example.policy.ExternalAccess;
import io.camelretool.example.policy.SignupPolicy;
import io.camelretool.example.signup.Signup;
import io.camelretool.example.signup.SignupSource;
import io.camelretool.example.testing.FreePorts;
import io.camelretool.sandbox.junit.RetoolSandboxExtension;
import org.apache.camel.BeanInject;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The route file {@code camel/host-demo.camel.yaml} with the Embed sessions' route it calls, as
 * {@code camel-test-main-junit5} starts them on Camel's HTTP server (a free port): the page a browser opens, and its
 * "backend", which signs a session request and gets the URL from {@code POST /embed/sessions}, minted by the sandbox.
 */
@CamelMainTest(propertyPlaceholderLocations = "classpath:route-tests/host-demo.properties",
               configurationClasses = HostDemoRouteFileTest.Beans.class)
class HostDemoRouteFileTest {

    static final byte[] SECRET = "route-test-embed-secret".getBytes(StandardCharsets.UTF_8);
    static final int PORT = FreePorts.next();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    static {
        // the port is only known now; system properties reach Camel's placeholders
        System.setProperty("camel.server.port", String.valueOf(PORT));
    }

    @RegisterExtension
    static RetoolSandboxExtension retool = RetoolSandboxExtension.business();

    /**
     * The routes' beans, as an application binds them: here over a ledger in memory and the test's sandbox. The
     * ledger is made once per context, whatever order Camel calls these methods in.
     */
    public static class Beans implements CamelConfiguration {

        private Ledger ledger;

        @BindToRegistry("retool")
        public RetoolComponent retool() {
            return RouteTestLedgers.retool(retool);
        }

        @BindToRegistry("ledger")
        public synchronized Ledger ledger() {
            if (ledger == null) {
                ledger = RouteTestLedgers.ledger(RouteTestLedgers.memory("host-demo"));
            }
            return ledger;
        }

        @BindToRegistry("embedSessionSteps")
        public EmbedSessionSteps embedSessionSteps() {
            SignupPolicy policy = new SignupPolicy(Map.of(
                    UserClass.EXTERNAL, new ClassSettings(List.of(), Map.of()),
                    UserClass.END_USER, new ClassSettings(List.of(), Map.of()),
                    UserClass.STANDARD_USER, new ClassSettings(List.of(), Map.of())), ExternalAccess.EMBED, 50);
            EmbedSessions sessions = new EmbedSessions(ledger(), new SignupIntake(ledger(),
                    SignupClassifier.builder().build()), policy, AccessSettings.read(key -> ""),
                    AccessSettings.DEMO_LANDING_PAGE, List.of(RetoolTarget.DEMO_EMBED_GROUP));
            return new EmbedSessionSteps(SECRET, sessions, ledger().deliveries());
        }

        @BindToRegistry("hostDemo")
        public HostDemo hostDemo() {
            return new HostDemo(SECRET, PORT);
        }
    }

    @BeanInject
    Ledger ledger;

    @AfterAll
    static void forgetPort() {
        System.clearProperty("camel.server.port");
    }

    @Test
    void thePageIsServedAsHtml() throws Exception {
        HttpResponse<String> page = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + PORT
                                                                                  + HostDemo.PATH)).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("text/html"));
        assertThat(page.body()).contains("<iframe");
    }

    @Test
    void theDemoBackendSignsTheRequestAndHandsOnTheUrlTheSandboxMinted() throws Exception {
        embedOnly("ada@customer.example");

        HttpResponse<String> answer = ask("{\"email\":\"ada@customer.example\",\"externalIdentifier\":\"demo-1\"}");

        assertThat(answer.statusCode()).isEqualTo(200);
        String url = JSON.readTree(answer.body()).path("embedUrl").asText();
        assertThat(retool.sandbox().embedMints()).singleElement().satisfies(mint ->
                assertThat(mint.url()).isEqualTo(url));
        assertThat(ledger.access().find("ada@customer.example").orElseThrow().sessions()).isEqualTo(1);
    }

    @Test
    void aRefusalReachesThePageAsItCame() throws Exception {
        HttpResponse<String> answer = ask("{\"email\":\"stranger@customer.example\",\"externalIdentifier\":\"d-2\"}");

        HttpResponse<String> malformed = ask("{\"email\":\"<script>\"");
        HttpResponse<String> empty = ask("");

        assertThat(answer.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(answer.body()).path("error").asText()).startsWith("not entitled");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(retool.sandbox().embedMints()).isEmpty();
    }

    @Test
    void refusesToMintForACallerFromTheNetwork() throws Exception {
        embedOnly("bea@customer.example");
        Optional<InetAddress> network = NetworkInterface.networkInterfaces().flatMap(NetworkInterface::inetAddresses)
                .filter(address -> address instanceof Inet4Address && !address.isLoopbackAddress()
                                   && !address.isLinkLocalAddress()).findFirst();
        assumeTrue(network.isPresent(), "this machine has no network address besides loopback");

        HttpResponse<String> answer = ask(network.get().getHostAddress(),
                "{\"email\":\"bea@customer.example\",\"externalIdentifier\":\"attacker-1\"}");

        assertThat(answer.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(answer.body()).path("error").asText()).contains("this machine only");
        assertThat(retool.sandbox().embedMints()).isEmpty();
        assertThat(ledger.access().find("bea@customer.example").orElseThrow().externalId()).isNull();
    }

    private static HttpResponse<String> ask(String body) throws Exception {
        return ask("127.0.0.1", body);
    }

    private static HttpResponse<String> ask(String host, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://" + host + ":" + PORT + HostDemo.PATH + "/session"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A signup recorded EMBED_ONLY, as the policy records an external person under EXTERNAL_ACCESS=embed. */
    private void embedOnly(String email) {
        SignupIntake intake = new SignupIntake(ledger, SignupClassifier.builder().build());
        intake.acceptBatch(SignupSource.WEBHOOK, "route-test-" + UUID.randomUUID(), List.of(intake.arrival(1,
                new Signup(email, "Ada", null, null, null, null, null, SignupSource.WEBHOOK, "route-test#1"))));
        ledger.settleAll(List.of(new Settlement(email, Set.of(LedgerStatus.RECEIVED), LedgerStatus.EMBED_ONLY, null,
                null, "Embed access only")));
    }
}
