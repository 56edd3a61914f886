package io.camelretool.example.hostile;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.camelretool.example.ApplicationSecrets;
import io.camelretool.example.RunningApplication;
import io.camelretool.example.intake.webhook.WebhookSignature;
import io.camelretool.sandbox.RetoolSandbox;
import io.camelretool.testing.SecretScan;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The webhook's HTTP server attacked the way an outsider on the network can: thousands of connections that never
 * send anything, a request head trickled in a byte at a time, a body that never finishes. The server must close them
 * and keep answering real senders and health checks meanwhile. Bounded: a few thousand loopback sockets (the
 * process's file limit is checked first), limits of seconds.
 */
class HttpServerUnderSiegeTest {

    private static final int CAP = 300;
    private static final int SILENT_CONNECTIONS = 2000;

    @TempDir
    static Path signups;
    static RetoolSandbox retool;
    static RunningApplication app;

    @RegisterExtension
    static SecretScan secrets = ApplicationSecrets.scan(() -> retool, () -> signups);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start() throws Exception {
        retool = RetoolSandbox.start();
        app = RunningApplication.start(signups, retool, Map.of("http.header-timeout-seconds", "2", "http.request-timeout-seconds", "3",
                "http.idle-timeout-seconds", "4"));
    }

    @AfterAll
    static void stop() {
        app.close();
        retool.close();
    }

    @Test
    void aSignedRequestIsAcceptedAndHealthAnswersWhileThousandsOfSilentConnectionsAreHeld(@TempDir Path data)
            throws Exception {
        // timeouts far beyond the test: whatever closes a silent connection here is the cap
        try (RunningApplication besieged = RunningApplication.start(data, retool, Map.of("http.max-connections",
                String.valueOf(CAP), "http.header-timeout-seconds", "600", "http.idle-timeout-seconds", "600"))) {
            await().atMost(Duration.ofSeconds(20)).until(() -> besieged.get("/observe/health").statusCode() == 200);
            List<Socket> silent = new ArrayList<>();
            try {
                for (int i = 0; i < SILENT_CONNECTIONS; i++) {
                    silent.add(connect(besieged));
                }

                HttpResponse<String> signed = send(signedRequest(besieged, "{\"email\":\"besieged@example.com\"}"));
                HttpResponse<String> health = send(HttpRequest.newBuilder(uri(besieged, "/observe/health")).build());

                assertThat(signed.statusCode()).as(signed.body()).isEqualTo(202);
                assertThat(health.statusCode()).isEqualTo(200);
                assertThat(health.body()).isEqualTo("{\"status\":\"UP\"}");
                // over the cap, the oldest silent connections made room: the server holds no more than it allows
                await().atMost(Duration.ofSeconds(30))
                        .until(() -> closedByServer(silent) >= SILENT_CONNECTIONS - CAP);
            } finally {
                closeAll(silent);
            }
            besieged.awaitReport(RunningApplication.json(send(signedRequest(besieged,
                    "{\"email\":\"after@example.com\"}")).body()).path("ids").get(0).asText().replaceAll("#.*", ""));
        }
    }

    @Test
    void aConnectionThatSendsNothingIsClosed() throws Exception {
        try (Socket socket = connect()) {
            awaitClosedByServer(socket);
        }
    }

    @Test
    void aRequestHeadTrickledInAByteAtATimeIsClosed() throws Exception {
        byte[] head = ("POST /signups HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                       + "X-Padding: " + "a".repeat(200) + "\r\n").getBytes(StandardCharsets.US_ASCII);
        try (Socket socket = connect()) {
            OutputStream out = socket.getOutputStream();
            boolean closed = false;
            // one byte every 200 ms keeps the connection from ever being idle; the head's deadline must close it
            for (int i = 0; i < head.length && !closed; i++) {
                try {
                    out.write(head[i]);
                    out.flush();
                    Thread.sleep(200);
                } catch (IOException reset) {
                    closed = true;
                }
            }
            assertThat(closed || isClosedByServer(socket, Duration.ofSeconds(5))).as("closed before the head ended")
                    .isTrue();
        }
    }

    @Test
    void aBodyThatNeverEndsIsClosed() throws Exception {
        try (Socket socket = connect()) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /signups HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                       + "Content-Length: 100000\r\n\r\n[").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            awaitClosedByServer(socket);
        }
    }

    private static Socket connect() throws IOException {
        return connect(app);
    }

    private static Socket connect(RunningApplication target) throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", target.port()), 5000);
        return socket;
    }

    private static HttpRequest signedRequest(RunningApplication target, String body) {
        long now = System.currentTimeMillis() / 1000;
        return HttpRequest.newBuilder(uri(target, "/signups")).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header(WebhookSignature.TIMESTAMP_HEADER, String.valueOf(now))
                .header(WebhookSignature.SIGNATURE_HEADER, target.sign(now, body))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private HttpResponse<String> send(HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static URI uri(RunningApplication target, String path) {
        return URI.create("http://127.0.0.1:" + target.port() + path);
    }

    private static void awaitClosedByServer(Socket socket) {
        await().atMost(Duration.ofSeconds(15)).until(() -> isClosedByServer(socket, Duration.ofMillis(200)));
    }

    /** Counts the sockets the server closed; those are dropped from the list, so each is read until closed once. */
    private static long closedByServer(List<Socket> sockets) throws IOException {
        long closed = 0;
        for (Socket socket : sockets) {
            if (socket.isInputShutdown() || isClosedByServer(socket, Duration.ofMillis(1))) {
                socket.shutdownInput();
                closed++;
            }
        }
        return closed;
    }

    /** True when the server has closed its end: a read ends the stream (or the connection was reset). */
    private static boolean isClosedByServer(Socket socket, Duration wait) throws IOException {
        socket.setSoTimeout((int) Math.max(1, wait.toMillis()));
        try {
            InputStream in = socket.getInputStream();
            while (true) {
                if (in.read() < 0) {
                    return true;
                }
            }
        } catch (SocketTimeoutException stillOpen) {
            return false;
        } catch (IOException reset) {
            return true;
        }
    }

    private static void closeAll(List<Socket> sockets) {
        for (Socket socket : sockets) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing a socket the server already closed may fail; it is gone either way
            }
        }
    }
}
