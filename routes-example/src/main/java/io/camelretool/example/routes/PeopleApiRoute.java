package io.camelretool.example.routes;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelretool.example.SignupServices;
import io.camelretool.example.api.PeopleApi;
import io.camelretool.example.config.AdminToken;
import io.camelretool.example.ledger.LedgerException;
import io.camelretool.example.report.SeatsReportWriter;
import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;

/**
 * The read API on the application's HTTP server (the webhook's): {@code GET /api/people/{email}},
 * {@code GET /api/people}, {@code GET /api/seats} and {@code POST /api/seats/report}, each behind the bearer token
 * ADMIN_TOKEN; and the seats report once a day. Added only when a token is set (or generated for the local sandbox).
 */
public class PeopleApiRoute extends RouteBuilder {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long DAY_MILLIS = 86_400_000L;

    private final AdminToken token;

    public PeopleApiRoute(AdminToken token) {
        this.token = token;
    }

    /** Reads a request's answer. */
    @FunctionalInterface
    private interface Handler {
        PeopleApi.Answer answer(Exchange exchange) throws Exception;
    }

    @Override
    public void configure() {
        SignupServices services = SignupServices.of(getCamelContext());
        PeopleApi api = new PeopleApi(services.ledgerLifecycle(), services.ledger(), services.settings().policy(),
                services.settings().prices());
        // a folder of their own beside the batch reports, so that whatever counts batch reports does not count these
        Path reports = services.settings().reports().resolve("seats");
        SeatsReportWriter seatsReport = new SeatsReportWriter(reports, Clock.systemUTC());

        onException(LedgerException.class).handled(true).logStackTrace(false)
                .log(LoggingLevel.WARN, "The read API cannot reach the ledger: ${exception.message}")
                .process(exchange -> respond(exchange, new PeopleApi.Answer(503,
                        Map.of("error", "the ledger cannot be read right now"))));

        from("platform-http:/api/people/{email}?httpMethodRestrict=GET").routeId("api-person")
                .process(exchange -> guarded(exchange, in -> api.person(in.getMessage().getHeader("email",
                        String.class), query(in))));
        from("platform-http:/api/people?httpMethodRestrict=GET").routeId("api-people")
                .process(exchange -> guarded(exchange, in -> api.people(query(in))));
        from("platform-http:/api/seats?httpMethodRestrict=GET").routeId("api-seats")
                .process(exchange -> guarded(exchange, in -> api.seats(query(in))));
        from("platform-http:/api/seats/report?httpMethodRestrict=POST").routeId("api-seats-report")
                .process(exchange -> guarded(exchange, in -> new PeopleApi.Answer(201,
                        Map.of("report", seatsReport.write(api.seatsJson()).getFileName().toString()))));

        from("timer:seats-report?synchronous=true&delay=10000&period=" + DAY_MILLIS).routeId("seats-report")
                .process(exchange -> log.info("Seats report written: {}", seatsReport.write(api.seatsJson())));
    }

    private void guarded(Exchange exchange, Handler handler) throws Exception {
        String authorization = exchange.getMessage().getHeader("Authorization", String.class);
        // the request's headers (its token among them) must not travel back as response headers
        PeopleApi.Answer answer = token.accepts(authorization) ? handler.answer(exchange)
                : new PeopleApi.Answer(401, Map.of("error", "send Authorization: Bearer <ADMIN_TOKEN>"));
        respond(exchange, answer);
        if (answer.status() == 401) {
            exchange.getMessage().setHeader("WWW-Authenticate", "Bearer");
        }
    }

    private static String query(Exchange exchange) {
        return exchange.getMessage().getHeader(Exchange.HTTP_RAW_QUERY, exchange.getMessage()
                .getHeader(Exchange.HTTP_QUERY, String.class), String.class);
    }

    private static void respond(Exchange exchange, PeopleApi.Answer answer) throws Exception {
        exchange.getMessage().removeHeaders("*");
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, answer.status());
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json");
        exchange.getMessage().setBody(new String(JSON.writeValueAsBytes(answer.body()), StandardCharsets.UTF_8));
    }
}
