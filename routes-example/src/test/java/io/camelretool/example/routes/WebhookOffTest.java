package io.camelretool.example.routes;

import java.nio.file.Path;
import java.util.Map;

import io.camelretool.example.RunningApplication;
import io.camelretool.sandbox.junit.RetoolSandboxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** Beside a configured Retool, a webhook without WEBHOOK_SECRET is off: its route file is not loaded at all. */
class WebhookOffTest {

    @RegisterExtension
    static RetoolSandboxExtension retool = RetoolSandboxExtension.business();

    @TempDir
    Path signups;

    @Test
    void withoutASecretTheWebhookRouteIsNotLoadedAndNothingIsAccepted() throws Exception {
        try (RunningApplication app = RunningApplication.start(signups, retool.sandbox(),
                Map.of("webhook.secret", ""))) {
            assertThat(app.context().getRoute("webhook-intake")).isNull();
            assertThat(app.context().getRoute("folder-intake")).isNotNull();
            // the tests' default: MAIL_ENABLED=false, so the mailbox's route file is not loaded either
            assertThat(app.context().getRoute("mail-intake")).isNull();

            int status = app.post("{\"email\":\"nobody@example.com\"}", "application/json", "1", "sha256=00")
                    .statusCode();

            assertThat(status).isEqualTo(404);
            assertThat(app.ledger().find("nobody@example.com")).isEmpty();
        }
    }
}
