package io.camelretool.example.console;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.camelretool.example.ExampleApplication;
import io.camelretool.example.testing.FreePorts;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The console as a new user meets it: the application started with no Retool, no mailbox and no console users
 * configured (the local sandbox and demo mailbox stand in), logged in to with the password the banner printed.
 */
class ConsoleOutOfTheBoxTest {

    private static final Pattern BANNER_PASSWORD = Pattern.compile("Console: (\\S+), user admin, generated local "
                                                                   + "password (\\S+)");

    @TempDir
    Path signups;

    @Test
    void logsInWithTheBannersGeneratedPassword() throws Exception {
        int port = FreePorts.next();
        Main main = ExampleApplication.newMain();
        main.addOverrideProperty("signups.dir", signups.toString());
        main.addOverrideProperty("camel.server.port", String.valueOf(port));
        int management = FreePorts.next();
        main.addOverrideProperty("camel.management.port", String.valueOf(management));
        main.addOverrideProperty("mail.demo.smtp-port", String.valueOf(FreePorts.next()));
        main.addOverrideProperty("mail.demo.imap-port", String.valueOf(FreePorts.next()));
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream console = System.out;
        System.setOut(new PrintStream(new Both(console, printed), true, StandardCharsets.UTF_8));
        // as java -jar runs it: the banner is printed once the application has started
        Thread running = new Thread(() -> {
            try {
                main.run();
            } catch (Exception failed) {
                throw new IllegalStateException(failed);
            }
        }, "out-of-the-box");
        running.start();
        Matcher banner = BANNER_PASSWORD.matcher("");
        try {
            await().atMost(Duration.ofSeconds(90)).until(() -> BANNER_PASSWORD.matcher(printed.toString(
                    StandardCharsets.UTF_8)).find());
            banner = BANNER_PASSWORD.matcher(printed.toString(StandardCharsets.UTF_8));
            assertThat(banner.find()).as("the banner's Console: line").isTrue();
        } finally {
            System.setOut(console);
        }
        try {
            assertThat(banner.group(1)).isEqualTo("http://localhost:" + port + "/console");
            // where the management server really listens, which Camel's own summary of it gets wrong (0.0.0.0)
            String detail = "http://127.0.0.1:" + management;
            assertThat(printed.toString(StandardCharsets.UTF_8)).contains("in detail: " + detail + "/observe/health, "
                                                                          + "metrics: " + detail + "/observe/metrics");
            String password = banner.group(2);

            ConsoleClient client = new ConsoleClient("http://127.0.0.1:" + port, (where, page) ->
                    assertThat(page).as(where).doesNotContain(password));
            assertThat(client.logIn("admin", password + "x").statusCode()).isEqualTo(401);
            assertThat(client.logIn("admin", password).statusCode()).isEqualTo(303);
            HttpResponse<String> overview = client.get("/console/overview");
            assertThat(overview.statusCode()).isEqualTo(200);
            assertThat(overview.body()).contains("LOCAL STAND-IN retool-sandbox").contains("id=\"fig-failed\"")
                    .contains("<dt>Reachable</dt><dd>yes</dd>")
                    // the overview's own probe, at least, went through the limiter every endpoint shares
                    .containsPattern("<dt>Rate limit in use</dt><dd>[1-9][0-9]* of 45 requests a minute");
            assertThat(client.get("/console/mail").body()).contains("No mail in review.");
        } finally {
            main.completed();
            running.join(Duration.ofSeconds(60).toMillis());
        }
    }

    /** Writes to both streams: the test reads what was printed, and the run's output still shows it. */
    private static final class Both extends OutputStream {
        private final OutputStream first;
        private final OutputStream second;

        Both(OutputStream first, OutputStream second) {
            this.first = first;
            this.second = second;
        }

        @Override
        public void write(int b) throws java.io.IOException {
            first.write(b);
            second.write(b);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws java.io.IOException {
            first.write(bytes, offset, length);
            second.write(bytes, offset, length);
        }
    }
}
