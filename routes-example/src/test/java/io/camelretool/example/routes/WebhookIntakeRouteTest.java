package io.camelretool.example.routes;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Properties;

import io.camelretool.component.RetoolComponent;
import io.camelretool.example.intake.webhook.WebhookSignature;
import io.camelretool.sandbox.junit.RetoolSandboxExtension;
import org.apache.camel.CamelContext;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The real webhook route on a real HTTP server, handing signups to the real folder route and the sandbox. */
class WebhookIntakeRouteTest extends CamelTestSupport {

    private static final byte[] SECRET = "test-webhook-secret".getBytes(StandardCharsets.UTF_8);

    @RegisterExtension
    static RetoolSandboxExtension retool = RetoolSandboxExtension.business();

    @TempDir
    static Path signups;

    private final WebhookSignature signer = new WebhookSignature(SECRET, Duration.ofSeconds(300), Clock.systemUTC());
    private final HttpClient http = HttpClient.newHttpClient();
    private int port;

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        RetoolComponent component = new RetoolComponent();
        component.getConfiguration().setBaseUrl(retool.baseUrl());
        component.getConfiguration().setApiKey(retool.apiKey());
        component.getConfiguration().setRateLimitPerMinute(0);
        context.addComponent("retool", component);
        Properties properties = new Properties();
        properties.setProperty("signups.dir", signups.toString());
        context.getPropertiesComponent().setOverrideProperties(properties);
        port = freePort();
        VertxPlatformHttpServerConfiguration server = new VertxPlatformHttpServerConfiguration();
        server.setBindPort(port);
        server.setMaxBodySize(2L * 1024 * 1024);
        context.addService(new VertxPlatformHttpServer(server));
        return context;
    }

    @Override
    protected RoutesBuilder[] createRouteBuilders() {
        return new RouteBuilder[] { new WebhookIntakeRoute(SECRET), new FolderIntakeRoute() };
    }

    @Test
    void aSignedRequestIsAcceptedDurablyAndItsSignupsInvited() throws Exception {
        String body = "[{\"email\":\"hook1@example.com\",\"firstName\":\"Hook\",\"groups\":[2]},"
                      + "{\"email\":\"hook2@example.com\"}]";

        HttpResponse<String> response = post(body, signed(body), "application/json");

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(response.body()).contains("\"accepted\":2").contains("#0").contains("#1");
        await().atMost(Duration.ofSeconds(20)).until(() -> retool.sandbox().invites().size() == 2);
        assertThat(retool.sandbox().invitesFor("hook1@example.com")).singleElement()
                .satisfies(invite -> assertThat(invite.groupIds()).containsExactly(2));
    }

    @Test
    void refusesBadSignaturesReplaysWrongContentTypesAndOversizedBodies() throws Exception {
        String body = "{\"email\":\"nobody@example.com\"}";
        long old = System.currentTimeMillis() / 1000 - 600;

        assertThat(post(body, null, "application/json").statusCode()).isEqualTo(401);
        assertThat(post(body, new String[] { String.valueOf(old), signer.sign(old, bytes(body)) }, "application/json")
                .body()).contains("too old");
        String[] forged = signed("{\"email\":\"other@example.com\"}");
        assertThat(post(body, forged, "application/json").statusCode()).isEqualTo(401);
        assertThat(post(body, signed(body), "text/plain").statusCode()).isEqualTo(415);
        String huge = "{\"email\":\"big@example.com\",\"company\":\"" + "x".repeat(1024 * 1024) + "\"}";
        assertThat(post(huge, signed(huge), "application/json").statusCode()).isEqualTo(413);
        assertThat(Files.exists(signups.resolve("inbox"))
                   && Files.list(signups.resolve("inbox")).anyMatch(path -> path.toString().endsWith(".csv")))
                .isFalse();
    }

    @Test
    void answers400WithEveryFieldErrorForMalformedSignups() throws Exception {
        String body = "[{\"email\":\"ok@example.com\"},{\"groups\":[\"x\"]}]";

        HttpResponse<String> response = post(body, signed(body), "application/json");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("[1].email").contains("[1].groups[0]");
        assertThat(post("{oops", signed("{oops"), "application/json").body()).contains("not valid JSON");
    }

    private String[] signed(String body) {
        long now = System.currentTimeMillis() / 1000;
        return new String[] { String.valueOf(now), signer.sign(now, bytes(body)) };
    }

    private HttpResponse<String> post(String body, String[] signature, String contentType) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/signups"))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (signature != null) {
            request.header(WebhookSignature.TIMESTAMP_HEADER, signature[0])
                    .header(WebhookSignature.SIGNATURE_HEADER, signature[1]);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
