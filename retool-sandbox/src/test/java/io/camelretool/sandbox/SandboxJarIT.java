package io.camelretool.sandbox;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import static org.assertj.core.api.Assertions.assertThat;

/** The standalone jar, started the way the README tells a new user to start it. */
class SandboxJarIT {

    private static final Pattern LISTENING = Pattern.compile("retool-sandbox listening on (http://127\\.0\\.0\\.1:\\d+)");
    private static final Pattern TRUST_STORE = Pattern.compile(
            "retool-sandbox trust store: (.+) \\(PKCS12, password (\\S+)\\)");
    private static final Path JAR = Path.of("target", "retool-sandbox.jar");

    private Process process;

    @AfterEach
    void stop() {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
        }
    }

    @Test
    void startsAnswersAndStopsCleanlyOnSigterm() throws Exception {
        process = start("--port", "0", "--plan", "enterprise", "--api-key", "retool_it_key",
                "--api-key", "retool_it_reader:users:read");
        BufferedReader output = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));

        String baseUrl = awaitBaseUrl(output);
        TestClient client = new TestClient(baseUrl, "retool_it_key");
        HttpResponse<String> created = client.post("/api/v2/user_invites", "{\"email\":\"ada@example.com\"}");
        HttpResponse<String> users = client.withKey("retool_it_reader").get("/api/v2/users");
        HttpResponse<String> refused = client.withKey("retool_it_reader")
                .post("/api/v2/user_invites", "{\"email\":\"bob@example.com\"}");
        HttpResponse<String> adminInvites = client.get("/_sandbox/invites");

        assertThat(created.statusCode()).isEqualTo(200);
        assertThat(TestClient.json(created).get("data").get("invited_email").asText()).isEqualTo("ada@example.com");
        assertThat(users.statusCode()).isEqualTo(200);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(TestClient.json(adminInvites)).hasSize(1);

        // SIGTERM through the handle: Process.destroy() sends it too but also closes our end of the output pipe
        assertThat(process.toHandle().destroy()).isTrue();
        assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
        // 143 = 128 + SIGTERM: the JVM's normal exit status after running its shutdown hooks on SIGTERM
        assertThat(process.exitValue()).isEqualTo(143);
        assertThat(remainingLines(output)).contains("retool-sandbox stopped");
    }

    @Test
    void servesHttpsWithTlsAndPrintsTheTrustStoreAClientNeeds() throws Exception {
        process = start("--tls", "--port", "0");
        BufferedReader output = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));

        String first = output.readLine();
        Matcher trust = TRUST_STORE.matcher(String.valueOf(output.readLine()));

        assertThat(first).matches("retool-sandbox listening on https://127\\.0\\.0\\.1:\\d+");
        assertThat(trust.matches()).as("the second line names the trust store").isTrue();
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(Path.of(trust.group(1)))) {
            store.load(in, trust.group(2).toCharArray());
        }
        TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trustManagers.init(store);
        SSLContext client = SSLContext.getInstance("TLS");
        client.init(null, trustManagers.getTrustManagers(), null);
        String baseUrl = first.substring("retool-sandbox listening on ".length());
        HttpResponse<String> invites = HttpClient.newBuilder().sslContext(client).build().send(
                HttpRequest.newBuilder(URI.create(baseUrl + "/api/v2/user_invites"))
                        .header("Authorization", "Bearer " + RetoolSandbox.DEFAULT_API_KEY).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(invites.statusCode()).isEqualTo(200);
    }

    @Test
    void refusesAnUnknownFlagNamingIt() throws Exception {
        process = start("--colour", "blue");

        assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(2);
        String errors = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(errors).contains("unknown option --colour").contains("Usage:");
    }

    @Test
    void printsUsageForHelp() throws Exception {
        process = start("--help");

        assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isZero();
        String usage = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(usage).contains("--rate-limit-per-minute", "--api-key", "--fault-rate");
    }

    private static Process start(String... args) throws IOException {
        assertThat(JAR).as("the standalone jar is built in the package phase").exists();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).start();
    }

    private static String awaitBaseUrl(BufferedReader output) throws IOException {
        String line = output.readLine();
        assertThat(line).as("the first line of the sandbox's output").isNotNull();
        Matcher matcher = LISTENING.matcher(line);
        assertThat(matcher.matches()).as("'%s' announces the port", line).isTrue();
        return matcher.group(1);
    }

    private static List<String> remainingLines(BufferedReader output) {
        return output.lines().toList();
    }
}
