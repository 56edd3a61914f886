package io.camelretool.example.console;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.camelretool.example.ApplicationSecrets;
import io.camelretool.example.RunningApplication;
import io.camelretool.example.ledger.LedgerStatus;
import io.camelretool.sandbox.junit.RetoolSandboxExtension;
import io.camelretool.testing.SecretScan;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The console over plain HTTP, as an attacker without a browser would try it: no session, a forged post, guessed
 * passwords, hostile values; and what every answer must carry.
 */
class ConsoleHttpTest {

    static final String USER = "operator";
    static final String PASSWORD = "correct horse battery staple";

    @RegisterExtension
    static RetoolSandboxExtension retool = RetoolSandboxExtension.business();

    @TempDir
    Path signups;

    @RegisterExtension
    final SecretScan secrets = ApplicationSecrets.scan(retool::sandbox, () -> signups,
            List.of(new SecretScan.Secret("the console password", PASSWORD)));

    private RunningApplication app;
    private ConsoleClient client;

    @BeforeEach
    void start() throws Exception {
        app = RunningApplication.start(signups, retool.sandbox(), Map.of(
                "console.users", USER + ":" + PasswordHashes.hash(PASSWORD, 4)));
        client = new ConsoleClient(app.url(""), secrets::seen);
    }

    @AfterEach
    void stop() {
        app.close();
    }

    @Test
    void answersNothingWithoutASession() throws Exception {
        for (String page : List.of("/console/overview", "/console/people?q=a", "/console/person?email=a@b.c",
                "/console/batches", "/console/mail", "/console/audit", "/console/confirm?action=replay&email=a@b.c")) {
            HttpResponse<String> answer = client.get(page);
            assertThat(answer.statusCode()).as(page).isEqualTo(303);
            assertThat(answer.headers().firstValue("Location")).as(page).contains("/console/login");
        }
        assertThat(client.get("/console/report?batch=csv-20260101-000000-00000000&format=csv").statusCode())
                .isEqualTo(401);
        assertThat(client.post("/console/do", List.of("action", "replay", "email", "a@b.c")).statusCode())
                .isEqualTo(401);
    }

    @Test
    void logsInWithTheConfiguredPasswordAndOutAgain() throws Exception {
        HttpResponse<String> login = client.logIn(USER, PASSWORD);
        assertThat(login.statusCode()).isEqualTo(303);
        String cookie = login.headers().allValues("Set-Cookie").stream()
                .filter(value -> value.startsWith(ConsoleServer.SESSION_COOKIE + "=")).findFirst().orElseThrow();
        assertThat(cookie).containsIgnoringCase("HttpOnly").contains("SameSite=Strict").contains("Path=/console")
                .doesNotContain("Secure");
        HttpResponse<String> overview = client.get("/console/overview");
        assertThat(overview.statusCode()).isEqualTo(200);
        assertThat(overview.body()).contains("id=\"fig-failed\"").contains("id=\"activity-chart\"");

        HttpResponse<String> logout = client.post("/console/logout", List.of("csrf",
                ConsoleClient.csrf(overview.body())));
        assertThat(logout.statusCode()).isEqualTo(303);
        assertThat(client.get("/console/overview").statusCode()).isEqualTo(303);
    }

    @Test
    void behindAnHttpsProxyTheCookiesAreSecure() throws Exception {
        HttpResponse<String> login = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest
                .newBuilder(java.net.URI.create(app.url("/console/login"))).header("X-Forwarded-Proto", "https")
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(login.headers().allValues("Set-Cookie")).filteredOn(value -> value.startsWith(
                ConsoleServer.LOGIN_COOKIE + "=")).singleElement().asString().contains("Secure")
                .containsIgnoringCase("HttpOnly").contains("SameSite=Strict");
    }

    @Test
    void everyAnswerForbidsScriptsFramingAndSniffing() throws Exception {
        client.logIn(USER, PASSWORD);
        for (String page : List.of("/console/login", "/console/overview", "/console/people", "/console/batches",
                "/console/static/console.css", "/console/nowhere/../overview", "/console/nonexistent",
                "/console/static/nothing.css")) {
            HttpResponse<String> answer = client.get(page);
            assertThat(answer.headers().firstValue("Content-Security-Policy")).as(page)
                    .hasValue(ConsoleServer.CSP);
            assertThat(answer.headers().firstValue("X-Content-Type-Options")).as(page).hasValue("nosniff");
        }
        HttpResponse<String> wrongMethod = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest
                .newBuilder(java.net.URI.create(app.url("/console/overview")))
                .PUT(java.net.http.HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(wrongMethod.statusCode()).isEqualTo(405);
        assertThat(wrongMethod.headers().firstValue("Content-Security-Policy")).hasValue(ConsoleServer.CSP);
        assertThat(wrongMethod.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(ConsoleServer.CSP).contains("frame-ancestors 'none'").doesNotContain("unsafe-inline")
                .contains("default-src 'none'");
        assertThat(client.get("/console/overview").body()).doesNotContain("<script").doesNotContain(" style=");
    }

    @Test
    void refusesAWrongPasswordAndSlowsDownRepeatedGuesses() throws Exception {
        assertThat(client.logIn(USER, "wrong one").statusCode()).isEqualTo(401);
        assertThat(client.logIn("nobody", PASSWORD).statusCode()).isEqualTo(401);
        assertThat(client.logIn(USER, "wrong two").statusCode()).isEqualTo(401);
        // the address has failed three times: the next attempt, even with the right password, must wait
        HttpResponse<String> throttled = client.logIn(USER, PASSWORD);
        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(throttled.body()).contains("Too many failed logins");
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(500))
                .until(() -> client.logIn(USER, PASSWORD).statusCode() == 303);
    }

    @Test
    void refusesALoginPostedWithoutItsFormToken() throws Exception {
        HttpResponse<String> forged = client.post("/console/login", List.of("user", USER, "password", PASSWORD));
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(client.get("/console/overview").statusCode()).isEqualTo(303);
    }

    @Test
    void refusesAnActionPostedWithoutItsCsrfTokenAndChangesNothing() throws Exception {
        app.postSigned("{\"email\":\"held@outside.example\"}");
        await().atMost(Duration.ofSeconds(20)).until(() -> app.ledger().find("held@outside.example")
                .map(entry -> entry.status().isSettled()).orElse(false));
        client.logIn(USER, PASSWORD);
        HttpResponse<String> forged = client.post("/console/do", List.of("action", "let-through", "email",
                "held@outside.example"));
        assertThat(forged.statusCode()).isEqualTo(403);
        HttpResponse<String> wrong = client.post("/console/do", List.of("action", "let-through", "email",
                "held@outside.example", "csrf", "not-the-token"));
        assertThat(wrong.statusCode()).isEqualTo(403);
        for (String action : List.of("offboard", "revoke", "renew")) {
            assertThat(client.post("/console/do", List.of("action", action, "email", "held@outside.example",
                    "invite", "1")).statusCode()).as(action).isEqualTo(403);
        }
        assertThat(app.entry("held@outside.example").status()).isEqualTo(LedgerStatus.INVITED);
        assertThat(app.ledger().auditTrail().recent(10)).isEmpty();
    }

    @Test
    void answersBadParametersWith400AndNeverAFileOutsideTheReports() throws Exception {
        client.logIn(USER, PASSWORD);
        assertThat(client.get("/console/people?status=NOPE").statusCode()).isEqualTo(400);
        assertThat(client.get("/console/people?offset=-1").statusCode()).isEqualTo(400);
        assertThat(client.get("/console/people?q=" + "a".repeat(400)).statusCode()).isEqualTo(400);
        assertThat(client.get("/console/confirm?action=format-disk").statusCode()).isEqualTo(400);
        assertThat(client.get("/console/report?batch=..%2F..%2Fetc%2Fpasswd&format=csv").statusCode())
                .isEqualTo(400);
        assertThat(client.get("/console/report?batch=csv-20260101-000000-00000000&format=sh").statusCode())
                .isEqualTo(400);
        assertThat(client.get("/console/person?email=nobody@nowhere.example").statusCode()).isEqualTo(404);
        assertThat(client.get("/console/people?q=%25%27%22%3C").statusCode()).isEqualTo(200);
    }

    @Test
    void showsAHostileSignupAsText() throws Exception {
        app.postSigned("{\"email\":\"mallory@outside.example\",\"firstName\":\"<script>alert(1)</script>\","
                       + "\"lastName\":\"<img src=x onerror=alert(2)>\","
                       + "\"company\":\"\\u202Egnp.exe\\\" onmouseover=\\\"alert(3)\"}");
        await().atMost(Duration.ofSeconds(20)).until(() -> app.ledger().find("mallory@outside.example")
                .map(entry -> entry.status() == LedgerStatus.INVITED).orElse(false));
        client.logIn(USER, PASSWORD);
        String page = client.get("/console/person?email=mallory@outside.example").body();
        assertThat(page).contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                .contains("&lt;img src=x onerror=alert(2)&gt;")
                .contains("[U+202E]gnp.exe&quot; onmouseover=&quot;alert(3)").doesNotContain("<script")
                .doesNotContain("<img").doesNotContain("\u202E");
        assertThat(client.get("/console/people?q=mallory").body()).doesNotContain("<script").doesNotContain("<img");
    }
}
