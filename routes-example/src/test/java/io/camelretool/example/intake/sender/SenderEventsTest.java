package io.camelretool.example.intake.sender;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelretool.example.signup.Signup;
import io.camelretool.example.signup.SignupSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SenderEventsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void stripeCheckoutNamesTheBuyerAndMapsConfiguredMetadata() throws Exception {
        StripeEvents stripe = new StripeEvents(PayloadMapping.parse("plan=metadata.plan", "metadata.retool_groups",
                "STRIPE"));

        SenderEvent event = stripe.map(json(SenderPayloads.stripeCheckoutCompleted("evt_1", "jenny@example.com",
                "Jenny van Rosen", "pro")), request(Map.of()), "evt_1");

        Signup signup = ((SenderEvent.Mapped) event).signup();
        assertThat(signup.email()).isEqualTo("jenny@example.com");
        assertThat(signup.firstName()).isEqualTo("Jenny");
        assertThat(signup.lastName()).isEqualTo("van Rosen");
        assertThat(signup.attributes()).containsExactly(Map.entry("plan", "pro"));
        assertThat(signup.groups()).containsExactly(7);
        assertThat(signup.source()).isEqualTo(SignupSource.STRIPE);
        assertThat(signup.sourceRef()).isEqualTo("stripe:evt_1");
    }

    @Test
    void stripeCustomerCreatedIsMappedAndOtherEventTypesAreNot() throws Exception {
        StripeEvents stripe = new StripeEvents(PayloadMapping.NONE);

        SenderEvent customer = stripe.map(json(SenderPayloads.stripeCustomerCreated("evt_2", "cus@example.com",
                "Solo")), request(Map.of()), "evt_2");
        SenderEvent invoice = stripe.map(json(SenderPayloads.stripeInvoicePaid("evt_3")), request(Map.of()), "evt_3");

        assertThat(((SenderEvent.Mapped) customer).signup().firstName()).isEqualTo("Solo");
        assertThat(((SenderEvent.Mapped) customer).signup().lastName()).isNull();
        assertThat(invoice).isEqualTo(new SenderEvent.Unmapped("evt_3", "invoice.paid"));
    }

    @Test
    void aMappedEventWithoutEmailOrWithAValueOutsideTheLimitsIsUnusableWithTheReason() throws Exception {
        StripeEvents stripe = new StripeEvents(PayloadMapping.parse("plan=metadata.plan", "metadata.retool_groups",
                "STRIPE"));
        String noEmail = SenderPayloads.stripeCustomerCreated("evt_4", "", "Nobody");
        String badGroup = SenderPayloads.stripeCheckoutCompleted("evt_5", "a@example.com", "A", "pro")
                .replace("\"retool_groups\": \"7\"", "\"retool_groups\": \"admins\"");
        String longPlan = SenderPayloads.stripeCheckoutCompleted("evt_6", "a@example.com", "A", "p".repeat(2001));

        assertThat(((SenderEvent.Unusable) stripe.map(json(noEmail), request(Map.of()), "evt_4")).reason())
                .contains("no email");
        assertThat(((SenderEvent.Unusable) stripe.map(json(badGroup), request(Map.of()), "evt_5")).reason())
                .contains("metadata.retool_groups").contains("not a Retool group id").doesNotContain("admins");
        assertThat(((SenderEvent.Unusable) stripe.map(json(longPlan), request(Map.of()), "evt_6")).reason())
                .contains("attributes.plan");
    }

    @Test
    void clerkUserCreatedTakesThePrimaryAddressAndAGenericDataObjectIsASignup() throws Exception {
        StandardWebhookEvents standard = new StandardWebhookEvents(PayloadMapping.parse("plan=public_metadata.plan",
                "", "STANDARD_WEBHOOK"));

        Signup clerk = ((SenderEvent.Mapped) standard.map(json(SenderPayloads.clerkUserCreated("user_29w83",
                "primary@example.com", "other@example.com")), request(Map.of()), "msg_1")).signup();
        Signup generic = ((SenderEvent.Mapped) standard.map(json("{\"type\": \"signup.created\", \"data\": {\"email\":"
                + " \"gen@example.com\", \"firstName\": \"Gen\", \"lastName\": \"Eric\"}}"), request(Map.of()), "msg_2"))
                .signup();
        SenderEvent session = standard.map(json("{\"type\": \"session.created\", \"data\": {\"id\": \"sess_1\"}}"),
                request(Map.of()), "msg_3");

        assertThat(clerk.email()).isEqualTo("primary@example.com");
        assertThat(clerk.firstName()).isEqualTo("Example");
        assertThat(clerk.lastName()).isEqualTo("Person");
        assertThat(clerk.attributes()).containsEntry("plan", "pro");
        assertThat(clerk.source()).isEqualTo(SignupSource.STANDARD_WEBHOOKS);
        assertThat(generic.email()).isEqualTo("gen@example.com");
        assertThat(generic.lastName()).isEqualTo("Eric");
        assertThat(session).isInstanceOf(SenderEvent.Unmapped.class);
    }

    @Test
    void onlyACreationIsASignupNeitherAClerkUserUpdatedNorAnyUpdatedOrDeletedEvent() throws Exception {
        StandardWebhookEvents standard = new StandardWebhookEvents(PayloadMapping.NONE);
        String created = SenderPayloads.clerkUserCreated("user_1", "first.addr@example.org", "o@example.org");
        String clerkUpdated = created.replace("\"user.created\"", "\"user.updated\"");
        String clerkElsewhere = created.replace("\"user.created\"", "\"organizationMembership.created\"");
        String genericUpdated = "{\"type\": \"signup.updated\", \"data\": {\"email\": \"g@example.com\"}}";
        String genericDeleted = "{\"type\": \"user.deleted\", \"data\": {\"email\": \"g@example.com\"}}";

        assertThat(standard.map(json(created), request(Map.of()), "msg_1")).isInstanceOf(SenderEvent.Mapped.class);
        for (String unmapped : List.of(clerkUpdated, clerkElsewhere, genericUpdated, genericDeleted)) {
            assertThat(standard.map(json(unmapped), request(Map.of()), "msg_2")).as(unmapped)
                    .isInstanceOf(SenderEvent.Unmapped.class);
        }
    }

    @Test
    void clerkUserWhosePrimaryAddressIsNotListedIsUnusable() throws Exception {
        StandardWebhookEvents standard = new StandardWebhookEvents(PayloadMapping.NONE);
        String body = SenderPayloads.clerkUserCreated("user_1", "p@example.com", "o@example.com")
                .replace("\"primary_email_address_id\": \"idn_primary\"", "\"primary_email_address_id\": \"idn_x\"");

        assertThat(standard.map(json(body), request(Map.of()), "msg_4")).isInstanceOf(SenderEvent.Unusable.class);
    }

    @Test
    void typeformTakesTheEmailAnswerNamesByRefAndAnswersAndHiddenFieldsByPath() throws Exception {
        TypeformEvents typeform = new TypeformEvents(PayloadMapping.parse(
                "plan=hidden.plan, team_size=answers.team_size", "", "TYPEFORM"), "first_name", "last_name");

        Signup signup = ((SenderEvent.Mapped) typeform.map(json(SenderPayloads.typeformResponse("01HXYZ",
                "laura@example.com")), request(Map.of()), "01HXYZ")).signup();

        assertThat(signup.email()).isEqualTo("laura@example.com");
        assertThat(signup.firstName()).isEqualTo("Laura");
        assertThat(signup.lastName()).isEqualTo("Diaz");
        assertThat(signup.attributes()).containsEntry("plan", "team").containsEntry("team_size", "11-50");
        assertThat(typeform.map(json("{\"event_type\": \"form_partial\", \"event_id\": \"e\"}"), request(Map.of()),
                "e")).isInstanceOf(SenderEvent.Unmapped.class);
    }

    @Test
    void shopifyMapsCustomersCreateByItsTopicHeader() throws Exception {
        ShopifyEvents shopify = new ShopifyEvents(PayloadMapping.parse("shop_tags=tags", "", "SHOPIFY"));
        JsonNode customer = json(SenderPayloads.shopifyCustomer(706405506930370084L, "bob@example.com"));

        Signup signup = ((SenderEvent.Mapped) shopify.map(customer, request(Map.of("X-Shopify-Topic",
                "customers/create")), "wh-1")).signup();
        SenderEvent update = shopify.map(customer, request(Map.of("X-Shopify-Topic", "customers/update")), "wh-2");

        assertThat(signup.email()).isEqualTo("bob@example.com");
        assertThat(signup.firstName()).isEqualTo("Bob");
        assertThat(signup.attributes()).containsEntry("shop_tags", "wholesale");
        assertThat(update).isEqualTo(new SenderEvent.Unmapped("wh-2", "customers/update"));
    }

    @Test
    void aMappingThatIsNotNameEqualsPathStopsTheStartNamingTheVariable() {
        assertThatThrownBy(() -> PayloadMapping.parse("Plan=metadata.plan", "", "STRIPE"))
                .hasMessageContaining("STRIPE_ATTRIBUTES");
        assertThatThrownBy(() -> PayloadMapping.parse("plan=metadata..plan", "", "STRIPE"))
                .hasMessageContaining("STRIPE_ATTRIBUTES");
        assertThatThrownBy(() -> PayloadMapping.parse("", "metadata groups", "STRIPE"))
                .hasMessageContaining("STRIPE_GROUPS");
    }

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    private static SenderRequest request(Map<String, String> headers) {
        return SenderSignaturesTest.request(headers, "");
    }
}
