package io.camelretool.sandbox.http;

import io.camelretool.sandbox.TestClient;
import io.camelretool.sandbox.junit.RetoolSandboxExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static io.camelretool.sandbox.TestClient.json;
import static io.camelretool.sandbox.TestClient.message;
import static org.assertj.core.api.Assertions.assertThat;

class EmbedApiTest {

    private static final String EMBED = "/api/embed-url/external-user";
    private static final String VALID = "{\"landingPageUuid\":\"0b6f7e2c-2a4b-4c3d-9e8f-1a2b3c4d5e6f\","
            + "\"groupIds\":[1,5],\"externalIdentifier\":\"customer-42\","
            + "\"userInfo\":{\"email\":\"ada@example.com\",\"firstName\":\"Ada\",\"lastName\":\"Lovelace\"},"
            + "\"metadata\":{\"region\":\"eu\"}}";

    @RegisterExtension
    static RetoolSandboxExtension retool = RetoolSandboxExtension.business();

    private TestClient client;

    @BeforeEach
    void connect() {
        client = new TestClient(retool.sandbox());
    }

    @Test
    void mintsAnEmbedUrlServedByTheSandboxWithoutTheSuccessEnvelope() {
        HttpResponse<String> response = client.post(EMBED, VALID);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).has("success")).isFalse();
        String url = json(response).get("embedUrl").asText();
        assertThat(url).startsWith(retool.sandbox().baseUrl() + "/embed-url/0b6f7e2c-2a4b-4c3d-9e8f-1a2b3c4d5e6f");
        assertThat(retool.sandbox().embedUrls()).containsExactly(url);
        assertThat(retool.sandbox().embedMints()).singleElement().satisfies(mint -> {
            assertThat(mint.groupIds()).containsExactly(1, 5);
            assertThat(mint.externalIdentifier()).isEqualTo("customer-42");
            assertThat(mint.email()).isEqualTo("ada@example.com");
            assertThat(mint.metadata()).containsEntry("region", "eu");
            assertThat(mint.toString()).doesNotContain("token");
        });
    }

    @Test
    void servesThePortalUsersPageOnceAtTheUrlItMinted() throws Exception {
        String url = json(client.post(EMBED, VALID)).get("embedUrl").asText();
        HttpClient browser = HttpClient.newHttpClient();

        HttpResponse<String> first = browser.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> again = browser.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> forged = browser.send(HttpRequest.newBuilder(URI.create(url + "0")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
                .startsWith("text/html"));
        assertThat(first.body()).contains("Ada Lovelace").contains("customer-42").contains("[1, 5]")
                .contains("region").contains("eu");
        assertThat(again.statusCode()).isEqualTo(410);
        assertThat(forged.statusCode()).isEqualTo(404);
    }

    @Test
    void mintsADifferentUrlEachTimeAndEachWorksOnce() {
        String first = json(client.post(EMBED, VALID)).get("embedUrl").asText();
        String second = json(client.post(EMBED, VALID)).get("embedUrl").asText();

        assertThat(first).isNotEqualTo(second);
        assertThat(retool.sandbox().redeemEmbedUrl(first)).isTrue();
        assertThat(retool.sandbox().redeemEmbedUrl(first)).isFalse();
        assertThat(retool.sandbox().redeemEmbedUrl(second)).isTrue();
        assertThat(retool.sandbox().redeemEmbedUrl("https://sandbox.retool.com/embed-url/forged")).isFalse();
    }

    @Test
    void acceptsANumericExternalIdentifier() {
        HttpResponse<String> response = client.post(EMBED,
                "{\"landingPageUuid\":\"0b6f7e2c-2a4b-4c3d-9e8f-1a2b3c4d5e6f\",\"groupIds\":[],\"externalIdentifier\":42}");

        assertThat(response.statusCode()).isEqualTo(200);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "landing page not a UUID    | {\"landingPageUuid\":\"home\",\"groupIds\":[1],\"externalIdentifier\":\"c\"}                                    | request/body/landingPageUuid must match format \"uuid\"",
            "group ids as strings       | {\"landingPageUuid\":\"0b6f7e2c-2a4b-4c3d-9e8f-1a2b3c4d5e6f\",\"groupIds\":[\"1\"],\"externalIdentifier\":\"c\"} | request/body/groupIds/0 must be integer",
            "missing group ids          | {\"landingPageUuid\":\"0b6f7e2c-2a4b-4c3d-9e8f-1a2b3c4d5e6f\",\"externalIdentifier\":\"c\"}                     | required property 'groupIds'",
            "missing external id        | {\"landingPageUuid\":\"0b6f7e2c-2a4b-4c3d-9e8f-1a2b3c4d5e6f\",\"groupIds\":[1]}                                 | required property 'externalIdentifier'",
            "external id an object      | {\"landingPageUuid\":\"0b6f7e2c-2a4b-4c3d-9e8f-1a2b3c4d5e6f\",\"groupIds\":[1],\"externalIdentifier\":{}}      | request/body/externalIdentifier must be a non-empty string or a number",
            "user info not an object    | {\"landingPageUuid\":\"0b6f7e2c-2a4b-4c3d-9e8f-1a2b3c4d5e6f\",\"groupIds\":[1],\"externalIdentifier\":\"c\",\"userInfo\":\"ada\"} | request/body/userInfo must be object",
            "user info malformed email  | {\"landingPageUuid\":\"0b6f7e2c-2a4b-4c3d-9e8f-1a2b3c4d5e6f\",\"groupIds\":[1],\"externalIdentifier\":\"c\",\"userInfo\":{\"email\":\"ada\"}} | request/body/userInfo/email must match format \"email\"",
            "unknown group              | {\"landingPageUuid\":\"0b6f7e2c-2a4b-4c3d-9e8f-1a2b3c4d5e6f\",\"groupIds\":[77],\"externalIdentifier\":\"c\"}   | group 77 does not exist",
            "unknown field              | {\"landingPageUuid\":\"0b6f7e2c-2a4b-4c3d-9e8f-1a2b3c4d5e6f\",\"groupIds\":[1],\"externalIdentifier\":\"c\",\"appId\":\"x\"} | 'appId'"})
    void refusesAnEmbedRequestNamingTheField(String problem, String body, String expected) {
        HttpResponse<String> response = client.post(EMBED, body);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(message(response)).contains(expected);
        assertThat(retool.sandbox().embedUrls()).isEmpty();
    }
}
