package io.camelretool.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

import io.camelretool.component.RetoolComponent;
import io.camelretool.sandbox.RetoolSandbox;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * Prints the component's figures against retool-sandbox, each beside its baseline from the same run:
 * <ol>
 * <li>overhead: retool:invite against a bare java.net.http loop sending the same requests at the same
 * concurrency, limits off, without and with 20 ms of sandbox latency;</li>
 * <li>rate-limit hugging: the sandbox and the component at the same limit, three minutes' worth of invites
 * (the achieved rate as a share of the limit, and 429s), then the component 20% above the sandbox.</li>
 * </ol>
 * {@code --quick} shortens the hugging runs to 30 seconds' worth and skips the 6,000 a minute run.
 */
public final class ComponentBenchmarks {

    private static final int CONCURRENCY = 32;

    private ComponentBenchmarks() {
    }

    public static void main(String[] args) throws Exception {
        boolean quick = List.of(args).contains("--quick");
        List<String> rows = new ArrayList<>();
        rows.add(String.format(Locale.ROOT, "%-48s %14s %14s %8s", "figure", "component", "baseline", "ratio"));
        for (int latencyMs : new int[] { 0, 20 }) {
            int invites = latencyMs == 0 ? 4000 : 2000;
            try (RetoolSandbox sandbox = RetoolSandbox.builder().latencyMs(latencyMs).start()) {
                overhead(sandbox, invites / 4, "warm-up");
                sandbox.reset();
                double bare = bare(sandbox, invites, "bare");
                sandbox.reset();
                double component = overhead(sandbox, invites, "camel");
                rows.add(String.format(Locale.ROOT, "%-48s %10.0f r/s %10.0f r/s %8.2f",
                        "invites, " + CONCURRENCY + " in flight, latency " + latencyMs + " ms", component, bare,
                        component / bare));
            }
        }
        List<int[]> hugging = new ArrayList<>();
        hugging.add(new int[] { 600, 600 });
        hugging.add(new int[] { 600, 720 });
        if (!quick) {
            hugging.add(new int[] { 6000, 6000 });
            hugging.add(new int[] { 6000, 7200 });
        }
        for (int[] limits : hugging) {
            rows.add(hug(limits[0], limits[1], quick ? 0.5 : 3.0));
        }
        System.out.println();
        rows.forEach(System.out::println);
    }

    private static double bare(RetoolSandbox sandbox, int invites, String prefix) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        URI uri = URI.create(sandbox.baseUrl() + "/api/v2/user_invites");
        return timed(invites, i -> http.sendAsync(HttpRequest.newBuilder(uri)
                .header("Authorization", "Bearer " + sandbox.apiKey())
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"" + prefix + i + "@example.com\"}"))
                .build(), HttpResponse.BodyHandlers.ofByteArray()));
    }

    private static double overhead(RetoolSandbox sandbox, int invites, String prefix) throws Exception {
        CamelContext camel = context(sandbox.baseUrl(), sandbox.apiKey(), 0);
        try {
            ProducerTemplate template = camel.createProducerTemplate();
            String uri = "retool:invite?skipExisting=false";
            return timed(invites, i -> template.asyncRequestBody(uri, prefix + i + "@example.com"));
        } finally {
            camel.stop();
        }
    }

    /** Sends {@code count} at CONCURRENCY in flight; answers requests a second. */
    private static double timed(int count, IntFunction<CompletableFuture<?>> send) throws Exception {
        Semaphore inFlight = new Semaphore(CONCURRENCY);
        List<CompletableFuture<?>> all = new ArrayList<>(count);
        long started = System.nanoTime();
        for (int i = 0; i < count; i++) {
            inFlight.acquire();
            all.add(send.apply(i).whenComplete((ignored, failure) -> inFlight.release()));
        }
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();
        return count / ((System.nanoTime() - started) / 1e9);
    }

    private static String hug(int sandboxLimit, int componentLimit, double minutes) throws Exception {
        try (RetoolSandbox sandbox = RetoolSandbox.builder().rateLimitPerMinute(sandboxLimit).start()) {
            CamelContext camel = context(sandbox.baseUrl(), sandbox.apiKey(), componentLimit);
            ProducerTemplate template = camel.createProducerTemplate();
            int invites = (int) Math.round(sandboxLimit * minutes);
            AtomicInteger failed = new AtomicInteger();
            long started = System.nanoTime();
            List<CompletableFuture<?>> all = new ArrayList<>();
            for (int i = 0; i < invites; i++) {
                all.add(template.asyncRequestBody("retool:invite?skipExisting=false&maxRetries=10",
                        "hug" + i + "@example.com").exceptionally(failure -> {
                            failed.incrementAndGet();
                            return null;
                        }));
            }
            CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();
            double elapsedMinutes = (System.nanoTime() - started) / 6e10;
            long answered429 = sandbox.requests().stream().filter(request -> request.status() == 429).count();
            camel.stop();
            double perMinute = sandbox.invites().size() / elapsedMinutes;
            return String.format(Locale.ROOT, "%-48s %10.0f/min %10d/min %8.3f   429s: %d, failed: %d, invited: %d",
                    "rate limit " + componentLimit + "/min vs sandbox " + sandboxLimit + "/min, " + invites + " invites",
                    perMinute, sandboxLimit, perMinute / sandboxLimit, answered429, failed.get(),
                    sandbox.invites().size());
        }
    }

    private static CamelContext context(String baseUrl, String apiKey, int rateLimitPerMinute) {
        CamelContext camel = new DefaultCamelContext();
        RetoolComponent component = new RetoolComponent();
        component.getConfiguration().setBaseUrl(baseUrl);
        component.getConfiguration().setApiKey(apiKey);
        component.getConfiguration().setRateLimitPerMinute(rateLimitPerMinute);
        component.getConfiguration().setConnectTimeout(Duration.ofSeconds(5).toMillis());
        camel.addComponent("retool", component);
        camel.start();
        return camel;
    }
}
