package io.camelretool.example.routes;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelretool.example.ApplicationSecrets;
import io.camelretool.example.RunningApplication;
import io.camelretool.example.intake.sender.SenderPayloads;
import io.camelretool.example.intake.sender.SenderSigning;
import io.camelretool.sandbox.SandboxInvite;
import io.camelretool.sandbox.junit.RetoolSandboxExtension;
import io.camelretool.testing.SecretScan;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The senders' endpoints of the running application, each posted to as its sender posts (real-shaped payloads,
 * signed as each sender documents), with the sandbox as Retool and the embedded ledger.
 */
class SenderIntakeRouteTest {

    static final String STRIPE_SECRET = "whsec_stripe_test_secret_1234";
    static final String STANDARD_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    static final String TYPEFORM_SECRET = "typeform-test-secret";
    static final String SHOPIFY_SECRET = "shopify-test-secret";

    @RegisterExtension
    static RetoolSandboxExtension retool = RetoolSandboxExtension.business();

    @TempDir
    Path signups;

    @RegisterExtension
    final SecretScan secrets = ApplicationSecrets.scan(retool::sandbox, () -> signups, List.of(
            new SecretScan.Secret("the Stripe secret", STRIPE_SECRET),
            new SecretScan.Secret("the Standard Webhooks secret", STANDARD_SECRET.substring("whsec_".length())),
            new SecretScan.Secret("the Typeform secret", TYPEFORM_SECRET),
            new SecretScan.Secret("the Shopify secret", SHOPIFY_SECRET)));

    private final HttpClient http = HttpClient.newHttpClient();
    private RunningApplication app;

    @BeforeEach
    void start() throws Exception {
        // Retool keeps an attribute's value only once the organisation defines it
        if (retool.sandbox().attributeDefinitions().stream()
                .noneMatch(definition -> definition.name().equals("plan"))) {
            retool.sandbox().defineAttribute("plan", "string");
        }
        app = RunningApplication.start(signups, retool.sandbox(), Map.of(
                "sources.stripe.secret", STRIPE_SECRET,
                "sources.stripe.attributes", "plan=metadata.plan",
                "sources.standard.secret", STANDARD_SECRET,
                "sources.typeform.secret", TYPEFORM_SECRET,
                "sources.typeform.attributes", "plan=hidden.plan",
                "sources.shopify.secret", SHOPIFY_SECRET));
    }

    @AfterEach
    void stop() {
        app.close();
    }

    @Test
    void aStripeCheckoutBecomesAnInviteWithItsMappedAttributeAndARedeliveryMakesNoSecondBatch() throws Exception {
        String body = SenderPayloads.stripeCheckoutCompleted("evt_1PaidCheckout", "buyer@example.com", "Ann Buyer",
                "pro");

        HttpResponse<String> first = stripe(body);
        HttpResponse<String> again = stripe(body);

        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(again.statusCode()).as("the first delivery's answer, again").isEqualTo(202);
        assertThat(again.body()).isEqualTo(first.body());
        String batch = RunningApplication.json(first.body()).path("batch").asText();
        assertThat(RunningApplication.json(again.body()).path("batch").asText()).isEqualTo(batch);
        JsonNode report = app.awaitReport("stripe:evt_1PaidCheckout");
        assertThat(report.path("source").asText()).isEqualTo("STRIPE");
        assertThat(report.path("byStatus").path("INVITED").asInt()).isEqualTo(1);
        assertThat(retool.sandbox().invitesFor("buyer@example.com")).hasSize(1);
        assertThat(retool.sandbox().invitesFor("buyer@example.com").get(0).metadata()).containsEntry("plan", "pro");
        assertThat(app.reports()).hasSize(1);
    }

    @Test
    void aRedeliveryAfterARestartGetsTheFirstAnswerAndMakesNoSecondBatch() throws Exception {
        String body = SenderPayloads.stripeCustomerCreated("evt_beforeRestart", "restart@example.com", "Re Start");
        HttpResponse<String> first = stripe(body);
        app.awaitReport("stripe:evt_beforeRestart");
        app.close();
        app = RunningApplication.start(signups, retool.sandbox(), Map.of("sources.stripe.secret", STRIPE_SECRET));

        HttpResponse<String> again = stripe(body);

        assertThat(again.statusCode()).isEqualTo(202);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(app.reports()).hasSize(1);
        assertThat(retool.sandbox().invitesFor("restart@example.com")).hasSize(1);
    }

    @Test
    void copiesOfOneEventDeliveredAtOnceMakeOneBatch() throws Exception {
        String body = SenderPayloads.stripeCustomerCreated("evt_racing", "racing@example.com", "Ra Cing");
        List<CompletableFuture<HttpResponse<String>>> copies = IntStream.range(0, 8)
                .mapToObj(copy -> CompletableFuture.supplyAsync(() -> {
                    try {
                        return stripe(body);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                })).toList();

        List<HttpResponse<String>> answers = copies.stream().map(CompletableFuture::join).toList();

        // a copy that finds another still being accepted is told to send again, which its sender does
        assertThat(answers).extracting(HttpResponse::statusCode).containsAnyOf(202).isSubsetOf(202, 503);
        assertThat(answers.stream().filter(answer -> answer.statusCode() == 202).map(HttpResponse::body).distinct())
                .hasSize(1);
        app.awaitReport("stripe:evt_racing");
        assertThat(app.reports()).hasSize(1);
        assertThat(retool.sandbox().invitesFor("racing@example.com")).hasSize(1);
    }

    @Test
    void eachSenderIsVerifiedWithItsOwnSchemeAndLandsInTheSameIntake() throws Exception {
        long now = System.currentTimeMillis() / 1000;
        String clerk = SenderPayloads.clerkUserCreated("user_2abc", "clerk@example.com", "old@example.com");
        String typeform = SenderPayloads.typeformResponse("01TYPEFORMEVENT", "laura@example.com");
        String shopify = SenderPayloads.shopifyCustomer(706405506930370084L, "bob@example.com");

        HttpResponse<String> standardAnswer = post("/signups/standard", clerk, Map.of("svix-id", "msg_2abc",
                "svix-timestamp", String.valueOf(now),
                "svix-signature", SenderSigning.standard(STANDARD_SECRET, "msg_2abc", now, clerk)));
        HttpResponse<String> typeformAnswer = post("/signups/typeform", typeform, Map.of("Typeform-Signature",
                SenderSigning.typeform(TYPEFORM_SECRET, typeform)));
        HttpResponse<String> shopifyAnswer = post("/signups/shopify", shopify, Map.of(
                "X-Shopify-Hmac-Sha256", SenderSigning.shopify(SHOPIFY_SECRET, shopify),
                "X-Shopify-Topic", "customers/create", "X-Shopify-Webhook-Id", "b54557e4-bdd9-4b37-8a5f-bf7d70bcd043"));

        assertThat(List.of(standardAnswer.statusCode(), typeformAnswer.statusCode(), shopifyAnswer.statusCode()))
                .containsOnly(202);
        assertThat(app.awaitReport("standard_webhooks:msg_2abc").path("byStatus").path("INVITED").asInt())
                .isEqualTo(1);
        assertThat(app.awaitReport("typeform:01TYPEFORMEVENT").path("byStatus").path("INVITED").asInt()).isEqualTo(1);
        assertThat(app.awaitReport("shopify:b54557e4-bdd9-4b37-8a5f-bf7d70bcd043").path("source").asText())
                .isEqualTo("SHOPIFY");
        assertThat(retool.sandbox().invitesFor("clerk@example.com")).hasSize(1);
        assertThat(retool.sandbox().invitesFor("old@example.com")).isEmpty();
        assertThat(retool.sandbox().invitesFor("laura@example.com").get(0).metadata()).containsEntry("plan", "team");
        assertThat(app.entry("bob@example.com").signup().firstName()).isEqualTo("Bob");
    }

    @Test
    void aClerkUserUpdatedWithANewPrimaryAddressIsAcknowledgedUnmappedAndTakesNoSecondSeat() throws Exception {
        String created = SenderPayloads.clerkUserCreated("user_2seat", "first.addr@example.org", "old@example.org");
        String updated = created.replace("\"type\": \"user.created\"", "\"type\": \"user.updated\"")
                .replace("first.addr@example.org", "second.addr@example.org");
        String genericUpdate = "{\"type\": \"signup.updated\", \"data\": {\"email\": \"third.addr@example.org\"}}";
        String genericDelete = "{\"type\": \"user.deleted\", \"data\": {\"email\": \"fourth.addr@example.org\"}}";

        HttpResponse<String> createdAnswer = standard("msg_created", created);
        app.awaitReport("standard_webhooks:msg_created");
        List<HttpResponse<String>> changes = List.of(standard("msg_updated", updated),
                standard("msg_generic_updated", genericUpdate), standard("msg_deleted", genericDelete));

        assertThat(createdAnswer.statusCode()).isEqualTo(202);
        assertThat(changes).allSatisfy(answer -> {
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.body()).contains("not mapped");
        });
        assertThat(retool.sandbox().invitesFor("first.addr@example.org")).hasSize(1);
        assertThat(retool.sandbox().invites()).extracting(SandboxInvite::email)
                .doesNotContain("second.addr@example.org", "third.addr@example.org", "fourth.addr@example.org");
        assertThat(app.reports()).hasSize(1);
    }

    @Test
    void anUnmappedEventIsAcknowledgedWithoutABatchAndOneWithoutEmailIsReportedNotRefused() throws Exception {
        HttpResponse<String> invoice = stripe(SenderPayloads.stripeInvoicePaid("evt_invoice"));
        HttpResponse<String> noEmail = stripe(SenderPayloads.stripeCustomerCreated("evt_noemail", "", "Nobody"));

        assertThat(invoice.statusCode()).isEqualTo(200);
        assertThat(invoice.body()).contains("not mapped");
        assertThat(noEmail.statusCode()).isEqualTo(202);
        JsonNode report = app.awaitReport("stripe:evt_noemail");
        assertThat(report.path("lines").get(0).path("status").asText()).isEqualTo("INVALID");
        assertThat(report.path("lines").get(0).path("reason").asText()).contains("no email");
        assertThat(app.reports()).hasSize(1);
        assertThat(RunningApplication.callsBeyondTheLifecycleRead(retool.sandbox())).isEmpty();
    }

    @Test
    void forgedStaleUnsignedOversizedAndQueryStringSignedRequestsAreRefusedAndAcceptNothing() throws Exception {
        String body = SenderPayloads.stripeCustomerCreated("evt_forged", "forged@example.com", "F");
        long now = System.currentTimeMillis() / 1000;
        String signature = SenderSigning.stripe(STRIPE_SECRET, now, body);

        HttpResponse<String> forged = post("/signups/stripe", body, Map.of("Stripe-Signature",
                SenderSigning.stripe("whsec_wrong", now, body)));
        HttpResponse<String> stale = post("/signups/stripe", body, Map.of("Stripe-Signature",
                SenderSigning.stripe(STRIPE_SECRET, now - 600, body)));
        HttpResponse<String> unsigned = post("/signups/typeform", body, Map.of());
        HttpResponse<String> inQuery = post("/signups/stripe?Stripe-Signature="
                                            + signature.replace(",", "%2C").replace("=", "%3D"), body, Map.of());
        HttpResponse<String> oversized = post("/signups/shopify", "{\"email\":\"" + "x".repeat(1024 * 1024) + "\"}",
                Map.of("X-Shopify-Hmac-Sha256", "AAAA", "X-Shopify-Topic", "customers/create"));
        HttpResponse<String> notJson = post("/signups/shopify", "{oops", Map.of("X-Shopify-Hmac-Sha256",
                SenderSigning.shopify(SHOPIFY_SECRET, "{oops"), "X-Shopify-Topic", "customers/create"));

        assertThat(forged.statusCode()).isEqualTo(401);
        assertThat(stale.statusCode()).isEqualTo(401);
        assertThat(stale.body()).contains("too old");
        assertThat(unsigned.statusCode()).isEqualTo(401);
        assertThat(inQuery.statusCode()).isEqualTo(401);
        assertThat(oversized.statusCode()).isEqualTo(413);
        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(app.ledger().find("forged@example.com")).isEmpty();
        assertThat(Files.exists(signups.resolve("reports"))).isFalse();
        assertThat(RunningApplication.callsBeyondTheLifecycleRead(retool.sandbox())).isEmpty();
    }

    @Test
    void hostileFieldsThroughEverySenderAreStoredAsTextOrReportedNeverLostOrInvitedTwice() throws Exception {
        // JSON string contents: escapes stay escapes, so the payload carries the characters they stand for
        List<String> hostileNames = List.of("<script>alert(1)</script>", "Robert'); DROP TABLE signup_ledger;--",
                "\u202Egnp.exe", "=HYPERLINK(\\\"http://x\\\")", "line\\r\\nINVITED forged@example.com",
                "\\u001b[31mred", "x".repeat(300), "\\ud800broken");
        List<String> hostileEmails = List.of("UPPER.Case@Example.COM", "disposable@mailinator.com", "not-an-email",
                "idn@bücher.de", "dup@example.com");
        List<String> senders = List.of("stripe", "standard", "typeform", "shopify");
        Map<String, String> expected = new LinkedHashMap<>();
        int n = 0;
        for (String sender : senders) {
            for (String name : hostileNames) {
                n++;
                String email = sender + n + "@example.com";
                expected.put(send(sender, "h" + n, email, name), email);
            }
            for (String email : hostileEmails) {
                n++;
                expected.put(send(sender, "h" + n, email, "Plain"), email);
            }
        }
        for (Map.Entry<String, String> sent : expected.entrySet()) {
            JsonNode line = app.awaitReport(sent.getKey()).path("lines").get(0);
            // each ends in exactly one report line: invited, refused as an address, known already (UPDATED when a
            // later sender's attributes differ from those applied), or unusable
            assertThat(line.path("status").asText()).as(sent.getKey())
                    .isIn("INVITED", "REJECTED", "DUPLICATE", "UPDATED", "INVALID");
            assertThat(retool.sandbox().invitesFor(sent.getValue())).as(sent.getValue()).hasSizeLessThanOrEqualTo(1);
        }
        assertThat(retool.sandbox().invitesFor("dup@example.com")).hasSize(1);
        assertThat(retool.sandbox().invitesFor("disposable@mailinator.com")).isEmpty();
        assertThat(app.entry("stripe1@example.com").signup().firstName()).isEqualTo("<script>alert(1)</script>");
        assertThat(app.awaitReport("stripe:h7").path("lines").get(0).path("status").asText())
                .as("a name over the limit").isEqualTo("INVALID");
    }

    /** Sends one real-shaped event of the sender, signed as it signs; the name of its report's batch. */
    private String send(String sender, String id, String email, String name) throws Exception {
        long now = System.currentTimeMillis() / 1000;
        HttpResponse<String> answer = switch (sender) {
            case "stripe" -> stripe(SenderPayloads.stripeCustomerCreated(id, email, name));
            case "standard" -> {
                String body = SenderPayloads.clerkUserCreated("user_" + id, email, "other-" + id + "@example.com")
                        .replace("\"first_name\": \"Example\"", "\"first_name\": \"" + name + "\"");
                yield post("/signups/standard", body, Map.of("webhook-id", id, "webhook-timestamp",
                        String.valueOf(now), "webhook-signature", SenderSigning.standard(STANDARD_SECRET, id, now,
                                body)));
            }
            case "typeform" -> {
                String body = SenderPayloads.typeformResponse(id, email).replace("\"text\": \"Laura\"",
                        "\"text\": \"" + name + "\"");
                yield post("/signups/typeform", body, Map.of("Typeform-Signature",
                        SenderSigning.typeform(TYPEFORM_SECRET, body)));
            }
            default -> {
                String body = SenderPayloads.shopifyCustomer(Math.abs(id.hashCode()), email)
                        .replace("\"first_name\": \"Bob\"", "\"first_name\": \"" + name + "\"");
                yield post("/signups/shopify", body, Map.of("X-Shopify-Hmac-Sha256",
                        SenderSigning.shopify(SHOPIFY_SECRET, body), "X-Shopify-Topic", "customers/create",
                        "X-Shopify-Webhook-Id", id));
            }
        };
        assertThat(answer.statusCode()).as(sender + " " + id + ": " + answer.body()).isEqualTo(202);
        return (sender.equals("standard") ? "standard_webhooks" : sender) + ":" + id;
    }

    private HttpResponse<String> stripe(String body) throws Exception {
        long now = System.currentTimeMillis() / 1000;
        return post("/signups/stripe", body, Map.of("Stripe-Signature", SenderSigning.stripe(STRIPE_SECRET, now,
                body)));
    }

    private HttpResponse<String> standard(String id, String body) throws Exception {
        long now = System.currentTimeMillis() / 1000;
        return post("/signups/standard", body, Map.of("webhook-id", id, "webhook-timestamp", String.valueOf(now),
                "webhook-signature", SenderSigning.standard(STANDARD_SECRET, id, now, body)));
    }

    private HttpResponse<String> post(String path, String body, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(app.url(path)))
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        new LinkedHashMap<>(headers).forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
