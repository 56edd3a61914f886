package io.camelretool.example.routes;

import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import io.camelretool.example.RunningApplication;
import io.camelretool.sandbox.junit.RetoolSandboxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A mailbox that cannot be reached keeps being retried, and the folder and the webhook work meanwhile. */
class MailboxDownTest {

    @RegisterExtension
    static RetoolSandboxExtension retool = RetoolSandboxExtension.business();

    @TempDir
    Path signups;

    @Test
    void theFolderAndTheWebhookWorkWhileTheMailboxIsDownAndReadinessSaysWhichIntakeIsDown() throws Exception {
        try (RunningApplication app = RunningApplication.start(signups, retool.sandbox(), unreachableMailbox())) {
            app.drop("folder.csv", "email\nfolder@example.com\n");
            HttpResponse<String> webhook = app.postSigned("{\"email\":\"hook@example.com\"}");

            app.awaitReport("folder.csv");
            assertThat(webhook.statusCode()).isEqualTo(202);
            await().untilAsserted(() -> assertThat(app.managementGet("/observe/health/ready").body())
                    .contains("\"status\":\"DOWN\"").contains("consumer:mail-intake"));
            // anyone may read that the application is not ready, only the operator's loopback port says why
            assertThat(app.get("/observe/health/ready").body()).isEqualTo("{\"status\":\"DOWN\"}");
        }
        assertThat(retool.sandbox().invitesFor("folder@example.com")).hasSize(1);
        assertThat(retool.sandbox().invitesFor("hook@example.com")).hasSize(1);
    }

    @Test
    void aDeploymentCanKeepTheMailboxOutOfReadinessSoTheWebhookKeepsItsTraffic() throws Exception {
        Map<String, String> settings = unreachableMailbox();
        settings.put("camel.health.exclude-pattern", "consumer:mail-intake");
        try (RunningApplication app = RunningApplication.start(signups, retool.sandbox(), settings)) {
            app.drop("folder.csv", "email\nfolder@example.com\n");
            app.awaitReport("folder.csv");

            // the mailbox has failed its polls many times over by the end of this wait
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                    .until(() -> app.get("/observe/health/ready").statusCode() == 200);

            assertThat(app.managementGet("/observe/health").body()).doesNotContain("mail-intake");
        }
    }

    private static Map<String, String> unreachableMailbox() throws Exception {
        int nothingListens;
        try (ServerSocket socket = new ServerSocket(0)) {
            nothingListens = socket.getLocalPort();
        }
        return new HashMap<>(Map.of("mail.enabled", "true", "mail.host", "127.0.0.1", "mail.port",
                String.valueOf(nothingListens), "mail.username", "signups@localhost", "mail.password", "pw",
                "mail.poll-delay", "200"));
    }
}
