package io.camelretool.component.client;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Instant;
import java.util.stream.IntStream;

import io.camelretool.component.error.NotRetoolApiException;
import io.camelretool.component.model.PendingInviteIndex;
import io.camelretool.sandbox.junit.RetoolSandboxExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The duplicate check's read of Retool's pending invites: streamed into ids and expiries by email. */
class PendingInviteIndexReadTest {

    @RegisterExtension
    static RetoolSandboxExtension retool = RetoolSandboxExtension.business();

    private HttpClient http;
    private RetoolClient client;

    @BeforeEach
    void connect() {
        http = HttpClient.newHttpClient();
        client = new RetoolClient(http, URI.create(retool.baseUrl()), retool.apiKey(), RequestRateLimiter.perMinute(0),
                10_000, 2);
    }

    @AfterEach
    void clearFaults() {
        retool.sandbox().faults().clear();
    }

    @Test
    void keepsEveryUnclaimedInviteByEmailAndLeavesClaimedOnesOut() {
        IntStream.range(0, 300).forEach(i -> client.createInvite("user" + i + "@example.com", java.util.List.of(),
                java.util.Map.of("plan", "gold")).join());
        int claimed = retool.sandbox().invitesFor("user7@example.com").get(0).id();
        retool.sandbox().claimInvite(claimed);

        PendingInviteIndex index = client.readPendingInviteIndex().join();

        assertThat(index.size()).isEqualTo(299);
        assertThat(index.unexpired("USER8@example.com", Instant.now())).singleElement()
                .extracting(PendingInviteIndex.Entry::id)
                .isEqualTo(retool.sandbox().invitesFor("user8@example.com").get(0).id());
        assertThat(index.unexpired("user7@example.com", Instant.now())).isEmpty();
    }

    @Test
    void anAnswerThatIsNotRetoolsJsonFailsAsNotTheRetoolApi() {
        retool.sandbox().faults().htmlRate(1.0);

        assertThatThrownBy(() -> client.readPendingInviteIndex().join()).hasCauseInstanceOf(NotRetoolApiException.class);
    }
}
