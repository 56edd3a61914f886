package io.camelretool.example.routes;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelretool.component.classify.SignupClassifier;
import io.camelretool.example.intake.webhook.WebhookIntake;
import io.camelretool.example.intake.webhook.WebhookSignature;
import io.camelretool.example.ledger.Ledger;
import io.camelretool.example.ledger.LedgerStatus;
import io.camelretool.example.pipeline.SignupIntake;
import org.apache.camel.BeanInject;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.Exchange;
import org.apache.camel.Produce;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The route file {@code camel/webhook-intake.camel.yaml} alone, as {@code camel-test-main-junit5} starts it: its bean
 * over an in-memory ledger, fed through {@code direct:webhook} in place of the HTTP endpoint. What the HTTP server
 * adds (the port, the body limit, the source address) is in {@code WebhookIntakeRouteTest}, which runs it all.
 */
@CamelMainTest(propertyPlaceholderLocations = "classpath:route-tests/webhook-intake.properties",
               configurationClasses = WebhookIntakeRouteFileTest.Beans.class,
               replaceRouteFromWith = "webhook-intake=direct:webhook")
class WebhookIntakeRouteFileTest {

    static final byte[] SECRET = "route-test-webhook-secret".getBytes(StandardCharsets.UTF_8);
    private static final ObjectMapper JSON = new ObjectMapper();
    private final WebhookSignature signer = new WebhookSignature(SECRET, WebhookIntake.TOLERANCE, Clock.systemUTC());

    /** The route's bean, as an application binds it: here over a ledger in memory. */
    public static class Beans implements CamelConfiguration {

        @BindToRegistry("ledger")
        public Ledger ledger() {
            return RouteTestLedgers.ledger(RouteTestLedgers.memory("webhook"));
        }

        @BindToRegistry("webhookIntake")
        public WebhookIntake webhookIntake(Ledger ledger) {
            return new WebhookIntake(SECRET, new SignupIntake(ledger, SignupClassifier.builder().build()));
        }
    }

    @BeanInject
    Ledger ledger;

    @Produce("direct:webhook")
    ProducerTemplate webhook;

    @Test
    void aSignedRequestIsAcceptedAsOneBatchWithOneIdPerSignup() throws Exception {
        Exchange answer = post("[{\"email\":\"ada@example.com\"},{\"email\":\"grace@example.com\"}]", true);

        assertThat(answer.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE)).isEqualTo(202);
        JsonNode json = JSON.readTree(answer.getMessage().getBody(String.class));
        assertThat(json.path("accepted").asInt()).isEqualTo(2);
        assertThat(json.path("ids")).hasSize(2);
        assertThat(ledger.find("ada@example.com")).hasValueSatisfying(entry ->
                assertThat(entry.status()).isEqualTo(LedgerStatus.RECEIVED));
    }

    @Test
    void theSameSignedRequestAgainGetsTheFirstAnswerAndNoSecondBatch() throws Exception {
        String body = "{\"email\":\"replayed@example.com\"}";
        long now = System.currentTimeMillis() / 1000;
        String signature = signer.sign(now, body.getBytes(StandardCharsets.UTF_8));

        Exchange first = send(body, "application/json", String.valueOf(now), signature);
        Exchange again = send(body, "application/json", String.valueOf(now), signature);

        assertThat(again.getMessage().getBody(String.class)).isEqualTo(first.getMessage().getBody(String.class));
    }

    @Test
    void anUnsignedRequestIs401AndNothingIsStored() throws Exception {
        Exchange answer = post("{\"email\":\"unsigned@example.com\"}", false);

        assertThat(answer.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE)).isEqualTo(401);
        assertThat(answer.getMessage().getBody(String.class)).contains(WebhookSignature.TIMESTAMP_HEADER);
        assertThat(ledger.find("unsigned@example.com")).isEmpty();
    }

    @Test
    void aBodyThatIsNotJsonIs415AndFieldErrorsAre400() throws Exception {
        long now = System.currentTimeMillis() / 1000;
        String text = "email=ada@example.com";
        Exchange notJson = send(text, "text/plain", String.valueOf(now),
                signer.sign(now, text.getBytes(StandardCharsets.UTF_8)));
        Exchange broken = post("[{\"email\":\"\"},{\"colour\":\"blue\"}]", true);

        assertThat(notJson.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE)).isEqualTo(415);
        assertThat(broken.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE)).isEqualTo(400);
        assertThat(JSON.readTree(broken.getMessage().getBody(String.class)).path("errorCount").asInt())
                .isGreaterThanOrEqualTo(2);
    }

    @Test
    void theRequestsHeadersDoNotTravelBackAsAnswerHeaders() throws Exception {
        Exchange answer = post("{\"email\":\"headers@example.com\"}", true);

        assertThat(answer.getMessage().getHeaders()).doesNotContainKeys(WebhookSignature.SIGNATURE_HEADER,
                WebhookSignature.TIMESTAMP_HEADER);
    }

    private Exchange post(String body, boolean signed) {
        long now = System.currentTimeMillis() / 1000;
        return signed ? send(body, "application/json", String.valueOf(now),
                signer.sign(now, body.getBytes(StandardCharsets.UTF_8)))
                : send(body, "application/json", null, null);
    }

    private Exchange send(String body, String contentType, String timestamp, String signature) {
        return webhook.request("direct:webhook", exchange -> {
            exchange.getMessage().setBody(body.getBytes(StandardCharsets.UTF_8));
            exchange.getMessage().setHeaders(new java.util.HashMap<>(Map.of(Exchange.CONTENT_TYPE, contentType)));
            if (timestamp != null) {
                exchange.getMessage().setHeader(WebhookSignature.TIMESTAMP_HEADER, timestamp);
                exchange.getMessage().setHeader(WebhookSignature.SIGNATURE_HEADER, signature);
            }
        });
    }
}
