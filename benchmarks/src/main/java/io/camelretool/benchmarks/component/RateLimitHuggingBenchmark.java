package io.camelretool.benchmarks.component;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;

import io.camelretool.benchmarks.report.Figure;
import io.camelretool.benchmarks.report.Format;
import io.camelretool.sandbox.RetoolSandbox;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;

/**
 * Issue 7, part 1: the sandbox enforces a limit, the component is given the same limit (then 20% more) and three
 * minutes' worth of invites at once (quick: a minute and a quarter's worth, at 600 a minute only; enough to cross
 * the sandbox's first window, where a 429 would come). The achieved rate is taken over the steady part of the run,
 * between the 10th and the 90th percentile of the invites' completions, so neither the first connection nor the
 * tail counts.
 */
public final class RateLimitHuggingBenchmark {

    private static final double TARGET_SHARE = 0.95;

    private final boolean quick;

    public RateLimitHuggingBenchmark(boolean quick) {
        this.quick = quick;
    }

    public List<Figure> run() throws Exception {
        List<Figure> figures = new ArrayList<>();
        for (int sandboxLimit : quick ? new int[] { 600 } : new int[] { 600, 6000 }) {
            figures.add(hug(sandboxLimit, sandboxLimit));
            figures.add(hug(sandboxLimit, sandboxLimit * 6 / 5));
        }
        return figures;
    }

    private Figure hug(int sandboxLimit, int componentLimit) throws Exception {
        int invites = (int) Math.round(sandboxLimit * (quick ? 1.25 : 3.0));
        try (RetoolSandbox sandbox = RetoolSandbox.builder().rateLimitPerMinute(sandboxLimit).start()) {
            CamelContext camel = RetoolCamelContext.start(sandbox, componentLimit);
            ProducerTemplate template = camel.createProducerTemplate();
            AtomicInteger failed = new AtomicInteger();
            AtomicInteger completed = new AtomicInteger();
            AtomicLongArray completedAt = new AtomicLongArray(invites);
            List<CompletableFuture<?>> all = new ArrayList<>(invites);
            for (int i = 0; i < invites; i++) {
                all.add(template.asyncRequestBody("retool:invite?skipExisting=false&maxRetries=10",
                        "hug" + i + "@example.com").whenComplete((result, failure) -> {
                            if (failure == null) {
                                completedAt.set(completed.getAndIncrement(), System.nanoTime());
                            } else {
                                failed.incrementAndGet();
                            }
                        }));
            }
            CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).exceptionally(failure -> null).join();
            camel.stop();
            long answered429 = sandbox.requests().stream().filter(request -> request.status() == 429).count();
            double perMinute = steadyPerMinute(completedAt, completed.get());
            double share = perMinute / sandboxLimit;
            String outcome = Format.count(answered429) + " 429s, " + failed.get() + " failed, "
                             + Format.count(sandbox.invites().size()) + " of " + Format.count(invites) + " invited";
            boolean everyoneInvited = failed.get() == 0 && sandbox.invites().size() == invites;
            String target = componentLimit == sandboxLimit
                    ? ">= " + TARGET_SHARE + " of the limit, no 429: "
                      + Format.verdict(share >= TARGET_SHARE && answered429 == 0 && everyoneInvited)
                    : "completes, 429s absorbed: " + Format.verdict(everyoneInvited);
            return new Figure("1. component " + Format.count(componentLimit) + "/min, sandbox "
                              + Format.count(sandboxLimit) + "/min, " + Format.count(invites) + " invites at once",
                    Format.count(perMinute) + " invites/min (" + outcome + ")",
                    "limit " + Format.count(sandboxLimit) + "/min", Format.ratio(share), target);
        }
    }

    /** Invites a minute between the 10th and the 90th percentile of the completions. */
    private static double steadyPerMinute(AtomicLongArray completedAt, int completed) {
        long[] times = new long[completed];
        for (int i = 0; i < completed; i++) {
            times[i] = completedAt.get(i);
        }
        Arrays.sort(times);
        int from = completed / 10;
        int to = completed * 9 / 10;
        return (to - from) * 60e9 / (times[to] - times[from]);
    }
}
