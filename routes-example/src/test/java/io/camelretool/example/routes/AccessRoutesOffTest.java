package io.camelretool.example.routes;

import java.nio.file.Path;
import java.util.Map;

import io.camelretool.example.RunningApplication;
import io.camelretool.sandbox.junit.RetoolSandboxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Beside a configured Retool, without EMBED_SECRET and ADMIN_TOKEN, the Embed sessions, the admin API and the demo
 * host are off: their route files are not loaded at all, their paths answer 404. The offboarding sweeper still runs,
 * for the removals CSV rows and webhook items ask for.
 */
class AccessRoutesOffTest {

    @RegisterExtension
    static RetoolSandboxExtension retool = RetoolSandboxExtension.business();

    @TempDir
    Path signups;

    @Test
    void withoutTheirSecretAndTokenTheAccessRoutesAreNotLoadedAndTheirPathsAre404() throws Exception {
        try (RunningApplication app = RunningApplication.start(signups, retool.sandbox(),
                Map.of("embed.secret", "", "api.admin-token", ""))) {
            for (String route : new String[] { "embed-sessions", "admin-offboard", "admin-readmit", "api-person",
                                               "api-people", "api-seats", "api-seats-report", "seats-report",
                                               "host-demo-page", "host-demo-backend" }) {
                assertThat(app.context().getRoute(route)).as(route).isNull();
            }
            assertThat(app.context().getRoute("offboarding-sweeper")).isNotNull();

            assertThat(app.api("POST", "/embed/sessions", null).statusCode()).isEqualTo(404);
            assertThat(app.api("DELETE", "/api/people/ada%40customer.example", "Bearer anything").statusCode())
                    .isEqualTo(404);
            assertThat(app.api("GET", "/api/seats", "Bearer anything").statusCode()).isEqualTo(404);
            assertThat(app.get("/demo/host").statusCode()).isEqualTo(404);
        }
    }
}
