package io.camelretool.component;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelretool.component.error.InvalidRetoolInputException;
import io.camelretool.sandbox.RecordedRequest;
import io.camelretool.testing.Manifest;
import io.camelretool.testing.RetoolSecrets;
import io.camelretool.testing.SecretScan;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The corpus of hostile and broken input to {@code retool:invite}, {@code retool:attributes} and
 * {@code retool:embedToken} ({@code hostile/component/manifest.csv}): each case is sent through a Camel context to
 * retool-sandbox and ends as the manifest says, a refusal naming the field before any call, a typed failure, or a
 * request Retool accepts.
 */
class HostileEndpointInputTest extends RetoolTestSupport {

    private static final String CORPUS = "/hostile/component/";
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static SecretScan secrets = SecretScan.of(() -> RetoolSecrets.of(retool.sandbox()));

    private int requestsBeforeTheCase;

    static Stream<Manifest.Row> cases() {
        return Manifest.read(CORPUS + "manifest.csv").stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void endsAsTheManifestSays(Manifest.Row row) throws IOException {
        if (row.get("uri").startsWith("retool:attributes")) {
            twoPendingInvitesAndAnAttributeDefinition();
        }
        requestsBeforeTheCase = sandbox().requests().size();
        Throwable failure = send(row);
        String expect = row.get("expect");
        String kind = expect.substring(0, expect.indexOf(' '));
        String detail = expect.substring(kind.length() + 1);

        switch (kind) {
            case "refused" -> {
                String field = detail.substring(0, detail.indexOf(": "));
                assertThat(failure).isInstanceOfSatisfying(InvalidRetoolInputException.class,
                        refused -> assertThat(refused.getField()).isEqualTo(field))
                        .hasMessageContaining(detail.substring(field.length() + 2));
                assertThat(requestsOfTheCase()).as("calls to Retool").isEmpty();
            }
            case "fails" -> {
                String type = detail.substring(0, detail.indexOf(' '));
                String text = detail.substring(type.length() + 1);
                assertThat(causes(failure)).as("the causes of %s", failure)
                        .anySatisfy(cause -> assertThat(cause.getClass().getSimpleName() + ": " + cause.getMessage())
                                .startsWith(type + ": ").contains(text));
            }
            case "sent" -> {
                assertThat(failure).isNull();
                assertThat(requestsOfTheCase()).last().extracting(RecordedRequest::body).asString().contains(detail);
            }
            default -> throw new IllegalArgumentException("unknown expectation " + expect);
        }
    }

    @Test
    void anAttributeValueThatCannotBeWrittenAsJsonIsRefusedBeforeTheInviteIsCreated() {
        Exchange exchange = send("retool:invite", Map.of("email", "grace@example.com", "attributes",
                Map.of("plan", new Object())));

        assertThat(seen("typed invite", exchange.getException())).isInstanceOf(InvalidRetoolInputException.class)
                .hasMessageStartingWith("body.attributes.plan: cannot be written as JSON");
        assertThat(requestsOfTheCase()).isEmpty();
    }

    @Test
    void anAttributeValueThatCannotBeWrittenAsJsonIsRefusedBeforeAnyOtherIsSet() {
        twoPendingInvitesAndAnAttributeDefinition();
        requestsBeforeTheCase = sandbox().requests().size();
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("plan", "gold");
        values.put("tier", new Object());

        Exchange exchange = send("retool:attributes?email=ada@example.com&target=invite", values);

        assertThat(seen("typed attributes", exchange.getException())).isInstanceOf(InvalidRetoolInputException.class)
                .hasMessageStartingWith("body.tier: cannot be written as JSON");
        assertThat(requestsOfTheCase()).isEmpty();
    }

    @Test
    void theCorpusCoversEveryEndpointWithAtLeastOneHundredCases() {
        assertThat(cases()).hasSizeGreaterThanOrEqualTo(100)
                .extracting(row -> row.get("body").substring(0, row.get("body").indexOf('/')))
                .contains("invite", "attributes", "embedToken");
    }

    /** What a route sending the case would see fail: the exchange's exception, or one thrown making the endpoint. */
    private Throwable send(Manifest.Row row) throws IOException {
        Object body = body(row.get("body"));
        try {
            Exchange exchange = template.request(row.get("uri"), e -> {
                e.getMessage().setBody(body);
                if (row.get("headers") != null) {
                    for (String header : row.get("headers").split("&")) {
                        int equals = header.indexOf('=');
                        e.getMessage().setHeader(header.substring(0, equals), header.substring(equals + 1));
                    }
                }
            });
            return seen(row.toString(), exchange.getException());
        } catch (RuntimeException thrown) {
            return seen(row.toString(), thrown);
        }
    }

    /** What the attributes cases find in Retool: two pending invites and the definition of plan. */
    private void twoPendingInvitesAndAnAttributeDefinition() {
        sandbox().defineAttribute("plan", "string");
        for (String email : List.of("ada@example.com", "anna@bücher.de")) {
            assertThat(send("retool:invite", email).getException()).isNull();
        }
    }

    /** The answer itself is the Embed URL or invite link a route asked for; its failures must not hold secrets. */
    private static Throwable seen(String sent, Throwable failure) {
        causes(failure).forEach(cause -> secrets.seen(sent + " exception", String.valueOf(cause)));
        return failure;
    }

    private static Object body(String file) throws IOException {
        return JSON.readValue(Manifest.file(CORPUS + file), Object.class);
    }

    private List<RecordedRequest> requestsOfTheCase() {
        List<RecordedRequest> all = sandbox().requests();
        return all.subList(requestsBeforeTheCase, all.size());
    }

    private static List<Throwable> causes(Throwable failure) {
        return Stream.iterate(failure, cause -> cause != null, Throwable::getCause).toList();
    }
}
