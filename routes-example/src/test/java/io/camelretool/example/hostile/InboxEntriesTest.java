package io.camelretool.example.hostile;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.camelretool.example.ApplicationSecrets;
import io.camelretool.example.RunningApplication;
import io.camelretool.sandbox.junit.RetoolSandboxExtension;
import io.camelretool.testing.LogCapture;
import io.camelretool.testing.SecretScan;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What someone who can write into the shared inbox can drop there besides a CSV: a link to a file elsewhere, a FIFO,
 * a file named with terminal escapes, a name too long for the intake's lock marker. None is read,
 * each is set aside once with a reason that quotes nothing of it, the intake goes on with the next file, and
 * everything the application writes is its user's alone.
 */
class InboxEntriesTest {

    @RegisterExtension
    static RetoolSandboxExtension retool = RetoolSandboxExtension.business();

    @TempDir
    Path signups;
    @TempDir
    Path elsewhere;
    LogCapture log;

    @RegisterExtension
    final SecretScan secrets = ApplicationSecrets.scan(retool::sandbox, () -> signups);

    @BeforeEach
    void capture() {
        log = LogCapture.attach();
    }

    @AfterEach
    void release() {
        log.detach();
    }

    @Test
    void aLinkIsSetAsideWithoutReadingWhatItPointsAt() throws Exception {
        Path outside = Files.writeString(elsewhere.resolve("private.csv"),
                "email,first_name\nlinked@example.com,CONFIDENTIAL-FIRST-LINE\n");
        try (RunningApplication app = RunningApplication.start(signups, retool.sandbox(), Map.of())) {
            Path inbox = Files.createDirectories(signups.resolve("inbox"));
            Files.createSymbolicLink(inbox.resolve("linked.csv"), outside);
            app.drop("after.csv", "email\nafter-link@example.com\n");

            app.awaitReport("after.csv");
            await().until(() -> Files.exists(inbox.resolve(".error/linked.csv"), LinkOption.NOFOLLOW_LINKS));

            assertThat(Files.isSymbolicLink(inbox.resolve(".error/linked.csv"))).isTrue();
            assertThat(Files.readString(inbox.resolve(".error/linked.csv.reason.txt"))).contains("symbolic link");
            assertThat(app.ledger().find("linked@example.com")).isEmpty();
            assertThat(Files.readString(outside)).contains("CONFIDENTIAL");
            assertThat(log.drain()).noneMatch(line -> line.contains("CONFIDENTIAL"));
        }
    }

    @Test
    void aFifoIsSetAsideUnopenedAndTheIntakeGoesOn() throws Exception {
        try (RunningApplication app = RunningApplication.start(signups, retool.sandbox(), Map.of())) {
            Path inbox = Files.createDirectories(signups.resolve("inbox"));
            Process mkfifo = new ProcessBuilder("mkfifo", inbox.resolve("pipe.csv").toString()).start();
            assertThat(mkfifo.waitFor()).isZero();
            app.drop("behind-the-pipe.csv", "email\nbehind@example.com\n");

            app.awaitReport("behind-the-pipe.csv");
            await().until(() -> Files.exists(inbox.resolve(".error/pipe.csv"), LinkOption.NOFOLLOW_LINKS));

            assertThat(Files.readString(inbox.resolve(".error/pipe.csv.reason.txt"))).contains("not a regular file");
            assertThat(app.get("/observe/health").body()).isEqualTo("{\"status\":\"UP\"}");
        }
    }

    @Test
    void aNameTooLongForTheLockMarkerIsSetAsideOnceWithoutAStackTrace() throws Exception {
        String longName = "a".repeat(246) + ".csv";
        try (RunningApplication app = RunningApplication.start(signups, retool.sandbox(),
                Map.of("pipeline.poll-delay", "100"))) {
            Path inbox = Files.createDirectories(signups.resolve("inbox"));
            Files.writeString(inbox.resolve(longName), "email\nlong-name@example.com\n");
            app.drop("next.csv", "email\nnext@example.com\n");

            app.awaitReport("next.csv");
            await().until(() -> Files.exists(inbox.resolve(".error").resolve(longName)));
            // several more polls of the folder
            app.drop("later.csv", "email\nlater@example.com\n");
            app.awaitReport("later.csv");

            List<String> lines = log.drain();
            assertThat(lines.stream().filter(line -> line.contains("aaaaaaaaaa"))).hasSize(1)
                    .allMatch(line -> line.contains("name is 250 bytes long"));
            assertThat(lines).noneMatch(line -> line.contains("caused by"));
        }
    }

    @Test
    void aFileNameWithTerminalEscapesIsLoggedNeutralised() throws Exception {
        String forged = "evil\u001b[31m\u0007\u202egnp.csv";
        try (RunningApplication app = RunningApplication.start(signups, retool.sandbox(), Map.of())) {
            app.drop(forged, "email\nforged-name@example.com\n");

            app.awaitReport(forged);

            List<String> lines = log.drain();
            assertThat(lines).anyMatch(line -> line.contains("evil\\u001b[31m\\u0007\\u202egnp.csv"));
            assertThat(lines).noneMatch(line -> line.contains("\u001b") || line.contains("\u0007")
                                                || line.contains("\u202e"));
        }
    }

    @Test
    void aFileNameWithLineBreaksIsReadAndLoggedOnOneLine() throws Exception {
        String broken = "nl\nhere\r.csv";
        try (RunningApplication app = RunningApplication.start(signups, retool.sandbox(), Map.of())) {
            app.drop(broken, "email\nline-break-name@example.com\n");

            app.awaitReport(broken);

            assertThat(app.ledger().find("line-break-name@example.com")).isPresent();
            assertThat(Files.exists(signups.resolve("inbox/.done").resolve(broken))).isTrue();
            assertThat(log.drain()).anyMatch(line -> line.contains("nl\\u000ahere\\u000d.csv"));
        }
    }

    @Test
    void everythingTheApplicationWritesIsItsUsersAlone() throws Exception {
        try (RunningApplication app = RunningApplication.start(signups, retool.sandbox(), Map.of())) {
            app.drop("unreadable.csv", "no email column here\n1\n");
            app.drop("fine.csv", "email\nprivate@example.com\n");
            app.awaitReport("fine.csv");
            await().until(() -> Files.exists(signups.resolve("inbox/.error/unreadable.csv.reason.txt")));
        }
        for (String folder : List.of("ledger", "reports", "inbox/.error")) {
            assertThat(permissions(signups.resolve(folder))).as(folder).isEqualTo("rwx------");
        }
        try (Stream<Path> files = Stream.concat(Files.list(signups.resolve("ledger")),
                Files.list(signups.resolve("reports")))) {
            for (Path file : files.toList()) {
                assertThat(permissions(file)).as(file.toString()).isEqualTo("rw-------");
            }
        }
        assertThat(permissions(signups.resolve("inbox/.error/unreadable.csv.reason.txt"))).isEqualTo("rw-------");
        assertThat(new String(Files.readAllBytes(signups.resolve("inbox/.error/unreadable.csv.reason.txt")),
                StandardCharsets.UTF_8)).isNotBlank();
    }

    @Test
    void theFoldersTheApplicationMakesAreItsUsersAloneWhateverTheUmask() throws Exception {
        Path data = signups.resolve("new-data-folder");
        try (RunningApplication app = RunningApplication.start(data, retool.sandbox(), Map.of())) {
            app.drop("accepted.csv", "email\nprivate-folders@example.com\n");
            app.awaitReport("accepted.csv");
        }
        for (Path folder : List.of(data, data.resolve("inbox"), data.resolve("inbox/.done"),
                data.resolve("inbox/.error"))) {
            assertThat(permissions(folder)).as(folder.toString()).isEqualTo("rwx------");
        }
        assertThat(data.resolve("inbox/.done/accepted.csv")).isRegularFile();
    }

    @Test
    void anInboxThatExistsKeepsItsPermissions() throws Exception {
        Path inbox = Files.createDirectories(signups.resolve("inbox"));
        // a drop folder shared with a team, on purpose
        Files.setPosixFilePermissions(inbox, PosixFilePermissions.fromString("rwxrwx---"));
        try (RunningApplication app = RunningApplication.start(signups, retool.sandbox(), Map.of())) {
            app.drop("shared.csv", "email\nshared-inbox@example.com\n");
            app.awaitReport("shared.csv");
        }
        assertThat(permissions(inbox)).isEqualTo("rwxrwx---");
        assertThat(permissions(inbox.resolve(".done"))).isEqualTo("rwx------");
    }

    private static String permissions(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS));
    }

}
