package io.camelretool.example.api;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

import io.camelretool.example.http.RequestParts;
import io.camelretool.example.intake.LogText;
import io.camelretool.example.report.SeatsReportWriter;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The steps of the read API's routes ({@code camel/people-api.camel.yaml}), registered as the bean {@code readApi},
 * after the {@code adminGate} let the request through: {@link #person}, {@link #people} and {@link #seats} answer
 * what {@link PeopleApi} reads from the ledger, {@link #writeSeatsReport} writes the seats report on request,
 * {@link #dailySeatsReport} once a day, and {@link #ledgerUnavailable} is the 503.
 */
public final class ReadApi {

    private static final Logger LOG = LoggerFactory.getLogger(ReadApi.class);

    private final PeopleApi api;
    private final SeatsReportWriter seatsReport;

    public ReadApi(PeopleApi api, SeatsReportWriter seatsReport) {
        this.api = api;
        this.seatsReport = seatsReport;
    }

    /** {@code GET /api/people/{email}}: where the person stands (404 unknown, 400 malformed). */
    public void person(Exchange exchange) {
        answer(exchange, api.person(exchange.getMessage().getHeader("email", String.class), query(exchange)));
    }

    /** {@code GET /api/people?status=&class=&updatedSince=&limit=&cursor=}: a page of people, newest change first. */
    public void people(Exchange exchange) {
        answer(exchange, api.people(query(exchange)));
    }

    /** {@code GET /api/seats}: the seats by kind and class, with their cost. */
    public void seats(Exchange exchange) {
        answer(exchange, api.seats(query(exchange)));
    }

    /** {@code POST /api/seats/report}: writes the seats report now; 201 with its file name. */
    public void writeSeatsReport(Exchange exchange) throws IOException {
        answer(exchange, new PeopleApi.Answer(201, Map.of("report",
                seatsReport.write(api.seatsJson()).getFileName().toString())));
    }

    /** The seats report of the day. */
    public void dailySeatsReport() throws IOException {
        Path written = seatsReport.write(api.seatsJson());
        LOG.info("Seats report written: {}", written);
    }

    /** 503 when the ledger cannot be read; one WARN line, no stack trace. */
    public void ledgerUnavailable(Exchange exchange) {
        Exception failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        LOG.warn("The read API cannot reach the ledger: {}", LogText.of(failure == null ? "" : failure.getMessage()));
        answer(exchange, new PeopleApi.Answer(503, Map.of("error", "the ledger cannot be read right now")));
    }

    private static String query(Exchange exchange) {
        return exchange.getMessage().getHeader(Exchange.HTTP_RAW_QUERY, exchange.getMessage()
                .getHeader(Exchange.HTTP_QUERY, String.class), String.class);
    }

    private static void answer(Exchange exchange, PeopleApi.Answer answer) {
        RequestParts.answer(exchange, answer.status(), answer.body());
    }
}
