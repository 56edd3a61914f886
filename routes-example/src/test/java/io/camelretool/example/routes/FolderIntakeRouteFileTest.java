package io.camelretool.example.routes;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

import io.camelretool.component.classify.SignupClassifier;
import io.camelretool.example.intake.folder.FolderIntake;
import io.camelretool.example.intake.folder.InboxEntryFilter;
import io.camelretool.example.ledger.Ledger;
import io.camelretool.example.ledger.LedgerStatus;
import io.camelretool.example.pipeline.SignupIntake;
import org.apache.camel.BeanInject;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The route file {@code camel/folder-intake.camel.yaml} alone, as {@code camel-test-main-junit5} starts it: its two
 * beans over an in-memory ledger, a real folder, no HTTP server, no Retool. The way to test a route copied into
 * another application.
 */
@CamelMainTest(propertyPlaceholderLocations = "classpath:route-tests/folder-intake.properties",
               configurationClasses = FolderIntakeRouteFileTest.Beans.class)
class FolderIntakeRouteFileTest {

    private static final Path SIGNUPS = Path.of("target/route-tests/folder-intake");
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    /** The route's beans, as an application binds them: here over a ledger in memory. */
    public static class Beans implements CamelConfiguration {

        @BindToRegistry("ledger")
        public Ledger ledger() {
            return RouteTestLedgers.ledger(RouteTestLedgers.memory("folder"));
        }

        @BindToRegistry("inboxEntryFilter")
        public InboxEntryFilter inboxEntryFilter() {
            return new InboxEntryFilter();
        }

        @BindToRegistry("folderIntake")
        public FolderIntake folderIntake(Ledger ledger) {
            return new FolderIntake(new SignupIntake(ledger, SignupClassifier.builder().build()));
        }
    }

    @BeanInject
    Ledger ledger;

    @BeforeAll
    static void emptyFolder() throws IOException {
        if (Files.exists(SIGNUPS)) {
            try (Stream<Path> all = Files.walk(SIGNUPS)) {
                for (Path path : all.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
        Files.createDirectories(SIGNUPS.resolve("inbox"));
    }

    @Test
    void aDroppedCsvBecomesReceivedRowsInTheLedgerAndMovesToDone() throws IOException {
        drop("team.csv", "email,first name\nada@example.com,Ada\ngrace@example.com,Grace\n");

        await().atMost(PATIENCE).until(() -> Files.exists(SIGNUPS.resolve("inbox/.done/team.csv")));

        assertThat(ledger.find("ada@example.com")).hasValueSatisfying(entry ->
                assertThat(entry.status()).isEqualTo(LedgerStatus.RECEIVED));
        assertThat(ledger.find("grace@example.com")).isPresent();
    }

    @Test
    void aFileThatIsNotASignupCsvMovesToErrorWithItsReasonBesideIt() throws IOException {
        drop("no-email.csv", "name,company\nAda,Analytical\n");

        Path reason = SIGNUPS.resolve("inbox/.error/no-email.csv.reason.txt");
        await().atMost(PATIENCE).until(() -> Files.exists(reason)
                                             && Files.exists(SIGNUPS.resolve("inbox/.error/no-email.csv")));

        assertThat(Files.readString(reason)).contains("no email column");
        assertThat(ledger.find("ada@example.com")).isEmpty();
    }

    @Test
    void aLinkInTheInboxIsNeverFollowed() throws IOException {
        Path outside = Files.writeString(SIGNUPS.resolve("outside.csv"), "email\nlinked@example.com\n");
        Files.createSymbolicLink(SIGNUPS.resolve("inbox/linked.csv"), outside.toAbsolutePath());
        drop("after-the-link.csv", "email\nafter@example.com\n");

        await().atMost(PATIENCE).until(() -> Files.exists(SIGNUPS.resolve("inbox/.done/after-the-link.csv")));

        assertThat(ledger.find("linked@example.com")).isEmpty();
    }

    @Test
    void aCsvWhoseNameHasALineBreakIsReadLikeAnyOther() throws IOException {
        drop("two\nlines.csv", "email\nline-break@example.com\n");

        await().atMost(PATIENCE).until(() -> Files.exists(SIGNUPS.resolve("inbox/.done/two\nlines.csv")));

        assertThat(ledger.find("line-break@example.com")).isPresent();
    }

    /** Written aside, then moved in at once, as a careful user drops a file. */
    private static void drop(String name, String csv) throws IOException {
        Path staging = Files.writeString(SIGNUPS.resolve(name + ".tmp"), csv, StandardCharsets.UTF_8);
        Files.move(staging, SIGNUPS.resolve("inbox").resolve(name));
    }
}
