package io.camelretool.benchmarks.application;

import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import io.camelretool.benchmarks.workload.SignupCsv;
import io.camelretool.sandbox.RetoolSandbox;

/**
 * The example application as a team deploys it: {@code java -jar camel-retool-example.jar} with {@code lib/} beside
 * it, configured only by environment variables, here pointed at a sandbox with the client-side limit off and no
 * mailbox. The jar is the one the build leaves in {@code routes-example/target}; the benchmarks measure whatever it
 * does.
 */
final class ApplicationJar {

    /** Set by the benchmarks' Maven profile; the path of {@code routes-example/target/camel-retool-example.jar}. */
    private static final String JAR_PROPERTY = "benchmarks.example-jar";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private final Path jar;

    private ApplicationJar(Path jar) {
        this.jar = jar;
    }

    /** @throws IllegalStateException naming the build command when the jar or its {@code lib/} is missing */
    static ApplicationJar built() {
        String location = System.getProperty(JAR_PROPERTY);
        if (location == null) {
            throw new IllegalStateException("-D" + JAR_PROPERTY + " is not set; run the benchmarks through Maven, "
                                            + "see benchmarks/RESULTS.md");
        }
        Path jar = Path.of(location).toAbsolutePath().normalize();
        if (!Files.isRegularFile(jar) || !Files.isDirectory(jar.resolveSibling("lib"))) {
            throw new IllegalStateException(jar + " or the lib/ beside it is missing; build it with "
                                            + "./mvnw -B -q package -DskipTests");
        }
        return new ApplicationJar(jar);
    }

    /** Starts {@code java <jvmOptions> -jar camel-retool-example.jar} in {@code settings}' environment. */
    ChildJvm start(List<String> jvmOptions, Settings settings, Consumer<String> onLine) throws IOException {
        List<String> arguments = new ArrayList<>(jvmOptions);
        arguments.add("-jar");
        arguments.add(jar.toString());
        return ChildJvm.start(arguments, settings.environment(), onLine);
    }

    /**
     * Waits until {@code GET /observe/health} answers 200 (every route started, the webhook among them).
     *
     * @return {@link System#nanoTime()} of that answer
     */
    static long awaitHealthy(ChildJvm app, Settings settings) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + settings.port()
                                                               + "/observe/health")).timeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!app.isAlive()) {
                throw new IllegalStateException("the application stopped while starting: " + app.describeEnd());
            }
            try {
                if (http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return System.nanoTime();
                }
            } catch (ConnectException notListeningYet) {
                // the HTTP server is not up yet: ask again
            } catch (HttpTimeoutException busyStarting) {
                // listening, but too busy starting (on a loaded machine) to answer within the request's timeout
            } catch (IOException resetWhileStarting) {
                // accepted and closed unanswered while its HTTP server is being set up (seen after a kill -9): again
            }
            Thread.sleep(10);
        }
        throw new IllegalStateException("the application did not answer /observe/health with 200 within "
                                        + START_TIMEOUT.toSeconds() + " s: " + app.describeEnd());
    }

    /**
     * One configuration of the application: its data folder, its HTTP port and the environment variables that say
     * so. The API key and the webhook secret are in the environment only, never printed.
     */
    record Settings(Path signupsDir, int port, Map<String, String> environment) {

        static Settings of(RetoolSandbox sandbox, Path signupsDir, boolean dryRun) throws IOException {
            int port = freePort();
            Map<String, String> environment = new LinkedHashMap<>();
            environment.put("RETOOL_BASE_URL", sandbox.baseUrl());
            environment.put("RETOOL_API_KEY", sandbox.apiKey());
            environment.put("RETOOL_RATE_LIMIT_PER_MINUTE", "0");
            environment.put("RETOOL_ORG_DOMAINS", SignupCsv.ORGANISATION_DOMAIN);
            environment.put("SIGNUPS_DIR", signupsDir.toString());
            environment.put("MAIL_ENABLED", "false");
            environment.put("DRY_RUN", Boolean.toString(dryRun));
            // more than any run has rows: the cap is not what is measured
            environment.put("MAX_NEW_EXTERNAL_SEATS_PER_DAY", "100000000");
            environment.put("WEBHOOK_SECRET", HexFormat.of().formatHex(randomBytes()));
            environment.put("WEBHOOK_PORT", Integer.toString(port));
            // the pipeline and the reporter look at the ledger ten times a second, so polling adds little to a run
            environment.put("PIPELINE_POLL_DELAY_MS", "100");
            return new Settings(signupsDir, port, Map.copyOf(environment));
        }

        Path inbox() {
            return signupsDir.resolve("inbox");
        }

        Path reports() {
            return signupsDir.resolve("reports");
        }

        private static int freePort() throws IOException {
            try (ServerSocket socket = new ServerSocket(0)) {
                return socket.getLocalPort();
            }
        }

        private static byte[] randomBytes() {
            byte[] bytes = new byte[32];
            new SecureRandom().nextBytes(bytes);
            return bytes;
        }
    }
}
