package io.camelretool.example.intake.sender;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SenderSignaturesTest {

    private static final long NOW = 1_800_000_000L;
    private static final TimestampWindow WINDOW = new TimestampWindow(Duration.ofSeconds(300),
            Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC));
    private static final String BODY = "{\"id\":\"evt_1\",\"type\":\"customer.created\"}";
    private static final String STRIPE_SECRET = "whsec_test_stripe_secret";
    private static final String STANDARD_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    @Test
    void stripeAcceptsItsDocumentedSchemeAndAnyOfSeveralV1Signatures() {
        StripeSignature stripe = new StripeSignature(STRIPE_SECRET, WINDOW);
        String good = SenderSigning.stripe(STRIPE_SECRET, NOW, BODY);
        String rolled = "t=" + NOW + ",v1=" + "00".repeat(32) + "," + good.substring(good.indexOf("v1="))
                        + ",v0=" + "11".repeat(32);

        assertThat(stripe.verify(request(Map.of("Stripe-Signature", good), BODY)).valid()).isTrue();
        assertThat(stripe.verify(request(Map.of("Stripe-Signature", rolled), BODY)).valid()).isTrue();
    }

    @Test
    void stripeRefusesForgedStaleMissingAndMalformedSignaturesSayingWhy() {
        StripeSignature stripe = new StripeSignature(STRIPE_SECRET, WINDOW);

        assertThat(stripe.verify(request(Map.of("Stripe-Signature", SenderSigning.stripe("whsec_other", NOW, BODY)),
                BODY)).reason()).contains("does not match");
        assertThat(stripe.verify(request(Map.of("Stripe-Signature", SenderSigning.stripe(STRIPE_SECRET, NOW, BODY)),
                BODY + " ")).valid()).isFalse();
        assertThat(stripe.verify(request(Map.of("Stripe-Signature",
                SenderSigning.stripe(STRIPE_SECRET, NOW - 301, BODY)), BODY)).reason()).contains("too old");
        assertThat(stripe.verify(request(Map.of("Stripe-Signature",
                SenderSigning.stripe(STRIPE_SECRET, NOW + 301, BODY)), BODY)).reason()).contains("future");
        assertThat(stripe.verify(request(Map.of(), BODY)).reason()).contains("missing");
        assertThat(stripe.verify(request(Map.of("Stripe-Signature", "t=" + NOW), BODY)).reason())
                .contains("no v1");
        assertThat(stripe.verify(request(Map.of("Stripe-Signature", "t=" + NOW + ",v1=zz"), BODY)).valid()).isFalse();
        assertThat(stripe.verify(request(Map.of("Stripe-Signature", "v1=abc"), BODY)).reason()).contains("missing");
        assertThat(stripe.verify(request(Map.of("Stripe-Signature", "t=-9223372036854775808,v1=00"), BODY))
                .reason()).contains("too old");
    }

    @Test
    void standardWebhooksMatchesThePublishedExampleOfTheSpecification() {
        // the example of the Standard Webhooks specification: this id, timestamp, body and key give this signature
        TimestampWindow then = new TimestampWindow(Duration.ofSeconds(300),
                Clock.fixed(Instant.ofEpochSecond(1614265330L), ZoneOffset.UTC));
        StandardWebhookSignature standard = new StandardWebhookSignature(STANDARD_SECRET, then);
        Map<String, String> headers = Map.of("webhook-id", "msg_p5jXN8AQM9LWM0D4loKWxJek",
                "webhook-timestamp", "1614265330",
                "webhook-signature", "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");

        assertThat(standard.verify(request(headers, "{\"test\": 2432232314}")).valid()).isTrue();
    }

    @Test
    void standardWebhooksTakesSvixHeadersAndAnyOfSeveralSignatures() {
        StandardWebhookSignature standard = new StandardWebhookSignature(STANDARD_SECRET, WINDOW);
        String signature = SenderSigning.standard(STANDARD_SECRET, "msg_1", NOW, BODY);

        assertThat(standard.verify(request(Map.of("svix-id", "msg_1", "svix-timestamp", String.valueOf(NOW),
                "svix-signature", "v1,AAAA " + signature), BODY)).valid()).isTrue();
        assertThat(standard.verify(request(Map.of("webhook-id", "msg_2", "webhook-timestamp", String.valueOf(NOW),
                "webhook-signature", signature), BODY)).valid()).as("the id is signed too").isFalse();
        assertThat(standard.verify(request(Map.of("webhook-id", "msg_1", "webhook-timestamp",
                String.valueOf(NOW - 3600), "webhook-signature", signature), BODY)).reason()).contains("too old");
        assertThat(standard.verify(request(Map.of("webhook-id", "msg_1", "webhook-timestamp", String.valueOf(NOW),
                "webhook-signature", "v2,abc"), BODY)).reason()).contains("no v1");
        assertThat(standard.verify(request(Map.of("webhook-timestamp", String.valueOf(NOW),
                "webhook-signature", signature), BODY)).reason()).contains("webhook-id is missing");
    }

    @Test
    void standardWebhooksRefusesASecretThatIsNotBase64AtStart() {
        assertThatThrownBy(() -> new StandardWebhookSignature("whsec_not base64!", WINDOW))
                .hasMessageContaining("STANDARD_WEBHOOK_SECRET").hasMessageNotContaining("not base64!");
    }

    @Test
    void typeformAndShopifyCheckTheBodyMacAndNothingElse() {
        TypeformSignature typeform = new TypeformSignature("tf-secret");
        ShopifySignature shopify = new ShopifySignature("shop-secret");

        assertThat(typeform.verify(request(Map.of("Typeform-Signature", SenderSigning.typeform("tf-secret", BODY)),
                BODY)).valid()).isTrue();
        assertThat(typeform.verify(request(Map.of("Typeform-Signature",
                SenderSigning.typeform("tf-secret", BODY).substring(7)), BODY)).reason()).contains("sha256=");
        assertThat(typeform.verify(request(Map.of("Typeform-Signature", SenderSigning.typeform("other", BODY)),
                BODY)).valid()).isFalse();
        assertThat(shopify.verify(request(Map.of("X-Shopify-Hmac-Sha256", SenderSigning.shopify("shop-secret",
                BODY)), BODY)).valid()).isTrue();
        assertThat(shopify.verify(request(Map.of("X-Shopify-Hmac-Sha256", "%%%"), BODY)).valid()).isFalse();
        assertThat(shopify.verify(request(Map.of(), BODY)).reason()).contains("missing");
    }

    @Test
    void noRefusalEchoesTheSecret() {
        StripeSignature stripe = new StripeSignature(STRIPE_SECRET, WINDOW);
        String reason = stripe.verify(request(Map.of("Stripe-Signature", "t=" + NOW + ",v1=00"), BODY)).reason();

        assertThat(reason).doesNotContain(STRIPE_SECRET).doesNotContain("test_stripe");
    }

    static SenderRequest request(Map<String, String> headers, String body) {
        Map<String, String> caseInsensitive = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        caseInsensitive.putAll(headers);
        return new SenderRequest(caseInsensitive::get, body.getBytes(StandardCharsets.UTF_8));
    }
}
