package io.camelretool.example.api;

import java.util.Map;

import io.camelretool.example.config.AdminToken;
import io.camelretool.example.http.RequestParts;
import org.apache.camel.Exchange;

/**
 * The admin API's door, registered as the bean {@code adminGate} and called first by every route of
 * {@code camel/people-api.camel.yaml} and {@code camel/offboarding-api.camel.yaml}: a request without
 * {@code Authorization: Bearer <ADMIN_TOKEN>} (in its headers: a token in the URL never counts) is answered 401 and
 * marked with the exchange property {@value #REFUSED}; the routes' other steps run only for the others.
 */
public final class AdminGate {

    /** The exchange property set on a request the gate answered 401. */
    public static final String REFUSED = "adminRefused";

    private final AdminToken token;

    /** @param token the admin API's token; one that is not set lets nobody through */
    public AdminGate(AdminToken token) {
        this.token = token;
    }

    /** Lets a request with the token through; answers any other 401 and marks it {@value #REFUSED}. */
    public void check(Exchange exchange) {
        boolean accepted = token.accepts(RequestParts.header(exchange, "Authorization"));
        // the token must not travel back as a response header, whatever the next steps do (or fail to do)
        exchange.getMessage().removeHeader("Authorization");
        if (accepted) {
            return;
        }
        RequestParts.answer(exchange, 401, Map.of("error", "send Authorization: Bearer <ADMIN_TOKEN>"));
        exchange.getMessage().setHeader("WWW-Authenticate", "Bearer");
        exchange.setProperty(REFUSED, true);
    }
}
