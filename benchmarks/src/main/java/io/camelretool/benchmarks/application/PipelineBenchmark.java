package io.camelretool.benchmarks.application;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

import io.camelretool.benchmarks.measure.GcLog;
import io.camelretool.benchmarks.measure.LiveHeap;
import io.camelretool.benchmarks.measure.ProcessMemory;
import io.camelretool.benchmarks.measure.Samples;
import io.camelretool.benchmarks.report.Figure;
import io.camelretool.benchmarks.report.Format;
import io.camelretool.benchmarks.workload.SignupCsv;
import io.camelretool.example.intake.csv.SignupCsvReader;
import io.camelretool.example.intake.csv.UnreadableCsvException;
import io.camelretool.sandbox.RetoolSandbox;

/**
 * Issue 7, part 3: the application's CSV path end to end, in the real jar with {@code -Xmx128m}. A generated CSV is
 * moved into the inbox of a running application and timed until the batch's report is written, which happens only
 * when every row is settled; once with invites against the sandbox (limits off), once in dry run with ten times the
 * rows. The baseline is the application's own CSV reader on the same file in this JVM: what reading and mapping the
 * rows costs before any ledger or Retool work. Each size is run several times, each time in a fresh application and
 * sandbox: the rate is the median with its spread, the memory the highest any run reached. Each run has a time budget:
 * a run that does not finish in it is reported with what it settled.
 */
public final class PipelineBenchmark {

    private static final String HEAP_LIMIT = "128m";
    private static final long HEAP_LIMIT_BYTES = 128L << 20;
    private static final double TARGET_ROWS_PER_SECOND = 20_000;
    private static final int BASELINE_READS = 3;

    /** One run's size: the rows, whether it is a dry run, and how long it may take. */
    private record Run(int rows, boolean dryRun, Duration budget) {

        String label() {
            return "3. " + Format.count(rows) + " rows, " + (dryRun ? "dry run" : "invites") + ", -Xmx" + HEAP_LIMIT;
        }

        /** Kept after the run (in the module's target folder), for a closer look at a figure. */
        Path gcLog(int repetition) {
            String folder = System.getProperty("benchmarks.output-dir", "target");
            return Path.of(folder, "pipeline-" + rows + (dryRun ? "-dry-run" : "-invites") + "-" + repetition
                                   + "-gc.log");
        }
    }

    private final List<Run> runs;
    private final int repetitions;
    private final ApplicationJar application;

    public PipelineBenchmark(boolean quick) {
        this.application = ApplicationJar.built();
        this.repetitions = quick ? 2 : 3;
        this.runs = quick
                ? List.of(new Run(10_000, false, Duration.ofMinutes(2)), new Run(100_000, true, Duration.ofMinutes(2)))
                : List.of(new Run(100_000, false, Duration.ofMinutes(8)),
                        new Run(1_000_000, true, Duration.ofMinutes(10)));
    }

    public List<Figure> run() throws Exception {
        List<Figure> figures = new ArrayList<>();
        for (Run run : runs) {
            try (TemporaryFolder work = TemporaryFolder.create("camel-retool-pipeline-")) {
                figures.addAll(measure(run, work.path()));
            }
        }
        return figures;
    }

    /** What one run of the application showed; the times are {@link System#nanoTime()}. */
    private record Observation(boolean reported, long dropped, long finished, ProcessMemory beforeDrop,
                               ProcessMemory atEnd, GcLog gc, long liveAtEnd) {

        double seconds() {
            return (finished - dropped) / 1e9;
        }
    }

    /** One run of one size: what was seen, the application's log, and the invites the sandbox holds after it. */
    private record Repetition(Observation seen, PipelineLog log, int invitesInSandbox) {

        double rowsPerSecond(Run run) {
            return (seen.reported() ? run.rows() : log.settled()) / seen.seconds();
        }
    }

    private List<Figure> measure(Run run, Path work) throws Exception {
        Path csv = work.resolve("signups.csv");
        SignupCsv.write(csv, run.rows());
        Samples reader = readerRowsPerSecond(csv);
        List<Repetition> repetitions = new ArrayList<>();
        for (int repetition = 1; repetition <= this.repetitions; repetition++) {
            System.err.println("[benchmarks] " + run.label() + ": run " + repetition + " of " + this.repetitions);
            Path folder = Files.createDirectories(work.resolve("run-" + repetition));
            Path file = Files.copy(csv, folder.resolve(csv.getFileName()));
            PipelineLog log = new PipelineLog(run.rows());
            try (RetoolSandbox sandbox = RetoolSandbox.builder().start()) {
                ApplicationJar.Settings settings = ApplicationJar.Settings.of(sandbox, folder.resolve("signups"),
                        run.dryRun());
                Observation seen = observe(run, repetition, file, settings, log);
                repetitions.add(new Repetition(seen, log, run.dryRun() ? 0 : sandbox.invites().size()));
            }
        }
        List<Repetition> byRate = repetitions.stream()
                .sorted(Comparator.comparingDouble(repetition -> repetition.rowsPerSecond(run))).toList();
        Repetition median = byRate.get(byRate.size() / 2);
        List<Figure> figures = new ArrayList<>();
        figures.add(endToEnd(run, repetitions, reader));
        figures.addAll(phases(run, median.log(), reader, median.seen().finished()));
        figures.addAll(memory(run, repetitions));
        return figures;
    }

    /** Starts the application, drops the file into its inbox, and waits for the report or the end of the budget. */
    private Observation observe(Run run, int repetition, Path csv, ApplicationJar.Settings settings, PipelineLog log)
            throws Exception {
        Files.createDirectories(settings.inbox());
        Path gcLog = run.gcLog(repetition).toAbsolutePath();
        Files.createDirectories(gcLog.getParent());
        try (ChildJvm app = application.start(List.of("-Xmx" + HEAP_LIMIT, "-Xlog:gc:file=" + gcLog), settings,
                log)) {
            ApplicationJar.awaitHealthy(app, settings);
            ProcessMemory beforeDrop = ProcessMemory.of(app.pid());
            long dropped = System.nanoTime();
            Files.move(csv, settings.inbox().resolve(csv.getFileName()), StandardCopyOption.ATOMIC_MOVE);
            boolean reported = awaitReport(app, settings, dropped + run.budget().toNanos());
            long finished = System.nanoTime();
            if (!app.isAlive()) {
                throw new IllegalStateException(run.label() + ": the application stopped during the run: "
                                                + app.describeEnd());
            }
            ProcessMemory atEnd = ProcessMemory.of(app.pid());
            // read before the live heap is taken: that full collection is the benchmark's, not the application's
            GcLog gc = GcLog.read(gcLog);
            return new Observation(reported, dropped, finished, beforeDrop, atEnd, gc, LiveHeap.bytes(app.pid()));
        }
    }

    /** True once the batch's report is written; false when the budget ran out or the application stopped first. */
    private static boolean awaitReport(ChildJvm app, ApplicationJar.Settings settings, long deadline)
            throws IOException, InterruptedException {
        while (System.nanoTime() < deadline && app.isAlive()) {
            if (Files.isDirectory(settings.reports())) {
                try (DirectoryStream<Path> reports = Files.newDirectoryStream(settings.reports(), "*.json")) {
                    if (reports.iterator().hasNext()) {
                        return true;
                    }
                }
            }
            Thread.sleep(100);
        }
        return false;
    }

    private static Figure endToEnd(Run run, List<Repetition> repetitions, Samples reader) {
        Samples rates = new Samples();
        Samples seconds = new Samples();
        List<String> unfinished = new ArrayList<>();
        for (Repetition repetition : repetitions) {
            rates.add(repetition.rowsPerSecond(run));
            seconds.add(repetition.seen().seconds());
            if (!repetition.seen().reported()) {
                unfinished.add(Format.count(repetition.log().settled()));
            }
        }
        String measured = rates.describe(Format::count, " rows/s") + "; drop to report in "
                          + seconds.describe(Format::count, " s");
        if (!unfinished.isEmpty()) {
            measured += "; " + unfinished.size() + " run(s) did not finish in the " + run.budget().toMinutes()
                        + " min budget, having settled " + String.join(", ", unfinished) + " of "
                        + Format.count(run.rows()) + " rows";
        }
        if (!run.dryRun()) {
            measured += "; " + repetitions.stream().map(repetition -> Format.count(repetition.invitesInSandbox()))
                    .collect(Collectors.joining(", ")) + " invites in the sandbox";
        }
        boolean allReported = unfinished.isEmpty();
        String target = run.dryRun()
                ? "completes at >= " + Format.count(TARGET_ROWS_PER_SECOND) + " rows/s: "
                  + Format.verdict(allReported && rates.median() >= TARGET_ROWS_PER_SECOND)
                : "none (reported)";
        return new Figure(run.label() + ", end to end", measured, "the app's SignupCsvReader alone on the file: "
                                                                   + reader.describe(Format::count, " rows/s"),
                Format.ratio(rates.median() / reader.median()), target);
    }

    /**
     * The two phases, from the application's log lines: reading the file into the ledger, and settling its rows,
     * which the pipeline begins while the file is still being read; its rate after the last row was accepted is shown
     * beside its rate before.
     */
    private static List<Figure> phases(Run run, PipelineLog log, Samples reader, long finished) {
        if (log.acceptedAt() == 0 || log.readingStartedAt() == 0) {
            return List.of();
        }
        List<Figure> figures = new ArrayList<>();
        double acceptSeconds = (log.acceptedAt() - log.readingStartedAt()) / 1e9;
        double acceptRate = run.rows() / acceptSeconds;
        figures.add(new Figure(run.label() + ", read and accepted into the ledger",
                Format.count(acceptRate) + " rows/s (" + Format.count(acceptSeconds) + " s)",
                "SignupCsvReader alone: " + Format.count(reader.median()) + " rows/s",
                Format.ratio(acceptRate / reader.median()), "none (reported)"));
        int duringAcceptance = log.settledBefore(log.acceptedAt());
        int afterAcceptance = log.settled() - duringAcceptance;
        if (duringAcceptance > 0 && afterAcceptance > 0) {
            double before = duringAcceptance / ((log.acceptedAt() - log.firstSettledAt()) / 1e9);
            double after = afterAcceptance / ((finished - log.acceptedAt()) / 1e9);
            figures.add(new Figure(run.label() + ", settled after the last row was accepted",
                    Format.count(after) + " rows/s (" + Format.count(afterAcceptance) + " rows)",
                    "settled while rows were being accepted: " + Format.count(before) + " rows/s ("
                    + Format.count(duringAcceptance) + " rows)", Format.ratio(after / before), "none (reported)"));
        }
        return figures;
    }

    /** The highest heap and resident memory any run reached, and whether every run fitted. */
    private static List<Figure> memory(Run run, List<Repetition> repetitions) {
        Repetition heapiest = repetitions.stream()
                .max(Comparator.comparingLong(repetition -> repetition.seen().gc().peakUsedBytes()))
                .orElseThrow();
        Repetition largest = repetitions.stream()
                .max(Comparator.comparingLong(repetition -> repetition.seen().atEnd().peakResidentBytes()))
                .orElseThrow();
        Observation seen = heapiest.seen();
        GcLog gc = seen.gc();
        boolean reported = repetitions.stream().allMatch(repetition -> repetition.seen().reported());
        boolean fits = repetitions.stream().noneMatch(repetition -> repetition.log().sawOutOfMemory())
                       && gc.peakUsedBytes() <= HEAP_LIMIT_BYTES;
        String highest = " (highest of " + repetitions.size() + " runs)";
        String heapTarget = run.dryRun()
                ? "completes under -Xmx" + HEAP_LIMIT + ": " + Format.verdict(reported && fits)
                  + (fits && !reported ? " (no OutOfMemoryError, but not finished in the budget)" : "")
                : "fits in -Xmx" + HEAP_LIMIT + ": " + Format.verdict(fits);
        return List.of(
                new Figure(run.label() + ", peak heap (GC log)",
                        Format.mebibytes(gc.peakUsedBytes()) + " used" + highest + "; " + Format.count(gc.pauses())
                        + " GC pauses, " + gc.fullCollections() + " full; " + Format.mebibytes(seen.liveAtEnd())
                        + " live at the end" + (heapiest.log().sawOutOfMemory() ? "; OutOfMemoryError" : ""),
                        "-Xmx" + HEAP_LIMIT + ": " + Format.mebibytes(HEAP_LIMIT_BYTES),
                        Format.ratio((double) gc.peakUsedBytes() / HEAP_LIMIT_BYTES), heapTarget),
                new Figure(run.label() + ", peak resident memory (VmHWM)",
                        Format.mebibytes(largest.seen().atEnd().peakResidentBytes()) + highest,
                        "the same process before the drop: "
                        + Format.mebibytes(largest.seen().beforeDrop().residentBytes()),
                        Format.ratio((double) largest.seen().atEnd().peakResidentBytes()
                                     / largest.seen().beforeDrop().residentBytes()), "none (reported)"));
    }

    /**
     * The application's own CSV reader on the same file, in this JVM: rows a second over a few reads, after a first
     * that warms up the code and the file cache.
     */
    private static Samples readerRowsPerSecond(Path csv) throws IOException, UnreadableCsvException {
        Samples samples = new Samples();
        for (int read = 0; read <= BASELINE_READS; read++) {
            long started = System.nanoTime();
            long rows = 0;
            try (InputStream in = Files.newInputStream(csv);
                 SignupCsvReader reader = SignupCsvReader.open(in, csv.getFileName().toString())) {
                while (reader.hasNext()) {
                    if (reader.next().signup().isPresent()) {
                        rows++;
                    }
                }
            }
            if (read > 0) {
                samples.add(rows / ((System.nanoTime() - started) / 1e9));
            }
        }
        return samples;
    }
}
