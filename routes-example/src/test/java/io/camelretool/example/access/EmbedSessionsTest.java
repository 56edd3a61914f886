package io.camelretool.example.access;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelretool.example.ApplicationSecrets;
import io.camelretool.example.RunningApplication;
import io.camelretool.example.healing.RetoolOutage;
import io.camelretool.example.ledger.LedgerStatus;
import io.camelretool.example.ledger.PersonAccess;
import io.camelretool.sandbox.SandboxPlan;
import io.camelretool.sandbox.junit.RetoolSandboxExtension;
import io.camelretool.testing.SecretScan;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** {@code POST /embed/sessions} of the running application, against the sandbox, as a host backend calls it. */
class EmbedSessionsTest {

    private static final Map<String, String> EMBED_POLICY = Map.of(
            "retool.external-access", "embed",
            "retool.groups.external", "5",
            "retool.attributes.external", "plan=portal",
            "retool.org-domains", "acme.example",
            "embed.landing-page-uuid", "6f1c2d3e-4b5a-4c6d-8e7f-90a1b2c3d4e5",
            "embed.secret", EmbedClient.EMBED_SECRET,
            "api.admin-token", EmbedClient.ADMIN_TOKEN);

    @RegisterExtension
    static RetoolSandboxExtension retool = RetoolSandboxExtension.business();

    @TempDir
    Path signups;

    @RegisterExtension
    final SecretScan secrets = ApplicationSecrets.scan(retool::sandbox, () -> signups, List.of(
            new SecretScan.Secret("the Embed secret", EmbedClient.EMBED_SECRET),
            new SecretScan.Secret("the admin token", EmbedClient.ADMIN_TOKEN)));

    private RunningApplication app;

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    private EmbedClient start(Map<String, String> more) throws Exception {
        Map<String, String> properties = new java.util.HashMap<>(EMBED_POLICY);
        properties.putAll(more);
        app = RunningApplication.start(signups, retool.sandbox(), properties);
        return new EmbedClient(app);
    }

    private void signUpEmbedOnly(String email) throws Exception {
        assertThat(app.postSigned("{\"email\":\"" + email + "\",\"firstName\":\"Ada\",\"attributes\":{\"company\":"
                                  + "\"Analytical\"}}").statusCode()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(20)).until(() -> app.entry(email).status() == LedgerStatus.EMBED_ONLY);
    }

    @Test
    void anEmbedOnlyPersonGetsASessionWithTheirClassGroupsIdentifierAndAttributes() throws Exception {
        EmbedClient host = start(Map.of());
        signUpEmbedOnly("ada@customer.example");

        HttpResponse<String> answer = host.session("{\"email\":\"Ada@Customer.example\",\"externalIdentifier\":"
                                                   + "\"customer-42\",\"lastName\":\"Lovelace\"}");

        assertThat(answer.statusCode()).isEqualTo(200);
        String url = RunningApplication.json(answer.body()).path("embedUrl").asText();
        assertThat(retool.sandbox().embedMints()).singleElement().satisfies(mint -> {
            assertThat(mint.url()).isEqualTo(url);
            assertThat(mint.groupIds()).containsExactly(5);
            assertThat(mint.externalIdentifier()).isEqualTo("customer-42");
            assertThat(mint.email()).isEqualTo("ada@customer.example");
            assertThat(mint.firstName()).isEqualTo("Ada");
            assertThat(mint.lastName()).isEqualTo("Lovelace");
            assertThat(mint.metadata()).containsEntry("plan", "portal").containsEntry("company", "Analytical");
        });
        HttpResponse<String> page = host.open(url);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Ada Lovelace").contains("customer-42");
        assertThat(host.session("{\"email\":\"ada@customer.example\",\"externalIdentifier\":\"customer-42\"}")
                .statusCode()).isEqualTo(200);
        PersonAccess access = app.ledger().access().find("ada@customer.example").orElseThrow();
        assertThat(access.externalId()).isEqualTo("customer-42");
        assertThat(access.sessions()).isEqualTo(2);
        assertThat(access.firstSession()).isNotNull().isBeforeOrEqualTo(access.lastSession());
        assertThat(retool.sandbox().invites()).isEmpty();
    }

    @Test
    void embedUsersAreTheirOwnKindOfSeatInThePeopleApiAndTheSeatsSummary() throws Exception {
        EmbedClient host = start(Map.of());
        signUpEmbedOnly("eve@customer.example");
        signUpEmbedOnly("bob@customer.example");
        assertThat(host.session("{\"email\":\"eve@customer.example\",\"externalIdentifier\":\"c-7\"}").statusCode())
                .isEqualTo(200);

        JsonNode seats = RunningApplication.json(app.api("GET", "/api/seats", "Bearer " + EmbedClient.ADMIN_TOKEN)
                .body());
        assertThat(seats.path("embed").path("EXTERNAL").asInt()).isEqualTo(2);
        assertThat(seats.path("embedWithSessions").asInt()).isEqualTo(1);
        assertThat(seats.path("joined").path("EXTERNAL").asInt()).isZero();
        assertThat(seats.path("pending").path("EXTERNAL").asInt()).isZero();
        JsonNode eve = RunningApplication.json(app.api("GET", "/api/people/eve@customer.example",
                "Bearer " + EmbedClient.ADMIN_TOKEN).body());
        assertThat(eve.path("seat").asText()).isEqualTo("EMBED");
        assertThat(eve.path("embed").path("externalIdentifier").asText()).isEqualTo("c-7");
        assertThat(eve.path("embed").path("sessions").asInt()).isEqualTo(1);
        assertThat(eve.path("embed").path("firstSession").asText()).isNotBlank();
        JsonNode page = RunningApplication.json(app.api("GET", "/api/people?status=EMBED_ONLY",
                "Bearer " + EmbedClient.ADMIN_TOKEN).body());
        assertThat(page.path("people").findValuesAsText("seat")).containsExactly("EMBED", "EMBED");
    }

    @Test
    void aJoinedPersonIsServedThroughEmbedOnlyWhenThePolicyLetsInvitedPeopleIn() throws Exception {
        // invites join groups on Enterprise only
        retool.sandbox().setPlan(SandboxPlan.ENTERPRISE);
        start(Map.of("embed.for-invited", "true", "lifecycle.period", "1000", "retool.groups.end-user", "3"));
        assertThat(app.postSigned("{\"email\":\"kim@acme.example\"}").statusCode()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(20)).until(() -> app.entry("kim@acme.example").status()
                                                           == LedgerStatus.INVITED);
        retool.sandbox().claimInvite(app.entry("kim@acme.example").inviteId().intValue());
        await().atMost(Duration.ofSeconds(20)).until(() -> app.entry("kim@acme.example").status()
                                                           == LedgerStatus.JOINED);
        EmbedClient host = new EmbedClient(app);

        HttpResponse<String> answer = host.session("{\"email\":\"kim@acme.example\",\"externalIdentifier\":\"k-1\"}");

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(retool.sandbox().embedMints()).singleElement()
                .satisfies(mint -> assertThat(mint.groupIds()).contains(3));
        app.close();
        start(Map.of("embed.for-invited", "false"));
        HttpResponse<String> refused = new EmbedClient(app).session("{\"email\":\"kim@acme.example\","
                                                                    + "\"externalIdentifier\":\"k-1\",\"nonce\":\"2\"}");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("JOINED").contains("EMBED_FOR_INVITED");
    }

    /** Signs a person up while the pipeline is stopped, so their row stays RECEIVED: signed up, not yet decided. */
    private void signUpUndecided(String email) throws Exception {
        app.context().getRouteController().stopRoute("invite-pipeline");
        assertThat(app.postSigned("{\"email\":\"" + email + "\"}").statusCode()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(10)).until(() -> app.ledger().find(email).isPresent());
        assertThat(app.entry(email).status()).isEqualTo(LedgerStatus.RECEIVED);
    }

    @Test
    void anUndecidedPersonIsAskedToComeBackInAMomentRatherThanRefused() throws Exception {
        EmbedClient host = start(Map.of());
        signUpUndecided("soon@customer.example");

        HttpResponse<String> answer = host.session("{\"email\":\"soon@customer.example\",\"externalIdentifier\":"
                                                   + "\"s-1\"}");

        assertThat(answer.statusCode()).isEqualTo(503);
        assertThat(answer.headers().firstValue("Retry-After")).hasValue("5");
        assertThat(answer.body()).contains("not yet decided");
        assertThat(retool.sandbox().embedMints()).isEmpty();
    }

    @Test
    void withSignupOnFirstUseAnUndecidedPersonIsDecidedAtOnceAndServed() throws Exception {
        EmbedClient host = start(Map.of("embed.signup-on-first-use", "true"));
        signUpUndecided("now@customer.example");

        HttpResponse<String> answer = host.session("{\"email\":\"now@customer.example\",\"externalIdentifier\":"
                                                   + "\"n-1\"}");

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(app.entry("now@customer.example").status()).isEqualTo(LedgerStatus.EMBED_ONLY);
        assertThat(retool.sandbox().embedMints()).singleElement()
                .satisfies(mint -> assertThat(mint.externalIdentifier()).isEqualTo("n-1"));
    }

    @Test
    void aRequestWrongInSeveralFieldsIsAnsweredWithEveryFieldErrorAtOnceTheEmailIncluded() throws Exception {
        EmbedClient host = start(Map.of());

        HttpResponse<String> answer = host.session("{\"email\":\"not-an-email\",\"groups\":[1],"
                                                   + "\"landingPageUuid\":\"nope\",\"nonce\":\"n7\"}");

        assertThat(answer.statusCode()).isEqualTo(400);
        JsonNode errors = RunningApplication.json(answer.body()).path("errors");
        assertThat(errors.fieldNames()).toIterable()
                .containsExactlyInAnyOrder("email", "groups", "externalIdentifier", "landingPageUuid");
        assertThat(errors.path("email").asText()).isEqualTo("is not an email address");
        HttpResponse<String> controlCharacter = host.session("{\"email\":\"a@customer.example\","
                                                             + "\"firstName\":\"A\\u0007\"}");
        assertThat(RunningApplication.json(controlCharacter.body()).path("errors").fieldNames()).toIterable()
                .containsExactlyInAnyOrder("firstName", "externalIdentifier");
        assertThat(retool.sandbox().embedMints()).isEmpty();
    }

    @Test
    void refusesEachRequestItCannotServeWithItsReason() throws Exception {
        EmbedClient host = start(Map.of());
        signUpEmbedOnly("ada@customer.example");
        signUpEmbedOnly("bob@customer.example");
        assertThat(app.postSigned("{\"email\":\"carol@acme.example\"}").statusCode()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(20)).until(() -> app.entry("carol@acme.example").status()
                                                           == LedgerStatus.INVITED);
        String ada = "{\"email\":\"ada@customer.example\",\"externalIdentifier\":\"customer-42\"}";
        assertThat(host.session(ada).statusCode()).isEqualTo(200);

        HttpResponse<String> forged = host.session(ada, String.valueOf(System.currentTimeMillis() / 1000),
                "sha256=" + "0".repeat(64));
        HttpResponse<String> unsigned = host.session(ada, null, null);
        HttpResponse<String> fieldErrors = host.session("{\"email\":\"not-an-address\",\"externalIdentifier\":{},"
                                                        + "\"landingPageUuid\":\"home\",\"role\":\"admin\"}");
        HttpResponse<String> unknown = host.session("{\"email\":\"eve@customer.example\",\"externalIdentifier\":\"e\"}");
        HttpResponse<String> otherIdentifier = host.session(
                "{\"email\":\"ada@customer.example\",\"externalIdentifier\":\"customer-43\"}");
        HttpResponse<String> takenIdentifier = host.session(
                "{\"email\":\"bob@customer.example\",\"externalIdentifier\":\"customer-42\"}");
        HttpResponse<String> invited = host.session("{\"email\":\"carol@acme.example\",\"externalIdentifier\":\"c\"}");

        assertThat(forged.statusCode()).isEqualTo(401);
        assertThat(unsigned.statusCode()).isEqualTo(401);
        assertThat(fieldErrors.statusCode()).isEqualTo(400);
        assertThat(RunningApplication.json(fieldErrors.body()).path("errors").fieldNames())
                .toIterable().containsExactlyInAnyOrder("email", "externalIdentifier", "landingPageUuid", "role");
        assertThat(unknown.statusCode()).isEqualTo(403);
        assertThat(unknown.body()).contains("unknown to the ledger");
        assertThat(otherIdentifier.statusCode()).isEqualTo(409);
        assertThat(takenIdentifier.statusCode()).isEqualTo(409);
        assertThat(invited.statusCode()).isEqualTo(403);
        assertThat(invited.body()).contains("EMBED_FOR_INVITED");
        assertThat(retool.sandbox().embedMints()).hasSize(1);
    }

    @Test
    void anUnknownPersonIsSignedUpOnFirstUseThenServed() throws Exception {
        EmbedClient host = start(Map.of("embed.signup-on-first-use", "true"));

        HttpResponse<String> newcomer = host.session("{\"email\":\"dan@customer.example\",\"externalIdentifier\":7}");
        HttpResponse<String> disposable = host.session("{\"email\":\"x@mailinator.com\",\"externalIdentifier\":8}");

        assertThat(newcomer.statusCode()).isEqualTo(200);
        assertThat(app.entry("dan@customer.example").status()).isEqualTo(LedgerStatus.EMBED_ONLY);
        assertThat(app.entry("dan@customer.example").signup().source().name()).isEqualTo("EMBED");
        assertThat(disposable.statusCode()).isEqualTo(403);
        assertThat(disposable.body()).contains("not admitted");
        assertThat(retool.sandbox().embedMints()).singleElement()
                .satisfies(mint -> assertThat(mint.externalIdentifier()).isEqualTo("7"));
    }

    @Test
    void answers503WithRetryAfterWhenRetoolCannotBeReached() throws Exception {
        EmbedClient host = start(Map.of());
        signUpEmbedOnly("ada@customer.example");
        retool.sandbox().faults().serverErrorRate(1.0);

        HttpResponse<String> answer = host.session(
                "{\"email\":\"ada@customer.example\",\"externalIdentifier\":\"customer-42\"}");

        retool.sandbox().faults().clear();
        assertThat(answer.statusCode()).isEqualTo(503);
        assertThat(answer.headers().firstValue("Retry-After")).isPresent();
        assertThat(app.ledger().access().find("ada@customer.example").orElseThrow().sessions()).isZero();
    }

    @Test
    void answers503WithoutCallingRetoolWhileTheApplicationHoldsRetoolBack() throws Exception {
        EmbedClient host = start(Map.of());
        signUpEmbedOnly("ada@customer.example");
        retool.sandbox().faults().serverErrorRate(1.0);
        // each request its own delivery (a replay would be refused): the same fields, spaced differently
        java.util.function.IntFunction<String> request = spaces -> "{" + " ".repeat(spaces)
                + "\"email\":\"ada@customer.example\",\"externalIdentifier\":\"customer-42\"}";
        int[] sent = { 0 };
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            host.session(request.apply(sent[0]++));
            return app.bean(RetoolOutage.class).holdsBack();
        });
        int before = retool.sandbox().requests().size();

        HttpResponse<String> answer = host.session(request.apply(sent[0]));

        assertThat(answer.statusCode()).isEqualTo(503);
        assertThat(answer.headers().firstValue("Retry-After")).isPresent();
        assertThat(retool.sandbox().requests()).as("calls while held back").hasSize(before);
        retool.sandbox().faults().clear();
    }

    @Test
    void anOffboardedPersonIsRefusedWithTheReason() throws Exception {
        EmbedClient host = start(Map.of());
        signUpEmbedOnly("ada@customer.example");

        HttpResponse<String> offboarded = host.offboard("ada@customer.example", EmbedClient.ADMIN_TOKEN);
        HttpResponse<String> session = host.session(
                "{\"email\":\"ada@customer.example\",\"externalIdentifier\":\"customer-42\"}");

        assertThat(offboarded.statusCode()).isEqualTo(200);
        assertThat(RunningApplication.json(offboarded.body()).path("status").asText()).isEqualTo("OFFBOARDED");
        assertThat(session.statusCode()).isEqualTo(403);
        assertThat(session.body()).contains("offboarded").contains("admin-api");
        assertThat(retool.sandbox().embedMints()).isEmpty();
        assertThat(offboarded.body()).contains("Embed sessions refused");
    }
}
