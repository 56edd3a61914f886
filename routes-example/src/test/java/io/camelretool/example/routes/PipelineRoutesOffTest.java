package io.camelretool.example.routes;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
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
 * The routes of {@code sender-intake.camel.yaml} and {@code lifecycle.camel.yaml} that are on only when a setting
 * says so: a sender whose secret is unset has no route and its path answers 404 (without any, the file is not
 * loaded); a dry run, or RENEW_EXPIRED_INVITES=false, renews nothing, so the renewal route is not there.
 */
class PipelineRoutesOffTest {

    private static final String[] SENDER_ROUTES = { "stripe-intake", "standard-intake", "typeform-intake",
                                                    "shopify-intake" };

    @RegisterExtension
    static RetoolSandboxExtension retool = RetoolSandboxExtension.business();

    @TempDir
    Path signups;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void withoutSenderSecretsNoSenderRouteIsLoadedAndTheirPathsAre404() throws Exception {
        try (RunningApplication app = RunningApplication.start(signups, retool.sandbox(), Map.of())) {
            for (String route : SENDER_ROUTES) {
                assertThat(app.context().getRoute(route)).as(route).isNull();
            }
            assertThat(postJson(app, "/signups/stripe").statusCode()).isEqualTo(404);
            assertThat(app.context().getRoute("invite-pipeline")).isNotNull();
            assertThat(app.context().getRoute("invite-renewals")).isNotNull();
        }
    }

    @Test
    void onlyTheSenderWithASecretHasItsRoute() throws Exception {
        try (RunningApplication app = RunningApplication.start(signups, retool.sandbox(),
                Map.of("sources.shopify.secret", "shopify-route-off-test-secret"))) {
            assertThat(app.context().getRoute("shopify-intake")).isNotNull();
            assertThat(app.context().getRoute("stripe-intake")).isNull();
            assertThat(app.context().getRoute("standard-intake")).isNull();
            assertThat(app.context().getRoute("typeform-intake")).isNull();
            assertThat(postJson(app, "/signups/typeform").statusCode()).isEqualTo(404);
            assertThat(postJson(app, "/signups/shopify").statusCode()).as("unsigned").isEqualTo(401);
        }
    }

    @Test
    void aDryRunOrRenewalsSwitchedOffLeaveTheRenewalRouteOut() throws Exception {
        try (RunningApplication app = RunningApplication.start(signups, retool.sandbox(), Map.of("dry-run", "true"))) {
            assertThat(app.context().getRoute("invite-renewals")).isNull();
            assertThat(app.context().getRoute("invite-lifecycle")).isNotNull();
            assertThat(app.context().getRoute("attribute-sync")).isNotNull();
        }
        try (RunningApplication app = RunningApplication.start(signups, retool.sandbox(),
                Map.of("lifecycle.renew-expired-invites", "false"))) {
            assertThat(app.context().getRoute("invite-renewals")).isNull();
            assertThat(app.context().getRoute("invite-lifecycle")).isNotNull();
        }
    }

    private HttpResponse<String> postJson(RunningApplication app, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(app.url(path)))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
