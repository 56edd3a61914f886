package io.camelretool.component;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.camelretool.component.error.InvalidRetoolInputException;
import io.camelretool.component.error.RetoolPermissionException;
import io.camelretool.sandbox.RetoolSandbox;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EmbedTokenProducerTest extends RetoolTestSupport {

    private static final String PAGE = "8f0e4a52-3c8e-4c7e-9a5e-2f4b0d6c1a99";
    private static final String EMBED = "retool:embedToken?landingPageUuid=" + PAGE + "&groupIds=1,2";

    @Test
    void mintsASingleUseUrlIntoTheBodyAndHeader() {
        Exchange exchange = send(EMBED, Map.of("externalIdentifier", "customer-42", "email", "ada@example.com",
                "firstName", "Ada", "metadata", Map.of("tier", "gold")));

        assertThat(exchange.getException()).isNull();
        String url = exchange.getMessage().getBody(String.class);
        // the sandbox serves its Embed pages itself, over http on loopback like its API
        assertThat(url).startsWith(sandbox().baseUrl() + "/embed-url/" + PAGE + "?token=");
        assertThat(exchange.getMessage().getHeader(RetoolConstants.EMBED_URL)).isEqualTo(url);
        assertThat(sandbox().embedUrls()).containsExactly(url);
        assertThat(sandbox().requests()).singleElement().satisfies(request -> assertThat(request.body())
                .contains("\"groupIds\":[1,2]").contains("\"userInfo\":{\"email\":\"ada@example.com\"")
                .contains("\"tier\":\"gold\""));
    }

    @Test
    void takesTheLandingPageGroupsAndIdentifierFromHeaders() {
        Exchange exchange = template.request("retool:embedToken", e -> {
            e.getMessage().setHeader(RetoolConstants.LANDING_PAGE_UUID, PAGE);
            e.getMessage().setHeader(RetoolConstants.GROUP_IDS, List.of(3));
            e.getMessage().setHeader(RetoolConstants.EXTERNAL_IDENTIFIER, "user-7");
        });

        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getMessage().getHeader(RetoolConstants.EMBED_URL, String.class))
                .startsWith(sandbox().baseUrl() + "/embed-url/");
    }

    @Test
    void refusesEachMissingOrMalformedInputBeforeAnyCall() {
        assertThat(send("retool:embedToken?groupIds=1", "id-1").getException())
                .isInstanceOf(InvalidRetoolInputException.class).hasMessageStartingWith("landingPageUuid: is required");
        assertThat(send("retool:embedToken?groupIds=1&landingPageUuid=not-a-uuid", "id-1").getException())
                .hasMessageContaining("landingPageUuid: 'not-a-uuid' is not a UUID");
        assertThat(send("retool:embedToken?landingPageUuid=" + PAGE, "id-1").getException())
                .hasMessageStartingWith("groupIds: needs at least one group id");
        assertThat(send(EMBED, Map.of("email", "a@example.com")).getException())
                .hasMessageStartingWith("externalIdentifier: is required");
        assertThat(send(EMBED, Map.of("externalIdentifier", "x", "email", "broken")).getException())
                .hasMessageStartingWith("email:");
        assertThat(send(EMBED, Map.of("externalIdentifier", "x", "role", "admin")).getException())
                .hasMessageStartingWith("body.role");
        assertThat(send("retool:embedToken?groupIds=1,x&landingPageUuid=" + PAGE, "id").getException())
                .hasMessageContaining("'x' is not a group id");
        assertThat(sandbox().requests()).isEmpty();
    }

    @Test
    void aKeyWithoutTheEmbedScopeIsAPermissionError() throws Exception {
        try (RetoolSandbox noEmbed = RetoolSandbox.builder().apiKey("retool_users_only", "users:write").start()) {
            Exchange exchange = send(EMBED + "&apiKey=RAW(retool_users_only)&baseUrl=" + noEmbed.baseUrl(), "id-1");

            assertThat(exchange.getException()).isInstanceOf(RetoolPermissionException.class)
                    .hasMessageContaining("embed");
        }
    }

    @Test
    void theUrlNeverAppearsInLogsOrExceptions() throws Exception {
        String url = send(EMBED, "customer-9").getMessage().getBody(String.class);
        String token = url.substring(url.indexOf("token=") + "token=".length());

        String logs = Files.readString(Path.of("target/test-logs/component.log"));
        assertThat(logs).contains("Minted an Embed URL for external user customer-9").doesNotContain(token)
                .doesNotContain(url).doesNotContain(retool.apiKey());
    }
}
