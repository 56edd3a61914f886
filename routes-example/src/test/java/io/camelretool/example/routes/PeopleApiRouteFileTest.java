package io.camelretool.example.routes;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelretool.component.classify.SeatPriceTable;
import io.camelretool.component.classify.SignupClassifier;
import io.camelretool.component.classify.UserClass;
import io.camelretool.example.api.AdminGate;
import io.camelretool.example.api.PeopleApi;
import io.camelretool.example.api.ReadApi;
import io.camelretool.example.config.AdminToken;
import io.camelretool.example.ledger.Ledger;
import io.camelretool.example.ledger.LedgerLifecycle;
import io.camelretool.example.pipeline.SignupIntake;
import io.camelretool.example.policy.ClassSettings;
import io.camelretool.example.policy.ExternalAccess;
import io.camelretool.example.policy.SignupPolicy;
import io.camelretool.example.report.SeatsReportWriter;
import io.camelretool.example.signup.Signup;
import io.camelretool.example.signup.SignupSource;
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
 * The route file {@code camel/people-api.camel.yaml} alone, as {@code camel-test-main-junit5} starts it: its beans
 * over an in-memory ledger and a reports folder under target/, fed through {@code direct:} endpoints in place of the
 * HTTP ones. The HTTP server's part (the token read from the request's headers, paging through real requests) is in
 * {@code PeopleApiTest}, which runs it all.
 */
@CamelMainTest(propertyPlaceholderLocations = "classpath:route-tests/people-api.properties",
               configurationClasses = PeopleApiRouteFileTest.Beans.class,
               replaceRouteFromWith = { "api-person=direct:person", "api-people=direct:people",
                                        "api-seats=direct:seats", "api-seats-report=direct:seats-report" })
class PeopleApiRouteFileTest {

    static final String TOKEN = "route-test-admin-token";
    private static final Path REPORTS = Path.of("target/route-tests/people-api-" + UUID.randomUUID());
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * The routes' beans, as an application binds them: here over a ledger in memory. The database is made once per
     * context, whatever order Camel calls these methods in (the application binds its ledger before its beans).
     */
    public static class Beans implements CamelConfiguration {

        private DataSource memory;

        @BindToRegistry("ledgerDataSource")
        public synchronized DataSource memory() {
            if (memory == null) {
                memory = RouteTestLedgers.memory("people-api");
                new Ledger(memory, Clock.systemUTC()).createSchema();
            }
            return memory;
        }

        @BindToRegistry("ledger")
        public Ledger ledger() {
            return new Ledger(memory(), Clock.systemUTC());
        }

        @BindToRegistry("adminGate")
        public AdminGate adminGate() {
            return new AdminGate(AdminToken.resolve(TOKEN, false));
        }

        @BindToRegistry("readApi")
        public ReadApi readApi() {
            SignupPolicy policy = new SignupPolicy(Map.of(
                    UserClass.EXTERNAL, new ClassSettings(List.of(), Map.of()),
                    UserClass.END_USER, new ClassSettings(List.of(), Map.of()),
                    UserClass.STANDARD_USER, new ClassSettings(List.of(), Map.of())), ExternalAccess.INVITE, 50);
            return new ReadApi(new PeopleApi(new LedgerLifecycle(memory(), Clock.systemUTC()),
                    new Ledger(memory(), Clock.systemUTC()), policy, SeatPriceTable.businessPlanDefaults()),
                    new SeatsReportWriter(REPORTS, Clock.systemUTC()));
        }
    }

    @BeanInject
    Ledger ledger;

    @BeanInject("ledgerDataSource")
    DataSource ledgerDatabase;

    @Produce("direct:people")
    ProducerTemplate api;

    @Test
    void withoutTheTokenEveryRouteIs401AndWritesNothing() throws IOException {
        List<String> before = reportNames();
        for (String authorization : new String[] { null, "Bearer wrong", "Basic " + TOKEN, "Bearer" + TOKEN }) {
            for (String endpoint : new String[] { "direct:person", "direct:people", "direct:seats",
                                                  "direct:seats-report" }) {
                Exchange answer = call(endpoint, authorization, "ada@example.com", null);

                assertThat(answer.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE)).as(endpoint + " with "
                                                                                           + authorization)
                        .isEqualTo(401);
                assertThat(answer.getMessage().getHeader("WWW-Authenticate")).isEqualTo("Bearer");
            }
        }
        assertThat(reportNames()).isEqualTo(before);
    }

    @Test
    void answersAPersonWhereTheyStandAndAnUnknownOne404() throws Exception {
        signUp("ada@example.com");

        Exchange known = call("direct:person", "Bearer " + TOKEN, "Ada@Example.com", null);
        Exchange unknown = call("direct:person", "Bearer " + TOKEN, "nobody@example.com", null);

        assertThat(known.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE)).isEqualTo(200);
        JsonNode person = JSON.readTree(known.getMessage().getBody(String.class));
        assertThat(person.path("email").asText()).isEqualTo("ada@example.com");
        assertThat(person.path("status").asText()).isEqualTo("RECEIVED");
        assertThat(known.getMessage().getHeaders()).doesNotContainKey("Authorization");
        assertThat(unknown.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE)).isEqualTo(404);
    }

    @Test
    void pagesPeopleAndRefusesAMalformedParameterNamingIt() throws Exception {
        signUp("ada@example.com");
        signUp("grace@example.com");

        Exchange page = call("direct:people", "Bearer " + TOKEN, null, "limit=1");
        Exchange malformed = call("direct:people", "Bearer " + TOKEN, null, "status=BOGUS");

        assertThat(page.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE)).isEqualTo(200);
        JsonNode body = JSON.readTree(page.getMessage().getBody(String.class));
        assertThat(body.path("people")).hasSize(1);
        assertThat(body.path("nextCursor").asText()).isNotBlank();
        assertThat(malformed.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE)).isEqualTo(400);
        assertThat(malformed.getMessage().getBody(String.class)).contains("status");
    }

    @Test
    void answersTheSeatsAndWritesTheSeatsReportOnRequest() throws Exception {
        Exchange seats = call("direct:seats", "Bearer " + TOKEN, null, null);
        Exchange report = call("direct:seats-report", "Bearer " + TOKEN, null, null);

        assertThat(seats.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE)).isEqualTo(200);
        assertThat(report.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE)).isEqualTo(201);
        String name = JSON.readTree(report.getMessage().getBody(String.class)).path("report").asText();
        assertThat(REPORTS.resolve(name)).exists();
        assertThat(reportNames()).contains(name);
    }

    @Test
    void aLedgerThatCannotBeReadIs503() throws Exception {
        RouteTestLedgers.breakLedger(ledgerDatabase);

        Exchange answer = call("direct:people", "Bearer " + TOKEN, null, null);

        assertThat(answer.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE)).isEqualTo(503);
        assertThat(JSON.readTree(answer.getMessage().getBody(String.class)).path("error").asText())
                .contains("ledger");
        assertThat(answer.getException()).isNull();
    }

    private void signUp(String email) {
        SignupIntake intake = new SignupIntake(ledger, SignupClassifier.builder().build());
        intake.acceptBatch(SignupSource.CSV, "route-test-" + UUID.randomUUID(), List.of(intake.arrival(1,
                new Signup(email, null, null, null, null, null, null, SignupSource.CSV, "route-test.csv:2"))));
    }

    private static List<String> reportNames() throws IOException {
        if (!Files.isDirectory(REPORTS)) {
            return List.of();
        }
        try (var files = Files.list(REPORTS)) {
            return files.map(file -> file.getFileName().toString()).toList();
        }
    }

    private Exchange call(String endpoint, String authorization, String email, String query) {
        return api.request(endpoint, exchange -> {
            Map<String, Object> headers = new HashMap<>();
            if (authorization != null) {
                headers.put("Authorization", authorization);
            }
            if (email != null) {
                headers.put("email", email);
            }
            if (query != null) {
                headers.put(Exchange.HTTP_RAW_QUERY, query);
            }
            exchange.getMessage().setHeaders(headers);
        });
    }
}
