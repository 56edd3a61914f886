package io.camelretool.example.hostile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelretool.example.ApplicationSecrets;
import io.camelretool.example.RunningApplication;
import io.camelretool.sandbox.RetoolSandbox;
import io.camelretool.testing.LogCapture;
import io.camelretool.testing.SecretScan;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole CSV corpus dropped at once into the inbox of one running application (sandbox, temporary folder,
 * embedded ledger): each file ends where its manifest row says, with the report lines, reasons and defused cells
 * it lists, and afterwards the application still runs, every accepted signup is in the ledger and Retool holds an
 * invite for exactly the invited ones.
 */
class CsvCorpusApplicationTest {

    /** Retool creates this invite, then refuses its undefined attribute; the line says FAILED (reported defect). */
    private static final Set<String> INVITED_THOUGH_FAILED = Set.of("au1@example.com");

    @TempDir
    static Path signups;
    static RetoolSandbox retool;
    static RunningApplication app;
    static LogCapture log;
    /** The reports once every file is settled. */
    static List<JsonNode> reports;

    @RegisterExtension
    static SecretScan secrets = ApplicationSecrets.scan(() -> retool, () -> signups);

    @BeforeAll
    static void dropTheWholeCorpusAtOnce() throws Exception {
        retool = RetoolSandbox.start();
        retool.defineAttribute("plan", "string");
        retool.defineAttribute("tier", "string");
        // all waiting in the inbox before the first poll
        List<CsvCorpus.Case> cases = CsvCorpus.cases();
        cases.forEach(CsvCorpusApplicationTest::drop);
        log = LogCapture.attach();
        app = RunningApplication.start(signups, retool, Map.of("retool.org-domains", "acme.com",
                "retool.blocked-domains", "blocked.example", "retool.max-new-external-seats-per-day", "100000"));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            reports = app.reports();
            assertThat(unsettledFiles()).isEmpty();
        });
    }

    /** Written aside and moved in, as a careful user drops a file. */
    private static void drop(CsvCorpus.Case corpusCase) {
        try {
            Path inbox = Files.createDirectories(signups.resolve("inbox"));
            Path staging = Files.write(Files.createTempFile(signups, "staging", ".tmp"), corpusCase.content());
            Files.move(staging, inbox.resolve(corpusCase.file()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The files the folder reads that have not moved yet, or were accepted and have no report yet. */
    private static List<String> unsettledFiles() {
        Path inbox = signups.resolve("inbox");
        List<String> unsettled = new ArrayList<>();
        for (CsvCorpus.Case corpusCase : CsvCorpus.cases()) {
            Path refused = inbox.resolve(".error").resolve(corpusCase.file());
            Path done = inbox.resolve(".done").resolve(corpusCase.file());
            boolean settled = corpusCase.ignored() || corpusCase.refused() && Files.exists(refused)
                              || Files.exists(done) && report(corpusCase.file()).isPresent();
            if (!settled) {
                unsettled.add(corpusCase.file());
            }
        }
        return unsettled;
    }

    @AfterAll
    static void stop() throws IOException {
        log.detach();
        app.close();
        retool.close();
    }

    static Stream<CsvCorpus.Case> cases() {
        return CsvCorpus.cases().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void eachFileEndsAsItsManifestRowSays(CsvCorpus.Case corpusCase) throws IOException {
        Path inbox = signups.resolve("inbox");
        if (corpusCase.ignored()) {
            assertThat(inbox.resolve(corpusCase.file())).as("left in the inbox").exists();
            assertThat(report(corpusCase.file())).isEmpty();
        } else if (corpusCase.refused()) {
            assertThat(inbox.resolve(".error").resolve(corpusCase.file())).exists();
            assertThat(Files.readString(inbox.resolve(".error").resolve(corpusCase.file() + ".reason.txt")))
                    .contains(corpusCase.reason());
            assertThat(report(corpusCase.file())).isEmpty();
        } else {
            JsonNode report = report(corpusCase.file()).orElseThrow();
            corpusCase.lines().assertReport(report);
            if (corpusCase.reportCsv() != null) {
                Path reportCsv = signups.resolve("reports").resolve(report.path("batch").asText() + ".csv");
                String csv = Files.readString(reportCsv);
                for (String cell : corpusCase.reportCsv().split("; ")) {
                    assertThat(csv).contains(cell);
                }
            }
        }
    }

    @Test
    void afterTheWholeCorpusTheApplicationRunsAndNothingIsLostOrInvitedTwice() throws Exception {
        NothingLostNothingTwice.assertStillRunning(app);
        NothingLostNothingTwice.assertEveryAcceptedSignupIsInTheLedger(app, reports);
        NothingLostNothingTwice.assertInvitedExactlyTheInvitedLines(retool, reports, INVITED_THOUGH_FAILED);
        assertThat(CsvCorpus.cases()).hasSizeGreaterThanOrEqualTo(50);
    }

    @Test
    void theLogNamesEveryAttributeColumnThatIsIgnored() {
        assertThat(log.drain()).anySatisfy(line -> assertThat(line)
                .contains("attributes.csv: column 'attr.Bad-Name' is ignored: Retool attribute names use a-z"));
    }

    private static Optional<JsonNode> report(String file) {
        return reports.stream().filter(report -> file.equals(report.path("name").asText())).findFirst();
    }
}
