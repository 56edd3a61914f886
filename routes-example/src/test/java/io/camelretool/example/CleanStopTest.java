package io.camelretool.example;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.camelretool.sandbox.junit.RetoolSandboxExtension;
import io.camelretool.testing.LogCapture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Stopping the application (Ctrl-C, a container's SIGTERM, a test closing it) takes everything it started down with
 * it and says nothing alarming on the way: no WARN or ERROR, and no Vert.x thread left behind by its HTTP servers.
 */
class CleanStopTest {

    @RegisterExtension
    static RetoolSandboxExtension retool = RetoolSandboxExtension.business();

    @TempDir
    Path signups;

    @Test
    void stoppingClosesTheHttpServersVertxAndLogsNoWarning() throws Exception {
        Set<Thread> before = vertxThreads();
        RunningApplication app = RunningApplication.start(signups, retool.sandbox(), Map.of());
        LogCapture log = LogCapture.attach();
        try {
            await().atMost(Duration.ofSeconds(20)).until(() -> app.get("/observe/health").statusCode() == 200);
            assertThat(vertxThreads()).as("the application's HTTP servers run on Vert.x").isNotEmpty();
            log.drain();
            app.close();
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(vertxThreads())
                    .as("Vert.x threads still running after the stop").isSubsetOf(before));
            assertThat(log.drain()).as("what the stop logged").noneMatch(line -> line.startsWith("WARN")
                                                                                   || line.startsWith("ERROR"));
        } finally {
            log.detach();
            app.close();
        }
    }

    private static Set<Thread> vertxThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive)
                .filter(thread -> thread.getName().startsWith("vert.x-")).collect(Collectors.toSet());
    }
}
