package io.camelretool.example.routes;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelretool.component.model.EmailAddresses;
import io.camelretool.example.SignupServices;
import io.camelretool.example.access.Offboarding;
import io.camelretool.example.config.AdminToken;
import io.camelretool.example.ledger.LedgerException;
import io.camelretool.example.ledger.PersonAccess;
import io.vertx.core.http.HttpServerRequest;
import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.platform.http.vertx.HttpMessage;

/**
 * Offboarding. The admin API's {@code DELETE /api/people/{email}} with {@code Authorization: Bearer <ADMIN_TOKEN>}
 * (when the token is set) takes the person's access away: 200 with the person's offboarding record once done (or when
 * it was done before), 202 when Retool's part is still to come (finished in the background), 400 for a malformed
 * email, 401 without the token, 404 for a person the ledger does not know, 409 while an invite call for them is in
 * flight. {@code POST /api/people/{email}/readmit} (same token) lets an offboarded person in again: 200 with their
 * record (the row starts over at RECEIVED), 404 unknown, 409 not offboarded. A sweeper finishes every offboarding
 * recorded but not yet done: those a CSV row or a webhook item with
 * {@code action} {@code remove} asked for, and those a crash or an unreachable Retool left part way.
 */
public class OffboardingRoute extends RouteBuilder {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** An intent this old is the sweeper's: younger ones may still be under way in the API call that made them. */
    private static final Duration GRACE = Duration.ofSeconds(5);

    private final AdminToken token;

    /** @param token the admin API's token; the API is not served when it is not enabled */
    public OffboardingRoute(AdminToken token) {
        this.token = token;
    }

    @Override
    public void configure() {
        Offboarding offboarding = SignupServices.of(getCamelContext())
                .offboarding(getCamelContext().createProducerTemplate());

        from("timer:offboarding-sweeper?synchronous=true&delay=1000&period={{pipeline.poll-delay}}")
                .routeId("offboarding-sweeper")
                .onException(LedgerException.class).handled(true).logStackTrace(false)
                    .log(LoggingLevel.WARN, "The offboarding sweeper cannot reach the ledger: ${exception.message}")
                .end()
                .process(exchange -> offboarding.finishLeftBehind(GRACE));

        if (!token.isSet()) {
            return;
        }
        from("platform-http:/api/people/{email}?httpMethodRestrict=DELETE").routeId("admin-offboard")
                .onException(LedgerException.class).handled(true)
                    .log(LoggingLevel.ERROR, "Offboarding refused with 503: ${exception.message}")
                    .process(exchange -> respond(exchange, 503, Map.of("error", "the ledger cannot be reached")))
                .end()
                .process(exchange -> offboard(exchange, offboarding));
        from("platform-http:/api/people/{email}/readmit?httpMethodRestrict=POST").routeId("admin-readmit")
                .onException(LedgerException.class).handled(true)
                    .log(LoggingLevel.ERROR, "Re-admission refused with 503: ${exception.message}")
                    .process(exchange -> respond(exchange, 503, Map.of("error", "the ledger cannot be reached")))
                .end()
                .process(exchange -> readmit(exchange, offboarding));
    }

    /**
     * The email key of {@code /api/people/{email}} or {@code /api/people/{email}/readmit}; null when it is malformed,
     * and the 400 is answered.
     */
    private static String emailOrRefuse(Exchange exchange, String path, boolean readmit) throws Exception {
        String rest = readmit ? path.substring(0, path.lastIndexOf('/')) : path;
        String email;
        try {
            email = URLDecoder.decode(rest.substring(rest.lastIndexOf('/') + 1).replace("+", "%2B"),
                    StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            email = "";
        }
        if (email.length() > 320 || !EmailAddresses.isValid(email.strip())) {
            respond(exchange, 400, Map.of("errors", Map.of("email", "is not an email address")));
            return null;
        }
        return EmailAddresses.key(email.strip());
    }

    /** Checks the admin token; false when the 401 is answered. */
    private boolean authorized(Exchange exchange, HttpServerRequest http) throws Exception {
        String authorization = http.getHeader("Authorization");
        exchange.getMessage().removeHeaders("*");
        if (!token.accepts(authorization)) {
            exchange.getMessage().setHeader("WWW-Authenticate", "Bearer");
            respond(exchange, 401, Map.of("error", "send Authorization: Bearer <ADMIN_TOKEN>"));
            return false;
        }
        return true;
    }

    private void readmit(Exchange exchange, Offboarding offboarding) throws Exception {
        HttpServerRequest http = exchange.getIn(HttpMessage.class).getRequest();
        if (!authorized(exchange, http)) {
            return;
        }
        String emailKey = emailOrRefuse(exchange, http.path(), true);
        if (emailKey == null) {
            return;
        }
        switch (offboarding.readmit(emailKey, "admin-api")) {
            case UNKNOWN -> respond(exchange, 404, Map.of("error", "the ledger does not know this person"));
            case NOT_OFFBOARDED -> respond(exchange, 409, Map.of("error", "this person is not offboarded (or the "
                                                                          + "offboarding is still under way)"));
            default -> respond(exchange, 200, describe(offboarding.person(emailKey).orElseThrow()));
        }
    }

    private void offboard(Exchange exchange, Offboarding offboarding) throws Exception {
        // from the HTTP request itself: Camel would make a query parameter (?Authorization=...) a header too
        HttpServerRequest http = exchange.getIn(HttpMessage.class).getRequest();
        if (!authorized(exchange, http)) {
            return;
        }
        String emailKey = emailOrRefuse(exchange, http.path(), false);
        if (emailKey == null) {
            return;
        }
        Offboarding.Result result = offboarding.offboard(emailKey, "admin-api", null);
        switch (result.start()) {
            case UNKNOWN -> respond(exchange, 404, Map.of("error", "the ledger does not know this person"));
            case BUSY -> respond(exchange, 409, Map.of("error", "an invite call for this person is in flight; "
                                                                + "ask again in a moment"));
            default -> {
                PersonAccess person = result.person().orElseThrow();
                respond(exchange, person.status().isSettled() ? 200 : 202, describe(person));
            }
        }
    }

    /** The person's offboarding record as the API shows it. */
    static Map<String, Object> describe(PersonAccess person) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("email", person.emailKey());
        body.put("status", person.status().name());
        body.put("offboardedAt", String.valueOf(person.offboardedAt()));
        body.put("offboardedBy", person.offboardedBy());
        body.put("offboardedFrom", person.offboardedFrom() == null ? null : person.offboardedFrom().name());
        body.put("note", person.offboardNote());
        body.put("accountStillActive", person.accountActive());
        return body;
    }

    private static void respond(Exchange exchange, int status, Object json) throws Exception {
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json");
        exchange.getMessage().setBody(new String(JSON.writeValueAsBytes(json), StandardCharsets.UTF_8));
    }
}
