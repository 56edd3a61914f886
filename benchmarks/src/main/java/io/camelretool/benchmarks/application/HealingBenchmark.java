package io.camelretool.benchmarks.application;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.camelretool.benchmarks.report.Figure;
import io.camelretool.benchmarks.report.Format;
import io.camelretool.sandbox.RecordedRequest;
import io.camelretool.sandbox.RetoolSandbox;
import io.camelretool.sandbox.SandboxInvite;

/**
 * Issue 13, part 6: what healing costs in Retool calls and time, with the real jar against a sandbox.
 * <ul>
 * <li><b>Calls per invited signup</b> with one attribute each and nothing failing, beside the floor of one create
 * plus one call per attribute.</li>
 * <li><b>An outage in the middle of a CSV file</b> (every call answered 503), with the client-side limit at
 * 600 calls a minute so that the file is still being worked through when Retool goes down: the calls made per minute
 * of outage, the time from Retool's recovery to the last invite, and the people parked in the dead-letter file.</li>
 * <li><b>{@code kill -9} during a larger file</b> with bursts of 503s and 429s: reads of Retool's whole invite list per
 * row a kill left {@code SENDING}, and the people parked.</li>
 * </ul>
 * Each ends with whether everyone was invited exactly once.
 */
public final class HealingBenchmark {

    private static final String INVITES = "/api/v2/user_invites";

    private final ApplicationJar application;
    private final int floorRows;
    private final int outageRows;
    private final Duration outage;
    private final int crashRows;
    private final int kills;

    public HealingBenchmark(boolean quick) {
        this.application = ApplicationJar.built();
        this.floorRows = 300;
        this.outageRows = 400;
        this.outage = quick ? Duration.ofSeconds(30) : Duration.ofSeconds(90);
        this.crashRows = quick ? 1_000 : 3_000;
        this.kills = quick ? 2 : 3;
    }

    public List<Figure> run() throws Exception {
        List<Figure> figures = new ArrayList<>();
        try (TemporaryFolder work = TemporaryFolder.create("camel-retool-healing-")) {
            figures.addAll(callsPerInvite(work.path().resolve("floor")));
            figures.addAll(outage(work.path().resolve("outage")));
            figures.addAll(crashes(work.path().resolve("crashes")));
        }
        return figures;
    }

    private List<Figure> callsPerInvite(Path folder) throws Exception {
        try (RetoolSandbox sandbox = RetoolSandbox.builder().start()) {
            sandbox.defineAttribute("plan", "string");
            ApplicationJar.Settings settings = settings(sandbox, folder, Map.of());
            try (ChildJvm app = application.start(List.of("-Xmx256m"), settings, line -> { })) {
                ApplicationJar.awaitHealthy(app, settings);
                drop(settings, "floor.csv", floorRows);
                await(() -> reported(settings), Duration.ofMinutes(5), "the report of floor.csv");
            }
            int invited = sandbox.invites().size();
            List<RecordedRequest> calls = sandbox.requests();
            double perInvite = (double) calls.size() / invited;
            return List.of(new Figure("6. " + floorRows + " signups with 1 attribute each, nothing failing: "
                                      + "Retool calls per invited signup",
                    Format.decimal(perInvite) + " (" + calls.size() + " calls: " + byKind(calls) + "); " + invited
                    + " invited, " + duplicates(sandbox) + " twice",
                    "floor 1 create + 1 per attribute = 2", Format.decimal(perInvite / 2), "reported"));
        }
    }

    private List<Figure> outage(Path folder) throws Exception {
        try (RetoolSandbox sandbox = RetoolSandbox.builder().start()) {
            sandbox.defineAttribute("plan", "string");
            ApplicationJar.Settings settings = settings(sandbox, folder,
                    Map.of("RETOOL_RATE_LIMIT_PER_MINUTE", "600"));
            long outageCalls;
            String outageKinds;
            long up;
            long lastInvite;
            try (ChildJvm app = application.start(List.of("-Xmx256m"), settings, line -> { })) {
                ApplicationJar.awaitHealthy(app, settings);
                drop(settings, "outage.csv", outageRows);
                await(() -> sandbox.invites().size() >= outageRows / 3, Duration.ofMinutes(5), "a third invited");
                int before = sandbox.requests().size();
                sandbox.faults().serverErrorRate(1.0);
                Thread.sleep(outage.toMillis());
                sandbox.faults().clear();
                up = System.nanoTime();
                List<RecordedRequest> during = sandbox.requests().subList(before, sandbox.requests().size());
                outageCalls = during.size();
                outageKinds = byKind(during);
                await(() -> sandbox.invites().size() >= outageRows, Duration.ofMinutes(10), "everyone invited");
                lastInvite = System.nanoTime();
                await(() -> reported(settings), Duration.ofMinutes(5), "the report of outage.csv");
            }
            double perMinute = outageCalls / (outage.toMillis() / 60_000.0);
            return List.of(
                    new Figure("6. " + outage.toSeconds() + " s of 503s in the middle of " + outageRows
                               + " signups (limit 600/min): Retool calls during the outage",
                            outageCalls + " in all, " + Format.decimal(perMinute) + " calls/min (" + outageKinds + ")",
                            "before the call gate: 232 in 30 s (464/min); the limit: 600/min",
                            Format.decimal(perMinute / 600) + " of the limit",
                            "bounded by the calls out when it began, not by its length"),
                    new Figure("6. the same: time from Retool's recovery to the last invite",
                            seconds(lastInvite - up), "", "", "reported"),
                    new Figure("6. the same: end state", sandbox.invites().size() + " of " + outageRows
                               + " invited, " + duplicates(sandbox) + " twice, " + deadLetters(settings)
                               + " in the dead-letter file", "", "", "everyone once, nobody parked: "
                               + Format.verdict(sandbox.invites().size() == outageRows && duplicates(sandbox) == 0
                                     && deadLetters(settings) == 0)));
        }
    }

    private List<Figure> crashes(Path folder) throws Exception {
        try (RetoolSandbox sandbox = RetoolSandbox.builder().latencyMs(5).start()) {
            sandbox.defineAttribute("plan", "string");
            ApplicationJar.Settings settings = settings(sandbox, folder,
                    Map.of("LEDGER_RECONCILE_AFTER_SECONDS", "2", "LEDGER_RECONCILE_PERIOD_MS", "500"));
            AtomicInteger leftSending = new AtomicInteger();
            java.util.function.Consumer<String> log = line -> {
                if (line.contains("was left SENDING")) {
                    leftSending.incrementAndGet();
                }
            };
            long listReadsBefore;
            ChildJvm app = application.start(List.of("-Xmx256m"), settings, log);
            try {
                ApplicationJar.awaitHealthy(app, settings);
                drop(settings, "crashes.csv", crashRows);
                listReadsBefore = listReads(sandbox);
                for (int kill = 1; kill <= kills; kill++) {
                    int target = crashRows * kill / (kills + 1);
                    await(() -> sandbox.invites().size() >= target, Duration.ofMinutes(10), target + " invited");
                    if (kill == 1) {
                        // a burst of 503s and then of 429s, longer than the component's retries
                        sandbox.faults().serverErrorRate(1.0);
                        Thread.sleep(3_000);
                        sandbox.faults().clear().rateLimitedRate(1.0);
                        Thread.sleep(3_000);
                        sandbox.faults().clear();
                    }
                    app.kill();
                    app = application.start(List.of("-Xmx256m"), settings, log);
                    ApplicationJar.awaitHealthy(app, settings);
                }
                await(() -> sandbox.invites().size() >= crashRows, Duration.ofMinutes(10), "everyone invited");
                await(() -> reported(settings), Duration.ofMinutes(5), "the report of crashes.csv");
            } finally {
                app.close();
            }
            long reads = listReads(sandbox) - listReadsBefore;
            int reconciled = leftSending.get();
            List<RecordedRequest> calls = sandbox.requests();
            long readsById = calls.stream().filter(call -> call.method().equals("GET")
                    && call.path().matches(INVITES + "/\\d+")).count();
            long attributeSets = calls.stream().filter(call -> call.method().equals("POST")
                    && call.path().matches(INVITES + "/\\d+/user_attributes")).count();
            return List.of(
                    new Figure("6. " + crashRows + " signups, " + kills + " kill -9, bursts of 503 and 429: reads of "
                               + "the whole invite list per row a kill left SENDING",
                            reconciled == 0 ? "no row was left SENDING (" + reads + " list reads)"
                                    : Format.decimal((double) reads / reconciled) + " (" + reads + " list reads, "
                                      + reconciled + " rows)",
                            "before issue 13: 1 per row", "", "reported"),
                    new Figure("6. the same: Retool calls in all, and the recovery's reads of a found invite by its id "
                               + "and attribute sets beyond one per signup",
                            calls.size() + " calls (" + readsById + " reads by id, " + (attributeSets - crashRows)
                            + " attribute sets beyond one per signup; " + byKind(calls) + ")",
                            "floor " + 2 * crashRows + " (1 create + 1 attribute each)", "", "reported"),
                    new Figure("6. the same: end state", sandbox.invites().size() + " of " + crashRows
                               + " invited, " + duplicates(sandbox) + " twice, " + deadLetters(settings)
                               + " in the dead-letter file", "", "", "everyone once, nobody parked: "
                               + Format.verdict(sandbox.invites().size() == crashRows && duplicates(sandbox) == 0
                                     && deadLetters(settings) == 0)));
        }
    }

    /** The benchmark's application settings, with healing waits of seconds and the overrides given. */
    private static ApplicationJar.Settings settings(RetoolSandbox sandbox, Path folder, Map<String, String> overrides)
            throws IOException {
        ApplicationJar.Settings plain = ApplicationJar.Settings.of(sandbox, folder.resolve("signups"), false);
        Map<String, String> environment = new java.util.LinkedHashMap<>(plain.environment());
        environment.put("RETRY_FIRST_DELAY", "2s");
        environment.put("RETRY_MAX_DELAY", "30s");
        environment.put("RETOOL_PROBE_FIRST_INTERVAL", "2s");
        environment.put("RETOOL_PROBE_MAX_INTERVAL", "15s");
        environment.putAll(overrides);
        return new ApplicationJar.Settings(plain.signupsDir(), plain.port(), Map.copyOf(environment));
    }

    /** Writes {@code rows} signups with one attribute each and moves the file into the inbox. */
    private static void drop(ApplicationJar.Settings settings, String name, int rows) throws IOException {
        Files.createDirectories(settings.inbox());
        Path file = settings.signupsDir().resolve(name);
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("email,first_name,attr.plan\n");
            for (int i = 0; i < rows; i++) {
                out.write(name.replace(".csv", "") + i + "@example.com,Person" + i + ",gold\n");
            }
        }
        Files.move(file, settings.inbox().resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }

    private static boolean reported(ApplicationJar.Settings settings) {
        try (Stream<Path> files = Files.list(settings.reports())) {
            return files.anyMatch(file -> file.toString().endsWith(".json"));
        } catch (IOException notYet) {
            return false;
        }
    }

    private static long deadLetters(ApplicationJar.Settings settings) throws IOException {
        Path folder = settings.signupsDir().resolve("dead-letter");
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        long lines = 0;
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.toList()) {
                try (Stream<String> content = Files.lines(file)) {
                    lines += content.count() - 1;
                }
            }
        }
        return lines;
    }

    private static long duplicates(RetoolSandbox sandbox) {
        return sandbox.invites().stream().collect(Collectors.groupingBy(SandboxInvite::email, Collectors.counting()))
                .values().stream().filter(count -> count > 1).count();
    }

    /** Reads of a page of the whole invite list, not of one invite by its id. */
    private static long listReads(RetoolSandbox sandbox) {
        return sandbox.requests().stream().filter(call -> call.method().equals("GET")
                && (call.path().equals(INVITES) || call.path().startsWith(INVITES + "?"))).count();
    }

    private static String byKind(List<RecordedRequest> calls) {
        return calls.stream().collect(Collectors.groupingBy(call -> call.method() + " " + call.path()
                .replaceAll("\\?.*", "").replaceAll("/\\d+", "/{id}"), java.util.TreeMap::new, Collectors.counting()))
                .entrySet().stream().map(kind -> kind.getValue() + " " + kind.getKey())
                .collect(Collectors.joining(", "));
    }

    private static void await(BooleanSupplier condition, Duration patience, String what) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("not reached within " + patience.toSeconds() + " s: " + what);
            }
            Thread.sleep(100);
        }
    }

    private static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.1f s", nanos / 1e9);
    }

}
