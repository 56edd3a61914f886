package io.camelretool.example.observe;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;

import io.camelretool.example.RunningApplication;
import io.camelretool.sandbox.junit.RetoolSandboxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Prometheus scrape of the running application's management port (its observability port) shows the component's meters for the work
 * it did: calls to Retool by endpoint and status, the rate limiter's queue time and invites by outcome, and no
 * secret; the webhook's public port does not serve them.
 */
class PrometheusMetricsTest {

    @RegisterExtension
    static RetoolSandboxExtension retool = RetoolSandboxExtension.business();

    @TempDir
    Path signups;

    @Test
    void aScrapeShowsTheRetoolMetersOfTheInvitesSent() throws Exception {
        try (RunningApplication app = RunningApplication.start(signups, retool.sandbox(), Map.of())) {
            app.drop("batch.csv", "email\nada@example.com\ngrace@example.com\nada@example.com\n");
            app.awaitReport("batch.csv");

            HttpResponse<String> scrape = app.managementGet("/observe/metrics");
            HttpResponse<String> publicPort = app.get("/observe/metrics");

            assertThat(scrape.statusCode()).isEqualTo(200);
            assertThat(scrape.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
            String metrics = scrape.body();
            assertThat(metrics).containsPattern("retool_invites_total\\{[^}]*outcome=\"INVITED\"[^}]*} 2\\.0")
                    .containsPattern("retool_calls_seconds_count\\{[^}]*endpoint=\"/api/v2/user_invites\""
                                     + "[^}]*method=\"POST\"[^}]*status=\"200\"[^}]*} 2\\b")
                    .contains("retool_rate_limiter_queue_seconds_count")
                    .doesNotContain(retool.apiKey())
                    .doesNotContain("ada@example.com");
            assertThat(publicPort.body()).as("the webhook's public port").doesNotContain("retool_");
        }
    }
}
