package io.camelretool.benchmarks.application;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.camelretool.benchmarks.measure.ProcessMemory;
import io.camelretool.benchmarks.measure.Samples;
import io.camelretool.benchmarks.report.Figure;
import io.camelretool.benchmarks.report.Format;
import io.camelretool.sandbox.RetoolSandbox;

/**
 * Issue 7, part 4: the time from starting {@code java -jar camel-retool-example.jar} to {@code /observe/health}
 * answering 200 (every route started; the webhook shares the port), and the resident memory a few seconds later,
 * idle. The baseline is {@link IdleJvm} started the same way, taking turns with the application. The first start of
 * each is a warm-up (the file cache) and is not counted.
 */
public final class StartupBenchmark {

    private static final List<String> JVM_OPTIONS = List.of("-Xmx128m");
    private static final Duration IDLE = Duration.ofSeconds(5);

    private final int runs;
    private final ApplicationJar application;

    public StartupBenchmark(boolean quick) {
        this.runs = quick ? 2 : 5;
        this.application = ApplicationJar.built();
    }

    /** One start: seconds until ready, and resident memory once idle. */
    private record Start(double seconds, double residentMebibytes) {
    }

    public List<Figure> run() throws Exception {
        Samples appSeconds = new Samples();
        Samples appResident = new Samples();
        Samples bareSeconds = new Samples();
        Samples bareResident = new Samples();
        try (RetoolSandbox sandbox = RetoolSandbox.builder().start()) {
            // run 0 is the warm-up
            for (int run = 0; run <= runs; run++) {
                Start app = startApplication(sandbox);
                Start bare = startIdleJvm();
                if (run > 0) {
                    appSeconds.add(app.seconds());
                    appResident.add(app.residentMebibytes());
                    bareSeconds.add(bare.seconds());
                    bareResident.add(bare.residentMebibytes());
                }
            }
        }
        return List.of(
                new Figure("4. start-up: `java -jar` to /observe/health answering 200, -Xmx128m",
                        appSeconds.describe(Format::decimal, " s"),
                        "a JVM printing a line from main: " + bareSeconds.describe(Format::decimal, " s"),
                        Format.ratio(appSeconds.median() / bareSeconds.median()), "none (reported)"),
                new Figure("4. resident memory, idle " + IDLE.toSeconds() + " s after start-up (VmRSS)",
                        appResident.describe(Format::count, " MiB"),
                        "the idle JVM: " + bareResident.describe(Format::count, " MiB"),
                        Format.ratio(appResident.median() / bareResident.median()), "none (reported)"));
    }

    /** The application on a fresh data folder, as on a first deployment. */
    private Start startApplication(RetoolSandbox sandbox) throws Exception {
        try (TemporaryFolder signupsDir = TemporaryFolder.create("camel-retool-startup-")) {
            ApplicationJar.Settings settings = ApplicationJar.Settings.of(sandbox, signupsDir.path(), false);
            try (ChildJvm app = application.start(JVM_OPTIONS, settings, line -> { })) {
                long healthy = ApplicationJar.awaitHealthy(app, settings);
                return idleStart(app, healthy);
            }
        }
    }

    private static Start startIdleJvm() throws Exception {
        CompletableFuture<Long> ready = new CompletableFuture<>();
        List<String> arguments = List.of(JVM_OPTIONS.get(0), "-cp", classesOf(IdleJvm.class),
                IdleJvm.class.getName());
        try (ChildJvm idle = ChildJvm.start(arguments, Map.of(), line -> {
            if (line.equals(IdleJvm.READY)) {
                ready.complete(System.nanoTime());
            }
        })) {
            return idleStart(idle, ready.get(30, TimeUnit.SECONDS));
        }
    }

    /** Waits the idle time, then reads the resident memory. */
    private static Start idleStart(ChildJvm child, long readyNanos) throws Exception {
        Thread.sleep(IDLE.toMillis());
        return new Start((readyNanos - child.startedNanos()) / 1e9,
                ProcessMemory.of(child.pid()).residentBytes() / (1024.0 * 1024.0));
    }

    /** The folder or jar a class was loaded from, for a child's class path. */
    private static String classesOf(Class<?> type) throws URISyntaxException {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }
}
