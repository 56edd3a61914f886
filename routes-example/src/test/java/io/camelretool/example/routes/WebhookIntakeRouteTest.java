package io.camelretool.example.routes;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.Statement;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelretool.example.ApplicationSecrets;
import io.camelretool.example.RunningApplication;
import io.camelretool.example.ledger.LedgerDataSource;
import io.camelretool.sandbox.junit.RetoolSandboxExtension;
import io.camelretool.testing.SecretScan;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The signed webhook of the running application, on a real HTTP port, with the sandbox and the embedded ledger. */
class WebhookIntakeRouteTest {

    @RegisterExtension
    static RetoolSandboxExtension retool = RetoolSandboxExtension.business();

    @TempDir
    Path signups;

    @RegisterExtension
    final SecretScan secrets = ApplicationSecrets.scan(retool::sandbox, () -> signups);

    private RunningApplication app;

    @BeforeEach
    void start() throws Exception {
        app = RunningApplication.start(signups, retool.sandbox(), Map.of());
    }

    @AfterEach
    void stop() {
        app.close();
    }

    @Test
    void aSignedRequestIsAcceptedDurablyWithOneIdPerSignupAndItsSignupsInvited() throws Exception {
        String body = "[{\"email\":\"hook1@example.com\",\"firstName\":\"Hook\",\"groups\":[2]},"
                      + "{\"email\":\"hook2@example.com\"}]";

        HttpResponse<String> response = app.postSigned(body);

        assertThat(response.statusCode()).isEqualTo(202);
        JsonNode answer = RunningApplication.json(response.body());
        assertThat(answer.path("accepted").asInt()).isEqualTo(2);
        assertThat(answer.path("ids")).hasSize(2);
        String requestId = answer.path("ids").get(0).asText().replaceAll("#.*", "");
        // durably accepted means: in the ledger before the answer, whatever happens next
        assertThat(app.ledger().find("hook1@example.com")).isPresent();
        JsonNode report = app.awaitReport(requestId);
        assertThat(report.path("source").asText()).isEqualTo("WEBHOOK");
        assertThat(report.path("byStatus").path("INVITED").asInt()).isEqualTo(2);
        assertThat(retool.sandbox().invitesFor("hook1@example.com")).singleElement()
                .satisfies(invite -> assertThat(invite.groupIds()).containsExactly(2));
    }

    @Test
    void whileTheWebhookRouteIsNotRunningASenderIsToldToSendAgainNotThatThePathIsUnknown() throws Exception {
        app.context().getRouteController().stopRoute("webhook-intake");

        HttpResponse<String> answer = app.postSigned("{\"email\":\"early@example.com\"}");

        assertThat(answer.statusCode()).isEqualTo(503);
        assertThat(answer.headers().firstValue("Retry-After")).hasValue("5");
        assertThat(answer.body()).contains("send again");
        app.context().getRouteController().startRoute("webhook-intake");
        assertThat(app.postSigned("{\"email\":\"early@example.com\"}").statusCode()).isEqualTo(202);
    }

    @Test
    void refusesAMissingOrForgedSignatureWith401() throws Exception {
        String body = "{\"email\":\"nobody@example.com\"}";
        long now = System.currentTimeMillis() / 1000;

        HttpResponse<String> unsigned = app.post(body, "application/json", null, null);
        HttpResponse<String> forged = app.post(body, "application/json", String.valueOf(now),
                app.sign(now, "{\"email\":\"other@example.com\"}"));

        assertThat(unsigned.statusCode()).isEqualTo(401);
        assertThat(forged.statusCode()).isEqualTo(401);
        assertThat(forged.body()).doesNotContain("test-webhook-secret");
        assertNothingAccepted();
    }

    @Test
    void refusesAReplayedRequestWhoseTimestampIsTooOld() throws Exception {
        String body = "{\"email\":\"replayed@example.com\"}";
        long tenMinutesAgo = System.currentTimeMillis() / 1000 - 600;

        HttpResponse<String> replayed = app.post(body, "application/json", String.valueOf(tenMinutesAgo),
                app.sign(tenMinutesAgo, body));

        assertThat(replayed.statusCode()).isEqualTo(401);
        assertThat(replayed.body()).contains("too old");
        assertNothingAccepted();
    }

    @Test
    void refusesABodyOverOneMebibyteWith413() throws Exception {
        String huge = "{\"email\":\"big@example.com\",\"company\":\"" + "x".repeat(1024 * 1024) + "\"}";

        assertThat(app.postSigned(huge).statusCode()).isEqualTo(413);
        assertNothingAccepted();
    }

    @Test
    void refusesAnotherContentTypeWith415() throws Exception {
        String body = "{\"email\":\"text@example.com\"}";
        long now = System.currentTimeMillis() / 1000;

        HttpResponse<String> response = app.post(body, "text/plain", String.valueOf(now), app.sign(now, body));

        assertThat(response.statusCode()).isEqualTo(415);
        assertNothingAccepted();
    }

    @Test
    void answers400WithEveryFieldErrorAndAcceptsNothingOfTheRequest() throws Exception {
        String body = "[{\"email\":\"ok@example.com\"},{\"groups\":[\"x\"]}]";

        HttpResponse<String> response = app.postSigned(body);
        HttpResponse<String> malformed = app.postSigned("{oops");

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode errors = RunningApplication.json(response.body()).path("errors");
        assertThat(errors.has("[1].email")).isTrue();
        assertThat(errors.has("[1].groups[0]")).isTrue();
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.body()).contains("not valid JSON");
        assertNothingAccepted();
    }

    @Test
    void answers503AndAcceptsNothingWhenTheLedgerRefusesTheBatch() throws Exception {
        DataSource sameDatabase = LedgerDataSource.forUrl(LedgerDataSource.embeddedUrl(signups), "", "");
        try (Connection connection = sameDatabase.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE signup_batch_item");
        } finally {
            LedgerDataSource.close(sameDatabase);
        }

        HttpResponse<String> response = app.postSigned("{\"email\":\"later@example.com\"}");

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.body()).contains("nothing was accepted, send again");
        assertThat(app.ledger().find("later@example.com")).isEmpty();
    }

    @Test
    void servesHealthAndReadinessOnTheSamePort() throws Exception {
        // DOWN until every consumer has polled once: that is what ready means
        await().atMost(Duration.ofSeconds(10)).until(() -> app.get("/observe/health/ready").statusCode() == 200);
        assertThat(app.get("/observe/health").body()).contains("\"status\":\"UP\"");
        assertThat(app.get("/observe/health/live").statusCode()).isEqualTo(200);
    }

    private void assertNothingAccepted() throws Exception {
        assertThat(app.ledger().waiting(10)).isEmpty();
        assertThat(Files.exists(signups.resolve("reports"))).isFalse();
        assertThat(RunningApplication.callsBeyondTheLifecycleRead(retool.sandbox())).isEmpty();
    }
}
