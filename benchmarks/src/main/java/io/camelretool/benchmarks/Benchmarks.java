package io.camelretool.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SortedSet;
import java.util.TreeSet;

import io.camelretool.benchmarks.application.HealingBenchmark;
import io.camelretool.benchmarks.application.PipelineBenchmark;
import io.camelretool.benchmarks.application.StartupBenchmark;
import io.camelretool.benchmarks.component.ComponentOverheadBenchmark;
import io.camelretool.benchmarks.component.RateLimitHuggingBenchmark;
import io.camelretool.benchmarks.micro.MicroBenchmarks;
import io.camelretool.benchmarks.report.Figure;
import io.camelretool.benchmarks.report.FigureTable;

/**
 * Runs every benchmark of issue 7 and prints one table, each figure beside the baseline measured in the same run:
 * rate-limit hugging, component overhead, the application's CSV pipeline and memory, its start-up, the JMH
 * micro-benchmarks, and (part 6, issue 13) what healing from Retool failures and crashes costs. {@code --quick} runs each on a smaller scale; {@code --part=N} (repeatable) runs only part N.
 * Progress goes to stderr, the table to stdout. A part that fails is a line of the table saying why, and the other
 * parts still run.
 */
public final class Benchmarks {

    private static final String USAGE = "usage: Benchmarks [--quick] [--part=N ...] (N from 1 to 6; all parts without one)";

    /** What a part measures. */
    @FunctionalInterface
    private interface Measurement {
        List<Figure> run() throws Exception;
    }

    /** One part of the run, numbered as in issue 7 (5: its micro-benchmarks). */
    private record Part(String name, Measurement measurement) {
    }

    /** What the arguments ask for. */
    private record Choice(boolean quick, SortedSet<Integer> parts) {

        static Choice of(String[] args) {
            boolean quick = false;
            SortedSet<Integer> parts = new TreeSet<>();
            for (String arg : args) {
                if (arg.equals("--quick")) {
                    quick = true;
                } else if (arg.matches("--part=[1-6]")) {
                    parts.add(Integer.parseInt(arg.substring("--part=".length())));
                } else {
                    throw new IllegalArgumentException(arg + " is not an option; " + USAGE);
                }
            }
            return new Choice(quick, parts.isEmpty() ? new TreeSet<>(List.of(1, 2, 3, 4, 5, 6)) : parts);
        }
    }

    private Benchmarks() {
    }

    public static void main(String[] args) {
        Choice choice;
        try {
            choice = Choice.of(args);
        } catch (IllegalArgumentException badArgument) {
            System.err.println(badArgument.getMessage());
            System.exit(2);
            return;
        }
        boolean quick = choice.quick();
        List<Part> parts = List.of(
                new Part("1. rate-limit hugging", () -> new RateLimitHuggingBenchmark(quick).run()),
                new Part("2. component overhead", () -> new ComponentOverheadBenchmark(quick).run()),
                new Part("3. CSV pipeline and memory", () -> new PipelineBenchmark(quick).run()),
                new Part("4. start-up", () -> new StartupBenchmark(quick).run()),
                new Part("5. JMH micro-benchmarks", () -> new MicroBenchmarks(quick).run()),
                new Part("6. healing: calls per invite, an outage, kills", () -> new HealingBenchmark(quick).run()));
        long started = System.nanoTime();
        FigureTable table = new FigureTable();
        List<String> ran = new ArrayList<>();
        for (int number : choice.parts()) {
            run(table, parts.get(number - 1));
            ran.add(Integer.toString(number));
        }
        System.out.println();
        System.out.println(machine() + (quick ? "; --quick" : "") + "; parts " + String.join(", ", ran)
                           + " in " + minutes(System.nanoTime() - started));
        System.out.println();
        table.print(System.out);
        // the HTTP clients' selector threads must not keep the JVM up once the table is out
        System.exit(0);
    }

    private static void run(FigureTable table, Part part) {
        System.err.println("[benchmarks] " + part.name() + " ...");
        long started = System.nanoTime();
        try {
            table.addAll(part.measurement().run());
        } catch (Exception | Error failure) {
            failure.printStackTrace();
            table.addAll(List.of(new Figure(part.name(), "failed: " + failure, "", "", "")));
        }
        System.err.println("[benchmarks] " + part.name() + " took " + minutes(System.nanoTime() - started));
    }

    private static String machine() {
        Runtime runtime = Runtime.getRuntime();
        return String.format(Locale.ROOT, "%d cores, Java %s (%s), %s %s", runtime.availableProcessors(),
                System.getProperty("java.version"), System.getProperty("java.vm.name"), System.getProperty("os.name"),
                System.getProperty("os.arch"));
    }

    private static String minutes(long nanos) {
        return String.format(Locale.ROOT, "%.1f min", nanos / 6e10);
    }
}
