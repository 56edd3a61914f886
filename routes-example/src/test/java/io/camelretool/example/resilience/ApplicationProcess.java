package io.camelretool.example.resilience;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The example application as a user runs it, {@code java -jar camel-retool-example.jar}, in a process of its own, so
 * that a test can kill it with SIGKILL at any moment and start it again on the same data folder and ledger. Everything
 * it prints, over all its lives, goes to one log file.
 */
final class ApplicationProcess implements AutoCloseable {

    private static final Duration START_PATIENCE = Duration.ofSeconds(60);

    private final String name;
    private final Map<String, String> environment;
    private final Path log;
    private final int port;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private Process process;
    private int starts;

    /**
     * @param environment the settings, as environment variables; {@code WEBHOOK_PORT} must be among them
     */
    ApplicationProcess(String name, Map<String, String> environment, Path log) {
        this.name = name;
        Map<String, String> settings = new java.util.HashMap<>(environment);
        // each process's loopback management port (health in detail) must be its own, like its webhook port
        settings.putIfAbsent("MANAGEMENT_PORT", String.valueOf(io.camelretool.example.testing.FreePorts.next()));
        this.environment = Map.copyOf(settings);
        this.log = log;
        this.port = Integer.parseInt(environment.get("WEBHOOK_PORT"));
    }

    /** Starts the jar and waits until its health check says every route runs. */
    ApplicationProcess start() throws IOException, InterruptedException {
        Path jar = Path.of(System.getProperty("app.jar", "target/camel-retool-example.jar")).toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: the application jar is built by the package phase");
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx256m", "-XX:TieredStopAtLevel=1", "-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().clear();
        builder.environment().put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        builder.environment().putAll(environment);
        starts++;
        Files.writeString(log, "=== " + name + " start " + starts + " at " + Instant.now() + " ===\n",
                StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.APPEND);
        process = builder.start();
        awaitReady();
        return this;
    }

    private void awaitReady() throws InterruptedException {
        Instant deadline = Instant.now().plus(START_PATIENCE);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + " while starting:\n"
                                                + logTail());
            }
            if (isReady()) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException(name + " was not ready within " + START_PATIENCE + ":\n" + logTail());
    }

    /** The end of the log, for a failure message that outlives the test's temporary folder. */
    private String logTail() {
        try {
            String text = Files.readString(log, StandardCharsets.UTF_8);
            return text.substring(Math.max(0, text.length() - 4000));
        } catch (IOException e) {
            return "(the log " + log + " cannot be read: " + e.getMessage() + ")";
        }
    }

    boolean isReady() {
        try {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + "/observe/health/ready")).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return answer.statusCode() == 200 && answer.body().contains("UP");
        } catch (IOException notYet) {
            return false;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Kills the process the moment its log, from now on, shows {@code text}; false when it did not within the time
     * given (the process is then left running).
     */
    boolean killWhenLogShows(String text, Duration patience) throws IOException, InterruptedException {
        if (awaitLog(text, patience)) {
            kill();
            return true;
        }
        return false;
    }

    /** Waits until the log, from now on, shows {@code text}; false when it did not within the time given. */
    boolean awaitLog(String text, Duration patience) throws IOException, InterruptedException {
        return awaitLog(logMark(), text, patience);
    }

    /** Where the log ends now: a later {@link #awaitLog(long, String, Duration)} looks only after this point. */
    long logMark() throws IOException {
        return Files.size(log);
    }

    /** Waits until the log, after {@code from}, shows {@code text}; false when it did not within the time given. */
    boolean awaitLog(long from, String text, Duration patience) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(patience);
        while (Instant.now().isBefore(deadline)) {
            try (java.io.RandomAccessFile file = new java.io.RandomAccessFile(log.toFile(), "r")) {
                file.seek(from);
                byte[] appended = new byte[(int) (file.length() - from)];
                file.readFully(appended);
                if (new String(appended, StandardCharsets.UTF_8).contains(text)) {
                    return true;
                }
            }
            Thread.sleep(2);
        }
        return false;
    }

    /** SIGKILL: no shutdown hook, no flush, no goodbye; what was not committed is gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException(name + " did not die after SIGKILL");
        }
    }

    /** SIGTERM: Camel stops its routes and closes the ledger. */
    void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                kill();
            }
        }
    }

    boolean isAlive() {
        return process != null && process.isAlive();
    }

    int port() {
        return port;
    }

    int starts() {
        return starts;
    }

    Path log() {
        return log;
    }

    @Override
    public void close() {
        try {
            stop();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
