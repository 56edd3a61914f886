package io.camelretool.example.routes;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelretool.example.ApplicationSecrets;
import io.camelretool.example.RunningApplication;
import io.camelretool.example.ledger.LedgerStatus;
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

/** The CSV drop folder of the running application, against a real sandbox, folder and embedded ledger. */
class FolderIntakeRouteTest {

    @RegisterExtension
    static RetoolSandboxExtension retool = RetoolSandboxExtension.business();

    @TempDir
    Path signups;

    @RegisterExtension
    final SecretScan secrets = ApplicationSecrets.scan(retool::sandbox, () -> signups);

    LogCapture log;

    @BeforeEach
    void capture() {
        log = LogCapture.attach();
    }

    @AfterEach
    void release() {
        log.detach();
    }

    @Test
    void invitesEveryGoodRowReportsBadRowsByLineAndMovesTheFileToDone() throws Exception {
        retool.sandbox().defineAttribute("plan", "string");
        try (RunningApplication app = RunningApplication.start(signups, retool.sandbox(), Map.of())) {
            app.drop("team.csv", "\uFEFFE-mail Address;First Name;last name;groups;attr.plan\n"
                                 + "Ada@Example.com ;Ada;Lovelace;1;gold\n"
                                 + "only-one-cell\n"
                                 + "grace@example.com;Grace;Hopper;2|3;\n"
                                 + "refused@example.com;Re;Fused;999;\n");

            JsonNode report = app.awaitReport("team.csv");

            assertThat(signups.resolve("inbox/.done/team.csv")).exists();
            assertThat(retool.sandbox().invitesFor("ada@example.com")).singleElement()
                    .satisfies(invite -> assertThat(invite.metadata()).containsEntry("plan", "gold")
                            .containsEntry("firstName", "Ada"));
            assertThat(retool.sandbox().invitesFor("grace@example.com")).singleElement()
                    .satisfies(invite -> assertThat(invite.groupIds()).containsExactly(2, 3));
            assertThat(retool.sandbox().invites()).hasSize(2);
            assertThat(report.path("byStatus").path("INVITED").asInt()).isEqualTo(2);
            assertThat(report.path("byStatus").path("INVALID").asInt()).isEqualTo(1);
            assertThat(report.path("byStatus").path("FAILED").asInt()).isEqualTo(1);
            assertThat(report.path("newSeats").path("projectedMonthlyCost").asText()).isEqualTo("20.00");
            JsonNode badRow = report.path("lines").get(1);
            assertThat(badRow.path("line").asInt()).isEqualTo(3);
            assertThat(badRow.path("status").asText()).isEqualTo("INVALID");
            assertThat(badRow.path("reason").asText()).contains("cells");
            assertThat(app.entry("ada@example.com").status()).isEqualTo(LedgerStatus.INVITED);
            assertThat(app.entry("refused@example.com").status()).isEqualTo(LedgerStatus.FAILED);
            String reportCsv = Files.readString(signups.resolve("reports")
                    .resolve(report.path("batch").asText() + ".csv"));
            assertThat(reportCsv).startsWith("line,source_ref,email,class,status,reason,invite_id,invite_expires_at")
                    .contains("2,\"team.csv:2\",\"Ada@Example.com\",\"EXTERNAL\",\"INVITED\"");
        }
    }

    @Test
    void aFailedSignupIsParkedInTheDeadLetterFileWhichReplaysFromTheInbox() throws Exception {
        try (RunningApplication app = RunningApplication.start(signups, retool.sandbox(), Map.of())) {
            app.drop("partners.csv", "email,first_name,groups\nrefused@example.com,Rita,999\n");
            JsonNode report = app.awaitReport("partners.csv");
            Path deadLetter = Path.of(report.path("deadLetter").asText());
            assertThat(Files.readString(deadLetter)).startsWith("email,first_name,last_name,company,role,groups,"
                                                                + "failure_reason")
                    .contains("\"refused@example.com\",\"Rita\"").contains("999");

            retool.sandbox().addGroup(999, "Partners");
            Files.move(deadLetter, signups.resolve("inbox").resolve(deadLetter.getFileName()));

            JsonNode replay = app.awaitReport(deadLetter.getFileName().toString());
            assertThat(replay.path("byStatus").path("INVITED").asInt()).isEqualTo(1);
            assertThat(retool.sandbox().invitesFor("refused@example.com")).singleElement()
                    .satisfies(invite -> assertThat(invite.groupIds()).containsExactly(999));
            assertThat(app.entry("refused@example.com").attempts()).isEqualTo(2);
        }
    }

    @Test
    void classifiesEachSignupIntoItsGroupsAndAttributesAndDoesNotInviteRejectedOnes() throws Exception {
        retool.sandbox().defineAttribute("tier", "string");
        Map<String, String> policy = Map.of("retool.org-domains", "acme.com", "retool.groups.end-user", "4",
                "retool.groups.standard-user", "4,5", "retool.attributes.external", "tier=customer");
        try (RunningApplication app = RunningApplication.start(signups, retool.sandbox(), policy)) {
            app.drop("mixed.csv", "email,role\n"
                                  + "staff@acme.com,\n"
                                  + "builder@eu.acme.com,Editor\n"
                                  + "customer@example.com,\n"
                                  + "throwaway@mailinator.com,\n");

            JsonNode report = app.awaitReport("mixed.csv");

            assertThat(retool.sandbox().invitesFor("staff@acme.com").get(0).groupIds()).containsExactly(4);
            assertThat(retool.sandbox().invitesFor("builder@eu.acme.com").get(0).groupIds()).containsExactly(4, 5);
            assertThat(retool.sandbox().invitesFor("customer@example.com").get(0).metadata())
                    .containsEntry("tier", "customer");
            assertThat(retool.sandbox().invitesFor("throwaway@mailinator.com")).isEmpty();
            assertThat(report.path("byClass").path("END_USER").asInt()).isEqualTo(1);
            assertThat(report.path("byClass").path("STANDARD_USER").asInt()).isEqualTo(1);
            assertThat(report.path("byClass").path("REJECTED").asInt()).isEqualTo(1);
            assertThat(report.path("lines").get(3).path("reason").asText()).contains("disposable");
            assertThat(report.path("newSeats").path("projectedMonthlyCost").asText()).isEqualTo("75.00");
        }
    }

    @Test
    @SuppressWarnings("try") // the running application is only needed open, not referenced
    void movesABinaryFileToErrorWithItsReason() throws Exception {
        try (RunningApplication app = RunningApplication.start(signups, retool.sandbox(), Map.of())) {
            Files.createDirectories(signups.resolve("inbox"));
            Files.write(signups.resolve("inbox/export.csv"), new byte[] { 0, 1, 2, (byte) 0xFF, 'x', '\n' });

            Path reason = signups.resolve("inbox/.error/export.csv.reason.txt");
            Path moved = signups.resolve("inbox/.error/export.csv");
            // the reason is written while the file is still being handled; the move to .error follows
            await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(reason) && Files.exists(moved));

            assertThat(Files.readString(reason)).contains("not UTF-8 text");
            assertThat(RunningApplication.callsBeyondTheLifecycleRead(retool.sandbox())).isEmpty();
            // one line with the reason, and no stack trace after it
            List<String> lines = log.drain();
            assertThat(lines).filteredOn(line -> line.contains("export.csv") && !line.startsWith("INFO"))
                    .singleElement().asString()
                    .contains("moved to inbox/.error").contains("not UTF-8 text");
            assertThat(lines).noneMatch(line -> line.contains("caused by"));
        }
    }

    @Test
    void saysOncePerFileWhichColumnsItDoesNotRecognise() throws Exception {
        try (RunningApplication app = RunningApplication.start(signups, retool.sandbox(), Map.of())) {
            app.drop("hubspot.csv", "Email,First Name,Company Name,Phone Number,Lifecycle Stage\n"
                                    + "ada@example.com,Ada,Analytical Engines,123,lead\n"
                                    + "grace@example.com,Grace,Navy,456,lead\n"
                                    + "alan@example.com,Alan,Bletchley,789,customer\n");

            app.awaitReport("hubspot.csv");

            assertThat(log.drain()).filteredOn(line -> line.contains("not recognised")).singleElement().asString()
                    .startsWith("WARN").contains("hubspot.csv").contains("'Phone Number', 'Lifecycle Stage'")
                    .doesNotContain("Company Name");
            assertThat(retool.sandbox().invites()).hasSize(3);
        }
    }

    @Test
    void movesAFileWithAnUnknownDelimiterToErrorWithItsReason() throws Exception {
        try (RunningApplication app = RunningApplication.start(signups, retool.sandbox(), Map.of())) {
            app.drop("piped.csv", "email|first_name\nada@example.com|Ada\n");

            Path reason = signups.resolve("inbox/.error/piped.csv.reason.txt");
            await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(reason));

            assertThat(Files.readString(reason)).containsIgnoringCase("email");
            assertThat(retool.sandbox().invites()).isEmpty();
        }
    }
}
