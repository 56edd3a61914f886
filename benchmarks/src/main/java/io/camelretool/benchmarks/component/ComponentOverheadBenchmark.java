package io.camelretool.benchmarks.component;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.function.IntFunction;

import io.camelretool.benchmarks.measure.Samples;
import io.camelretool.benchmarks.report.Figure;
import io.camelretool.benchmarks.report.Format;
import io.camelretool.sandbox.RetoolSandbox;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;

/**
 * Issue 7, part 2: {@code retool:invite} against a bare {@code java.net.http} loop that sends the same requests at
 * the same concurrency, limits off, without and with 20 ms of sandbox latency. After a warm-up of both they take
 * turns, a few rounds each; the ratio is the median of each round's ratio, so that load from elsewhere on the
 * machine, which changes from minute to minute, weighs on both sides of a ratio alike.
 */
public final class ComponentOverheadBenchmark {

    private static final int CONCURRENCY = 32;
    private static final double TARGET_RATIO = 0.8;

    private final int rounds;

    public ComponentOverheadBenchmark(boolean quick) {
        this.rounds = quick ? 1 : 5;
    }

    public List<Figure> run() throws Exception {
        return List.of(measure(0, 4000), measure(20, 2000));
    }

    private Figure measure(int latencyMs, int invitesPerRound) throws Exception {
        Samples bare = new Samples();
        Samples component = new Samples();
        Samples ratios = new Samples();
        try (RetoolSandbox sandbox = RetoolSandbox.builder().latencyMs(latencyMs).start()) {
            CamelContext camel = RetoolCamelContext.start(sandbox, 0);
            try {
                ProducerTemplate template = camel.createProducerTemplate();
                HttpClient http = HttpClient.newHttpClient();
                bareLoop(sandbox, http, invitesPerRound / 4, "warm-bare");
                component(template, invitesPerRound / 4, "warm-camel");
                for (int round = 0; round < rounds; round++) {
                    sandbox.reset();
                    double bareRate = bareLoop(sandbox, http, invitesPerRound, "bare" + round + "-");
                    requireEveryInvite(sandbox, invitesPerRound);
                    sandbox.reset();
                    double componentRate = component(template, invitesPerRound, "camel" + round + "-");
                    requireEveryInvite(sandbox, invitesPerRound);
                    bare.add(bareRate);
                    component.add(componentRate);
                    ratios.add(componentRate / bareRate);
                }
            } finally {
                camel.stop();
            }
        }
        double ratio = ratios.median();
        String target = latencyMs == 0 ? ">= " + TARGET_RATIO + " of the bare client"
                : "keeps the bare client's concurrency (>= " + TARGET_RATIO + ")";
        return new Figure("2. `retool:invite`, " + CONCURRENCY + " in flight, limits off, " + latencyMs
                          + " ms latency, " + Format.count(invitesPerRound) + " invites",
                component.describe(Format::count, " req/s"), "bare HttpClient loop: " + bare.describe(Format::count,
                        " req/s"), Format.ratio(ratio), target + ": " + Format.verdict(ratio >= TARGET_RATIO));
    }

    /** A side whose requests failed would look fast: only rounds that invited everyone count. */
    private static void requireEveryInvite(RetoolSandbox sandbox, int invites) {
        if (sandbox.invites().size() != invites) {
            throw new IllegalStateException("expected " + invites + " invites in the sandbox, found "
                                            + sandbox.invites().size());
        }
    }

    private static double bareLoop(RetoolSandbox sandbox, HttpClient http, int invites, String prefix)
            throws InterruptedException {
        URI uri = URI.create(sandbox.baseUrl() + "/api/v2/user_invites");
        return timed(invites, i -> http.sendAsync(HttpRequest.newBuilder(uri)
                .header("Authorization", "Bearer " + sandbox.apiKey())
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"" + prefix + i + "@example.com\"}"))
                .build(), HttpResponse.BodyHandlers.ofByteArray()));
    }

    private static double component(ProducerTemplate template, int invites, String prefix)
            throws InterruptedException {
        return timed(invites, i -> template.asyncRequestBody("retool:invite?skipExisting=false",
                prefix + i + "@example.com"));
    }

    /** Sends {@code count} with CONCURRENCY in flight; answers requests a second. */
    private static double timed(int count, IntFunction<CompletableFuture<?>> send) throws InterruptedException {
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
}
