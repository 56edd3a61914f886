package io.camelretool.example.resilience;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.camelretool.example.testing.FreePorts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A second copy of {@code java -jar camel-retool-example.jar} started on the machine where a first one runs, out of
 * the box (local sandbox, demo mailbox, embedded ledger): with the first's ports it stops naming WEBHOOK_PORT, with
 * ports of its own on the first's data folder it stops naming SIGNUPS_DIR, each in one line and with status 2, no
 * stack trace; with ports and a data folder of its own it starts beside the first.
 */
class SecondCopyIT {

    @TempDir
    static Path work;

    private static Map<String, String> firstSettings;
    private static ApplicationProcess first;

    @BeforeAll
    static void startTheFirstCopy() throws Exception {
        firstSettings = ownPorts(work.resolve("signups-1"));
        first = new ApplicationProcess("first", firstSettings, work.resolve("first.log")).start();
    }

    @AfterAll
    static void stopTheFirstCopy() {
        if (first != null) {
            first.close();
        }
    }

    @Test
    void aSecondCopyWithTheFirstsSettingsStopsWithOneLineNamingWebhookPort() throws Exception {
        Ended second = runUntilItEnds(firstSettings, "same-settings");

        assertThat(second.status()).isEqualTo(2);
        assertThat(second.refusal()).contains("Port " + firstSettings.get("WEBHOOK_PORT"))
                .contains("set WEBHOOK_PORT to a free port");
        assertThat(second.lines()).noneMatch(SecondCopyIT::isStackTrace);
        assertThat(first.isAlive()).isTrue();
    }

    @Test
    void aSecondCopyOnTheFirstsDataFolderStopsWithOneLineNamingSignupsDir() throws Exception {
        Map<String, String> settings = ownPorts(work.resolve("signups-1"));

        Ended second = runUntilItEnds(settings, "same-folder");

        assertThat(second.status()).isEqualTo(2);
        assertThat(second.refusal()).contains("The ledger in " + work.resolve("signups-1").resolve("ledger")
                                              + " is in use by another process")
                .contains("set SIGNUPS_DIR to a folder of its own");
        assertThat(second.lines()).noneMatch(SecondCopyIT::isStackTrace);
        assertThat(first.isAlive()).isTrue();
    }

    @Test
    void aSecondCopyWithPortsAndADataFolderOfItsOwnStartsBesideTheFirst() throws Exception {
        try (ApplicationProcess second = new ApplicationProcess("second", ownPorts(work.resolve("signups-2")),
                work.resolve("second.log")).start()) {
            assertThat(second.isReady()).isTrue();
            assertThat(first.isReady()).isTrue();
        }
    }

    /** Every port the application listens on out of the box, free, and the data folder. */
    private static Map<String, String> ownPorts(Path signups) {
        Map<String, String> settings = new HashMap<>();
        settings.put("WEBHOOK_PORT", String.valueOf(FreePorts.next()));
        settings.put("MANAGEMENT_PORT", String.valueOf(FreePorts.next()));
        settings.put("MAIL_DEMO_SMTP_PORT", String.valueOf(FreePorts.next()));
        settings.put("MAIL_DEMO_IMAP_PORT", String.valueOf(FreePorts.next()));
        settings.put("SIGNUPS_DIR", signups.toString());
        return settings;
    }

    private static boolean isStackTrace(String line) {
        return line.startsWith("\tat ") || line.contains("Exception") || line.startsWith("Caused by");
    }

    /** A copy that is expected to stop by itself: its status and what it printed. */
    private static Ended runUntilItEnds(Map<String, String> settings, String name)
            throws IOException, InterruptedException {
        Path jar = Path.of(System.getProperty("app.jar", "target/camel-retool-example.jar")).toAbsolutePath();
        Path output = work.resolve(name + ".log");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx256m", "-XX:TieredStopAtLevel=1", "-jar", jar.toString())
                .redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().clear();
        builder.environment().put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        builder.environment().putAll(settings);
        Process process = builder.start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError(name + " did not stop by itself:\n" + Files.readString(output));
        }
        return new Ended(process.exitValue(), Files.readAllLines(output, StandardCharsets.UTF_8));
    }

    /** @param lines everything the copy printed, standard output and error */
    private record Ended(int status, List<String> lines) {

        /** The one line that says why it did not start. */
        String refusal() {
            List<String> refusals = lines.stream().filter(line -> line.contains("Not started: ")).toList();
            assertThat(refusals).as("one refusal in %s", lines).hasSize(1);
            return refusals.get(0);
        }
    }
}
