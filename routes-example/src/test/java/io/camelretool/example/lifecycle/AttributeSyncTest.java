package io.camelretool.example.lifecycle;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelretool.example.ApplicationSecrets;
import io.camelretool.example.RunningApplication;
import io.camelretool.example.ledger.LedgerStatus;
import io.camelretool.sandbox.SandboxUser;
import io.camelretool.sandbox.junit.RetoolSandboxExtension;
import io.camelretool.testing.SecretScan;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A later signup for someone already invited or joined, with other attribute values, updates them in Retool. */
class AttributeSyncTest {

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @RegisterExtension
    static RetoolSandboxExtension retool = RetoolSandboxExtension.business();

    @TempDir
    Path signups;

    @RegisterExtension
    final SecretScan secrets = ApplicationSecrets.scan(retool::sandbox, () -> signups);

    @BeforeEach
    void defineAttributes() {
        retool.sandbox().defineAttribute("tier", "string");
        retool.sandbox().defineAttribute("region", "string");
    }

    /** Posts one signup and answers its batch's report line once the report is written. */
    private static JsonNode signUp(RunningApplication app, String json) throws Exception {
        JsonNode answer = RunningApplication.json(app.postSigned(json).body());
        String requestId = answer.path("ids").get(0).asText().replaceAll("#.*", "");
        return app.awaitReport(requestId).path("lines").get(0);
    }

    private static void awaitInvited(RunningApplication app, String email) {
        await().atMost(PATIENCE).until(() -> app.ledger().find(email).filter(entry -> entry.status()
                == LedgerStatus.INVITED).isPresent());
    }

    @Test
    void aSignupWithChangedAttributesUpdatesThePendingInviteAndSaysWhatChanged() throws Exception {
        try (RunningApplication app = RunningApplication.start(signups, retool.sandbox(), Map.of())) {
            signUp(app, "{\"email\":\"ada@example.com\",\"attributes\":{\"tier\":\"silver\"}}");
            awaitInvited(app, "ada@example.com");

            JsonNode line = signUp(app, "{\"email\":\"ada@example.com\",\"attributes\":{\"tier\":\"gold\","
                                        + "\"region\":\"eu\"}}");

            assertThat(line.path("status").asText()).isEqualTo("UPDATED");
            assertThat(line.path("reason").asText()).contains("tier: silver -> gold").contains("region: (none) -> eu")
                    .contains("invite");
            assertThat(retool.sandbox().invitesFor("ada@example.com")).singleElement()
                    .satisfies(invite -> assertThat(invite.metadata()).containsEntry("tier", "gold")
                            .containsEntry("region", "eu"));
            JsonNode person = RunningApplication.json(app.api("/api/people/ada@example.com").body());
            assertThat(person.path("attributes").path("tier").asText()).isEqualTo("gold");
        }
    }

    @Test
    void unchangedAttributesStayADuplicate() throws Exception {
        try (RunningApplication app = RunningApplication.start(signups, retool.sandbox(), Map.of())) {
            signUp(app, "{\"email\":\"ada@example.com\",\"attributes\":{\"tier\":\"silver\"}}");
            awaitInvited(app, "ada@example.com");

            JsonNode line = signUp(app, "{\"email\":\"ADA@example.com\",\"attributes\":{\"tier\":\"silver\"}}");

            assertThat(line.path("status").asText()).isEqualTo("DUPLICATE");
            assertThat(retool.sandbox().requestCount("POST", "/api/v2/user_invites/")).isEqualTo(1);
        }
    }

    @Test
    void aGroupChangeWithUnchangedAttributesIsADuplicateThatSaysTheGroupsCannotBeApplied() throws Exception {
        try (RunningApplication app = RunningApplication.start(signups, retool.sandbox(), Map.of())) {
            signUp(app, "{\"email\":\"bob@example.com\",\"groups\":[3]}");
            awaitInvited(app, "bob@example.com");

            JsonNode line = signUp(app, "{\"email\":\"bob@example.com\",\"groups\":[2]}");
            JsonNode same = signUp(app, "{\"email\":\"bob@example.com\",\"groups\":[3]}");

            assertThat(line.path("status").asText()).isEqualTo("DUPLICATE");
            assertThat(line.path("reason").asText()).contains("already INVITED")
                    .contains("groups [2] not applied: Retool's API cannot change the groups of an invite "
                              + "already sent");
            assertThat(same.path("reason").asText()).doesNotContain("groups");
            assertThat(retool.sandbox().invitesFor("bob@example.com")).singleElement()
                    .satisfies(invite -> assertThat(invite.groupIds()).containsExactly(3));
        }
    }

    @Test
    void aJoinedPersonsAttributesGoToTheirUserAndAGroupChangeIsReportedWithItsReason() throws Exception {
        try (RunningApplication app = RunningApplication.start(signups, retool.sandbox(),
                Map.of("lifecycle.period", "1000"))) {
            signUp(app, "{\"email\":\"ada@example.com\",\"groups\":[3],\"attributes\":{\"tier\":\"silver\"}}");
            awaitInvited(app, "ada@example.com");
            long reads = retool.sandbox().requestCount("GET", "/api/v2/user_invites");
            await().atMost(PATIENCE).until(() -> retool.sandbox().requestCount("GET", "/api/v2/user_invites") > reads);
            SandboxUser ada = retool.sandbox().claimInvite(retool.sandbox().invitesFor("ada@example.com").get(0).id());
            await().atMost(PATIENCE).until(() -> app.entry("ada@example.com").status() == LedgerStatus.JOINED);

            JsonNode line = signUp(app, "{\"email\":\"ada@example.com\",\"groups\":[3,2],"
                                        + "\"attributes\":{\"tier\":\"gold\"}}");

            assertThat(line.path("status").asText()).isEqualTo("UPDATED");
            assertThat(line.path("reason").asText()).contains("on the user").contains("tier: silver -> gold")
                    .contains("groups [2] not applied");
            assertThat(retool.sandbox().user(ada.id()).metadata()).containsEntry("tier", "gold");
            assertThat(retool.sandbox().user(ada.id()).groupIds()).doesNotContain(2);
        }
    }
}
