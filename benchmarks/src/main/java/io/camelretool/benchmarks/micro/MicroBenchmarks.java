package io.camelretool.benchmarks.micro;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.camelretool.benchmarks.report.Figure;
import io.camelretool.benchmarks.report.Format;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * The JMH micro-benchmarks (classifier, CSV row mapping, webhook signature), each beside its baseline method from the
 * same class. One fork each and short iterations: these figures give orders of magnitude next to the end-to-end
 * ones, not a tuning session.
 */
public final class MicroBenchmarks {

    /** A measured method, its baseline method in the same class, and what one operation is. */
    private record Pair(String name, Class<?> benchmark, String measured, String baseline, String unit) {
    }

    private static final List<Pair> PAIRS = List.of(
            new Pair("5. JMH: SignupClassifier.classify", SignupClassifierBenchmark.class, "classify",
                    "normalizeOnly", "emails/s"),
            new Pair("5. JMH: SignupCsvReader, in-memory CSV of " + CsvRowMappingBenchmark.ROWS + " rows",
                    CsvRowMappingBenchmark.class, "signupCsvReader", "commonsCsvOnly", "rows/s"),
            new Pair("5. JMH: WebhookSignature.verify, 1 KiB body", WebhookSignatureBenchmark.class, "verify",
                    "hmacOnly", "checks/s"));

    private final boolean quick;

    public MicroBenchmarks(boolean quick) {
        this.quick = quick;
    }

    public List<Figure> run() throws RunnerException {
        OptionsBuilder options = new OptionsBuilder();
        PAIRS.forEach(pair -> options.include(pair.benchmark().getName() + "\\."));
        Options run = options.forks(1).threads(1)
                .warmupIterations(quick ? 1 : 3).warmupTime(TimeValue.seconds(1))
                .measurementIterations(quick ? 3 : 5).measurementTime(TimeValue.seconds(1))
                .timeUnit(TimeUnit.SECONDS).verbosity(VerboseMode.SILENT).build();
        Collection<RunResult> results = new Runner(run).run();
        Map<String, Result<?>> byMethod = results.stream().collect(Collectors.toMap(
                result -> result.getParams().getBenchmark(), RunResult::getPrimaryResult));
        return PAIRS.stream().map(pair -> figure(pair, byMethod)).toList();
    }

    private static Figure figure(Pair pair, Map<String, Result<?>> byMethod) {
        Function<String, Result<?>> result = method -> {
            Result<?> found = byMethod.get(pair.benchmark().getName() + "." + method);
            if (found == null) {
                throw new IllegalStateException("JMH gave no result for " + pair.benchmark().getSimpleName() + "."
                                                + method);
            }
            return found;
        };
        Result<?> measured = result.apply(pair.measured());
        Result<?> baseline = result.apply(pair.baseline());
        return new Figure(pair.name(), describe(measured, pair.unit()),
                pair.baseline() + ": " + describe(baseline, pair.unit()),
                Format.ratio(measured.getScore() / baseline.getScore()), "none (reported)");
    }

    /** The score and JMH's 99.9% confidence half-width, for example {@code 1,234,567 ± 12,345 rows/s}. */
    private static String describe(Result<?> result, String unit) {
        return Format.count(result.getScore()) + " ± " + Format.count(result.getScoreError()) + " " + unit;
    }
}
