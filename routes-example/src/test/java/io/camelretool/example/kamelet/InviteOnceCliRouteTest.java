package io.camelretool.example.kamelet;

import java.time.Duration;

import io.camelretool.sandbox.junit.RetoolSandboxExtension;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code camel-cli/invite-once.camel.yaml}, the route the README runs with the Camel CLI to try the Kamelet: in a plain
 * Camel Main with the Kamelet on the class path, its one timer tick invites the person it is given, once.
 */
class InviteOnceCliRouteTest {

    @RegisterExtension
    static RetoolSandboxExtension retool = RetoolSandboxExtension.business();

    @Test
    void itsOneTickInvitesTheGivenPersonThroughTheKamelet() throws Exception {
        Main main = new Main();
        main.configure().withRoutesIncludePattern("file:camel-cli/invite-once.camel.yaml");
        main.addOverrideProperty("retool.base-url", retool.baseUrl());
        main.addOverrideProperty("retool.api-key", retool.sandbox().apiKey());
        main.addOverrideProperty("invitee", "mary@example.com");
        main.start();
        try {
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> !retool.sandbox().invitesFor("mary@example.com").isEmpty());

            assertThat(retool.sandbox().invitesFor("mary@example.com")).hasSize(1);
            assertThat(retool.sandbox().requests()).filteredOn(request -> request.method().equals("POST"))
                    .hasSize(1);
        } finally {
            main.stop();
        }
    }
}
