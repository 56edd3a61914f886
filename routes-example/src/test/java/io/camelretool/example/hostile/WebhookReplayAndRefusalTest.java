package io.camelretool.example.hostile;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelretool.example.ApplicationSecrets;
import io.camelretool.example.RunningApplication;
import io.camelretool.example.intake.webhook.WebhookSignature;
import io.camelretool.example.ledger.LedgerDataSource;
import io.camelretool.example.testing.TestPostgres;
import io.camelretool.sandbox.RetoolSandbox;
import io.camelretool.testing.LogCapture;
import io.camelretool.testing.SecretScan;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A captured signed request sent again within its signature's window, to the same node, after a restart and to
 * another node; the signature in the URL; a request of a thousand broken signups; an oversized body. Each is answered
 * without new work, without megabytes and without an ERROR anyone could trigger.
 */
class WebhookReplayAndRefusalTest {

    @TempDir
    Path signups;
    RetoolSandbox retool;
    LogCapture log;
    private final HttpClient http = HttpClient.newHttpClient();

    @RegisterExtension
    SecretScan secrets = ApplicationSecrets.scan(() -> retool, () -> signups);

    @BeforeEach
    void start() {
        retool = RetoolSandbox.start();
        log = LogCapture.attach();
    }

    @AfterEach
    void stop() {
        log.detach();
        retool.close();
    }

    @Test
    void aReplayedRequestGetsItsFirstAnswerAndMakesNoBatchEvenAfterARestart() throws Exception {
        String body = "[{\"email\":\"replayed@example.com\"},{\"email\":\"twice@example.com\"}]";
        long timestamp = System.currentTimeMillis() / 1000;
        String first;
        try (RunningApplication app = RunningApplication.start(signups, retool, Map.of())) {
            String signature = app.sign(timestamp, body);
            HttpResponse<String> original = app.post(body, "application/json", String.valueOf(timestamp), signature);
            assertThat(original.statusCode()).isEqualTo(202);
            first = original.body();
            for (int replay = 0; replay < 5; replay++) {
                HttpResponse<String> again = app.post(body, "application/json", String.valueOf(timestamp),
                        signature.toUpperCase(java.util.Locale.ROOT).replace("SHA256=", "sha256="));
                assertThat(again.statusCode()).isEqualTo(202);
                assertThat(again.body()).isEqualTo(first);
            }
            app.awaitReport(requestId(first));
        }
        try (RunningApplication restarted = RunningApplication.start(signups, retool, Map.of())) {
            HttpResponse<String> afterRestart = restarted.post(body, "application/json", String.valueOf(timestamp),
                    restarted.sign(timestamp, body));
            assertThat(afterRestart.statusCode()).isEqualTo(202);
            assertThat(afterRestart.body()).isEqualTo(first);
        }
        assertThat(webhookBatches(LedgerDataSource.forUrl(LedgerDataSource.embeddedUrl(signups), "", "")))
                .isEqualTo(1);
        assertThat(retool.invitesFor("replayed@example.com")).hasSize(1);
    }

    @Test
    void aRequestReplayedToAnotherNodeGetsTheFirstNodesAnswer(@TempDir Path otherNode) throws Exception {
        String ledger = TestPostgres.newDatabase();
        Map<String, String> shared = Map.of("ledger.jdbc-url", ledger);
        String body = "{\"email\":\"two-nodes@example.com\"}";
        long timestamp = System.currentTimeMillis() / 1000;
        try (RunningApplication one = RunningApplication.start(signups, retool, shared);
             RunningApplication two = RunningApplication.start(otherNode, retool, shared)) {
            String signature = one.sign(timestamp, body);

            HttpResponse<String> first = one.post(body, "application/json", String.valueOf(timestamp), signature);
            HttpResponse<String> replayed = two.post(body, "application/json", String.valueOf(timestamp), signature);

            assertThat(first.statusCode()).isEqualTo(202);
            assertThat(replayed.statusCode()).isEqualTo(202);
            assertThat(replayed.body()).isEqualTo(first.body());
            DataSource postgres = LedgerDataSource.forUrl(ledger, "", "");
            assertThat(webhookBatches(postgres)).isEqualTo(1);
        }
    }

    @Test
    void aSignatureInTheUrlIsRefusedEvenWhenItIsValid() throws Exception {
        try (RunningApplication app = RunningApplication.start(signups, retool, Map.of())) {
            String body = "{\"email\":\"in-the-url@example.com\"}";
            long now = System.currentTimeMillis() / 1000;
            String query = "?" + WebhookSignature.TIMESTAMP_HEADER + "=" + now + "&"
                           + WebhookSignature.SIGNATURE_HEADER.toLowerCase(java.util.Locale.ROOT) + "="
                           + URLEncoder.encode(app.sign(now, body), StandardCharsets.UTF_8);

            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + app.port() + "/signups" + query))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body))
                    .build(), HttpResponse.BodyHandlers.ofString());

            assertThat(answer.statusCode()).isEqualTo(401);
            assertThat(answer.body()).contains("as HTTP headers");
            assertThat(app.ledger().find("in-the-url@example.com")).isEmpty();
        }
    }

    @Test
    void aThousandBrokenSignupsGetAShortAnswerWithTheirCount() throws Exception {
        List<String> broken = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            broken.add("{\"firstName\":1,\"groups\":\"x\",\"attributes\":[],\"nope\":true}");
        }
        try (RunningApplication app = RunningApplication.start(signups, retool, Map.of())) {
            HttpResponse<String> answer = app.postSigned("[" + String.join(",", broken) + "]");

            assertThat(answer.statusCode()).isEqualTo(400);
            JsonNode json = RunningApplication.json(answer.body());
            assertThat(json.path("errors").size()).isEqualTo(50);
            assertThat(json.path("errorCount").asInt()).isEqualTo(5000);
            assertThat(answer.body().length()).isLessThan(10_000);
        }
    }

    @Test
    void anOversizedBodyIs413WithAWarningAndNoErrorInTheLog() throws Exception {
        try (RunningApplication app = RunningApplication.start(signups, retool, Map.of())) {
            log.drain();
            String huge = "{\"email\":\"big@example.com\",\"company\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}";

            for (int i = 0; i < 3; i++) {
                assertThat(app.postSigned(huge).statusCode()).isEqualTo(413);
            }

            List<String> lines = log.drain();
            assertThat(lines).noneMatch(line -> line.startsWith("ERROR"));
            assertThat(lines).filteredOn(line -> line.contains("refused with 413")).hasSize(3)
                    .allMatch(line -> line.startsWith("WARN") && line.contains("/signups from 127.0.0.1"));
        }
    }

    @Test
    void aRefusedRequestLeavesItsReasonAndSourceInTheLogButNeverItsSignature() throws Exception {
        try (RunningApplication app = RunningApplication.start(signups, retool, Map.of())) {
            log.drain();
            String body = "{\"email\":\"refused@example.com\"}";
            long now = System.currentTimeMillis() / 1000;
            String forged = "sha256=" + "ab".repeat(32);
            String valid = app.sign(now, body);

            assertThat(app.post(body, "application/json", String.valueOf(now), forged).statusCode()).isEqualTo(401);
            assertThat(app.post(body, "text/plain", String.valueOf(now), valid).statusCode()).isEqualTo(415);
            assertThat(app.postSigned("{\"name\":\"no address\"}").statusCode()).isEqualTo(400);

            List<String> lines = log.drain();
            assertThat(lines).filteredOn(line -> line.contains("refused with")).hasSize(3)
                    .allMatch(line -> line.startsWith("WARN") && line.contains("from 127.0.0.1"))
                    .anyMatch(line -> line.contains("401") && line.contains("does not match"))
                    .anyMatch(line -> line.contains("415") && line.contains("application/json"))
                    .anyMatch(line -> line.contains("400") && line.contains("email"));
            assertThat(String.join("\n", lines)).doesNotContain(forged.substring(7)).doesNotContain(valid.substring(7));
        }
    }

    private static String requestId(String answer) throws Exception {
        return RunningApplication.json(answer).path("ids").get(0).asText().replaceAll("#.*", "");
    }

    private static int webhookBatches(DataSource ledger) throws Exception {
        try (Connection connection = ledger.getConnection(); Statement statement = connection.createStatement();
             ResultSet count = statement.executeQuery(
                     "SELECT COUNT(*) FROM signup_batch WHERE source = 'WEBHOOK'")) {
            count.next();
            return count.getInt(1);
        } finally {
            LedgerDataSource.close(ledger);
        }
    }
}
