package io.camelretool.example.routes;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import javax.sql.DataSource;

import io.camelretool.example.config.PipelineBeans;
import io.camelretool.example.intake.sender.SenderPayloads;
import io.camelretool.example.intake.sender.SenderSigning;
import io.camelretool.example.ledger.Ledger;
import io.camelretool.example.ledger.LedgerStatus;
import io.camelretool.example.testing.FreePorts;
import io.camelretool.testing.SecretScan;
import org.apache.camel.BeanInject;
import org.apache.camel.CamelContext;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The route file {@code camel/sender-intake.camel.yaml} alone, as {@code camel-test-main-junit5} starts it: its bean
 * from {@code config/PipelineBeans} over an in-memory ledger ({@link PipelineServices}), behind Camel's HTTP server
 * on a free port. Only Stripe's secret is set: its route is on, the other senders' are not there at all.
 */
@CamelMainTest(propertyPlaceholderLocations = "classpath:route-tests/sender-intake.properties",
               configurationClasses = { PipelineServices.class, PipelineBeans.class })
class SenderIntakeRouteFileTest {

    /** As in route-tests/sender-intake.properties. */
    private static final String STRIPE_SECRET = "whsec_route_test_stripe_secret";
    private static final int PORT = FreePorts.next();
    private final HttpClient http = HttpClient.newHttpClient();

    static {
        // the server's port, in route-tests/sender-intake.properties: a free one is only known now
        System.setProperty("sender-intake-route-test.port", String.valueOf(PORT));
    }

    @RegisterExtension
    static final SecretScan SECRETS = SecretScan.of(() -> java.util.List.of(
            new SecretScan.Secret("the Stripe secret", STRIPE_SECRET)));

    @BeanInject
    Ledger ledger;

    @BeanInject
    CamelContext context;

    @BeanInject
    DataSource ledgerData;

    @Test
    void aSignedStripeEventIsAcceptedIntoTheLedgerAndARedeliveryGetsTheSameAnswer() throws Exception {
        String body = SenderPayloads.stripeCustomerCreated("evt_routeFile", "stripe-buyer@example.com", "Ann Buyer");

        HttpResponse<String> first = post("/signups/stripe", body, signed(body));
        HttpResponse<String> again = post("/signups/stripe", body, signed(body));

        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(again.statusCode()).isEqualTo(202);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(ledger.find("stripe-buyer@example.com")).hasValueSatisfying(entry ->
                assertThat(entry.status()).isEqualTo(LedgerStatus.RECEIVED));
        assertThat(first.headers().map()).doesNotContainKey("stripe-signature");
    }

    @Test
    void aStripeEventWithABadSignatureIs401AndMakesNoBatch() throws Exception {
        String body = SenderPayloads.stripeCustomerCreated("evt_forged", "forged@example.com", "Fo Rged");
        long now = System.currentTimeMillis() / 1000;

        HttpResponse<String> forged = post("/signups/stripe", body,
                SenderSigning.stripe("whsec_someone_elses_secret", now, body));
        HttpResponse<String> unsigned = post("/signups/stripe", body, null);

        assertThat(forged.statusCode()).isEqualTo(401);
        assertThat(unsigned.statusCode()).isEqualTo(401);
        assertThat(ledger.find("forged@example.com")).isEmpty();
        assertThat(ledger.reportableBatches()).isEmpty();
    }

    @Test
    void aSenderWhoseSecretIsUnsetHasNoRouteAndItsPathIsNotFound() throws Exception {
        String body = SenderPayloads.typeformResponse("evt_typeform", "typeform@example.com");

        HttpResponse<String> answer = post("/signups/typeform", body, SenderSigning.typeform("anything", body));

        assertThat(context.getRoute("stripe-intake")).isNotNull();
        assertThat(context.getRoute("typeform-intake")).isNull();
        assertThat(context.getRoute("standard-intake")).isNull();
        assertThat(context.getRoute("shopify-intake")).isNull();
        assertThat(answer.statusCode()).isEqualTo(404);
        assertThat(ledger.find("typeform@example.com")).isEmpty();
    }

    @Test
    void aSignatureInTheQueryStringIsNotRead() throws Exception {
        String body = SenderPayloads.stripeCustomerCreated("evt_inQuery", "query@example.com", "Qu Ery");
        String signature = signed(body);

        HttpResponse<String> answer = post("/signups/stripe?Stripe-Signature="
                + java.net.URLEncoder.encode(signature, java.nio.charset.StandardCharsets.UTF_8), body, null);

        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(ledger.find("query@example.com")).isEmpty();
    }

    @Test
    void malformedRequestsAreRefusedWithTheirReasonAndMakeNoBatch() throws Exception {
        String notAnObject = "[{\"email\":\"array@example.com\"}]";
        String cut = "{\"id\":\"evt_cut\",\"data\":{\"object\":{\"email\":\"cut@example.com\"";

        HttpResponse<String> array = post("/signups/stripe", notAnObject, signed(notAnObject));
        HttpResponse<String> truncated = post("/signups/stripe", cut, signed(cut));
        HttpResponse<String> text = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + PORT
                                                                                 + "/signups/stripe"))
                .header("Content-Type", "text/plain").header("Stripe-Signature", signed("email=text@example.com"))
                .POST(HttpRequest.BodyPublishers.ofString("email=text@example.com")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(array.statusCode()).isEqualTo(400);
        assertThat(truncated.statusCode()).isEqualTo(400);
        assertThat(text.statusCode()).isEqualTo(415);
        assertThat(ledger.find("array@example.com")).isEmpty();
        assertThat(ledger.find("cut@example.com")).isEmpty();
        assertThat(ledger.find("text@example.com")).isEmpty();
        assertThat(ledger.reportableBatches()).isEmpty();
    }

    @Test
    void aLedgerThatCannotBeReachedIs503WithRetryAfterAndAcceptsNothing() throws Exception {
        RouteTestLedgers.breakLedger(ledgerData);
        String body = SenderPayloads.stripeCustomerCreated("evt_ledgerDown", "down@example.com", "Do Wn");

        HttpResponse<String> answer = post("/signups/stripe", body, signed(body));

        assertThat(answer.statusCode()).isEqualTo(503);
        assertThat(answer.headers().firstValue("Retry-After")).hasValue("5");
        assertThat(answer.body()).contains("nothing was accepted");
        assertThat(answer.headers().map()).doesNotContainKey("stripe-signature");
    }

    private static String signed(String body) {
        return SenderSigning.stripe(STRIPE_SECRET, System.currentTimeMillis() / 1000, body);
    }

    private HttpResponse<String> post(String path, String body, String stripeSignature) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + PORT + path))
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (stripeSignature != null) {
            request.header("Stripe-Signature", stripeSignature);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
