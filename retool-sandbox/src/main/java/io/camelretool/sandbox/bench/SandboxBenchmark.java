package io.camelretool.sandbox.bench;

import io.camelretool.sandbox.RetoolSandbox;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How many invite creations a second the sandbox serves: N threads, each with its own keep-alive
 * {@link HttpClient}, post invites for a fixed time against a sandbox in the same JVM, after a short warm-up.
 *
 * <pre>java -cp retool-sandbox/target/retool-sandbox.jar io.camelretool.sandbox.bench.SandboxBenchmark [clients] [seconds]</pre>
 */
public final class SandboxBenchmark {

    private static final int DEFAULT_CLIENTS = 8;
    private static final int DEFAULT_SECONDS = 5;
    private static final Duration WARM_UP = Duration.ofSeconds(2);

    private SandboxBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int clients = args.length > 0 ? positive("clients", args[0]) : DEFAULT_CLIENTS;
        int seconds = args.length > 1 ? positive("seconds", args[1]) : DEFAULT_SECONDS;
        try (RetoolSandbox sandbox = RetoolSandbox.start()) {
            run(sandbox, clients, WARM_UP);
            sandbox.reset();
            long started = System.nanoTime();
            Counts counts = run(sandbox, clients, Duration.ofSeconds(seconds));
            double elapsed = (System.nanoTime() - started) / 1e9;
            System.out.printf("retool-sandbox benchmark: %d keep-alive clients, %d s, %d invites created,"
                            + " %d failed, %.0f requests/second%n",
                    clients, seconds, counts.ok(), counts.failed(), counts.ok() / elapsed);
            if (sandbox.invites().size() != counts.ok()) {
                System.out.println("warning: the sandbox holds " + sandbox.invites().size() + " invites");
            }
        }
    }

    private record Counts(long ok, long failed) {
    }

    private static Counts run(RetoolSandbox sandbox, int clients, Duration duration) throws Exception {
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong ok = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int client = c;
                workers.add(pool.submit(() -> drive(sandbox, client, running, ok, failed)));
            }
            Thread.sleep(duration.toMillis());
            running.set(false);
            for (Future<?> worker : workers) {
                worker.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return new Counts(ok.get(), failed.get());
    }

    private static Void drive(RetoolSandbox sandbox, int client, AtomicBoolean running, AtomicLong ok,
            AtomicLong failed) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        URI invites = URI.create(sandbox.baseUrl() + "/api/v2/user_invites");
        String authorization = "Bearer " + sandbox.apiKey();
        for (long n = 0; running.get(); n++) {
            HttpRequest request = HttpRequest.newBuilder(invites)
                    .header("Authorization", authorization)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "{\"email\":\"bench-" + client + "-" + n + "@example.com\",\"defaultGroupIds\":[4]}"))
                    .build();
            try {
                HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
                (response.statusCode() == 200 ? ok : failed).incrementAndGet();
            } catch (IOException connectionLost) {
                // counted, not fatal: a benchmark reports failures instead of stopping at the first
                failed.incrementAndGet();
            }
        }
        return null;
    }

    private static int positive(String name, String value) {
        try {
            int number = Integer.parseInt(value);
            if (number > 0) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(name + " must be a positive whole number; got '" + value + "'");
    }
}
