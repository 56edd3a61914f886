package io.camelretool.example.access;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import io.camelretool.component.model.EmailAddresses;
import io.camelretool.example.http.RequestParts;
import io.camelretool.example.intake.LogText;
import io.camelretool.example.ledger.PersonAccess;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The steps of the admin API's offboarding routes ({@code camel/offboarding-api.camel.yaml}), registered as the bean
 * {@code offboardingApi}, after the {@code adminGate} let the request through: {@link #offboard} for
 * {@code DELETE /api/people/{email}}, {@link #readmit} for {@code POST /api/people/{email}/readmit}, both through the
 * application's one {@link Offboarding} (the console's and the sweeper's), and {@link #ledgerUnavailable} for the 503.
 */
public final class OffboardingApi {

    private static final Logger LOG = LoggerFactory.getLogger(OffboardingApi.class);

    private final Offboarding offboarding;

    public OffboardingApi(Offboarding offboarding) {
        this.offboarding = offboarding;
    }

    /**
     * Offboards the person of the path: 200 with their offboarding record once done (or when it was done before),
     * 202 when Retool's part is still to come (finished in the background), 400 a malformed email, 404 a person the
     * ledger does not know, 409 while an invite call for them is in flight.
     */
    public void offboard(Exchange exchange) {
        String emailKey = emailOrRefuse(exchange, RequestParts.rawPath(exchange));
        if (emailKey == null) {
            return;
        }
        Offboarding.Result result = offboarding.offboard(emailKey, "admin-api", null);
        switch (result.start()) {
            case UNKNOWN -> RequestParts.answer(exchange, 404, Map.of("error", "the ledger does not know this person"));
            case BUSY -> RequestParts.answer(exchange, 409, Map.of("error", "an invite call for this person is in "
                                                                            + "flight; ask again in a moment"));
            default -> {
                PersonAccess person = result.person().orElseThrow();
                RequestParts.answer(exchange, person.status().isSettled() ? 200 : 202, describe(person));
            }
        }
    }

    /**
     * Lets the offboarded person of the path in again: 200 with their record (the row starts over at RECEIVED), 400 a
     * malformed email, 404 unknown, 409 not offboarded (or the offboarding still under way).
     */
    public void readmit(Exchange exchange) {
        String path = RequestParts.rawPath(exchange);
        String emailKey = emailOrRefuse(exchange, path.substring(0, Math.max(0, path.lastIndexOf('/'))));
        if (emailKey == null) {
            return;
        }
        switch (offboarding.readmit(emailKey, "admin-api")) {
            case UNKNOWN -> RequestParts.answer(exchange, 404, Map.of("error", "the ledger does not know this person"));
            case NOT_OFFBOARDED -> RequestParts.answer(exchange, 409, Map.of("error", "this person is not offboarded "
                                                                                      + "(or the offboarding is still "
                                                                                      + "under way)"));
            default -> RequestParts.answer(exchange, 200, describe(offboarding.person(emailKey).orElseThrow()));
        }
    }

    /** 503 when the ledger cannot be reached: nothing was changed. */
    public void ledgerUnavailable(Exchange exchange) {
        Exception failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        LOG.error("Offboarding or re-admission refused with 503: {}",
                LogText.of(failure == null ? "" : failure.getMessage()));
        RequestParts.answer(exchange, 503, Map.of("error", "the ledger cannot be reached"));
    }

    /**
     * The email key at the end of a path ({@code /api/people/{email}}), decoded from the raw path so that a
     * {@code +} stays a {@code +}; null when it is malformed, and the 400 is answered.
     */
    private static String emailOrRefuse(Exchange exchange, String path) {
        String email;
        try {
            email = URLDecoder.decode(path.substring(path.lastIndexOf('/') + 1).replace("+", "%2B"),
                    StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            email = "";
        }
        if (email.length() > 320 || !EmailAddresses.isValid(email.strip())) {
            RequestParts.answer(exchange, 400, Map.of("errors", Map.of("email", "is not an email address")));
            return null;
        }
        return EmailAddresses.key(email.strip());
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
}
