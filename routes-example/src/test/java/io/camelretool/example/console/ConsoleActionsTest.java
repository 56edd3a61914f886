package io.camelretool.example.console;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.camelretool.example.ApplicationSecrets;
import io.camelretool.example.RunningApplication;
import io.camelretool.example.ledger.AuditTrail;
import io.camelretool.example.ledger.LedgerStatus;
import io.camelretool.sandbox.junit.RetoolSandboxExtension;
import io.camelretool.testing.SecretScan;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The console's actions are safe to click twice, audited, and go through the intake and pipeline like any signup. */
class ConsoleActionsTest {

    private static final String USER = "operator";
    private static final String PASSWORD = "a passphrase for the actions";
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @RegisterExtension
    static RetoolSandboxExtension retool = RetoolSandboxExtension.business();

    @TempDir
    Path signups;

    @RegisterExtension
    final SecretScan secrets = ApplicationSecrets.scan(retool::sandbox, () -> signups,
            List.of(new SecretScan.Secret("the console password", PASSWORD)));

    private RunningApplication app;
    private ConsoleClient client;

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    private void start(Map<String, String> more) throws Exception {
        Map<String, String> properties = new java.util.HashMap<>(more);
        properties.put("console.users", USER + ":" + PasswordHashes.hash(PASSWORD, 4));
        app = RunningApplication.start(signups, retool.sandbox(), properties);
        client = new ConsoleClient(app.url(""), secrets::seen);
        assertThat(client.logIn(USER, PASSWORD).statusCode()).isEqualTo(303);
    }

    @Test
    void replayingAFailureTwiceInvitesOnceAndLeavesTheDeadLetterAlone() throws Exception {
        start(Map.of());
        // Retool refuses the invite for good: its group does not exist yet
        app.postSigned("{\"email\":\"twice@outside.example\",\"groups\":[4242]}");
        awaitStatus("twice@outside.example", LedgerStatus.FAILED);
        retool.sandbox().addGroup(4242, "Partners");
        await().atMost(PATIENCE).until(() -> deadLetters().size() == 1);
        String deadLetter = Files.readString(deadLetters().get(0));

        String first = act("replay", "email", "twice@outside.example");
        String second = act("replay", "email", "twice@outside.example");

        await().atMost(PATIENCE).until(() -> retool.sandbox().invitesFor("twice@outside.example").size() == 1);
        awaitStatus("twice@outside.example", LedgerStatus.INVITED);
        assertThat(first).contains("1 queued for an invite");
        assertThat(second).contains("nothing to do");
        assertThat(retool.sandbox().invitesFor("twice@outside.example")).hasSize(1);
        assertThat(deadLetters()).hasSize(1);
        assertThat(Files.readString(deadLetters().get(0))).isEqualTo(deadLetter);
        List<AuditTrail.Entry> audit = app.ledger().auditTrail().recent(10);
        assertThat(audit).hasSize(2).allSatisfy(entry -> {
            assertThat(entry.actor()).isEqualTo(USER);
            assertThat(entry.action()).isEqualTo("replay");
            assertThat(entry.target()).isEqualTo("twice@outside.example");
        });
        assertThat(client.get("/console/person?email=twice@outside.example").body()).contains("nothing to do")
                .contains("1 queued for an invite");
    }

    @Test
    void lettingAPersonPastTheCapTwiceInvitesThemOnceAndOthersStillWait() throws Exception {
        start(Map.of("retool.max-new-external-seats-per-day", "0"));
        app.postSigned("[{\"email\":\"held-1@outside.example\"},{\"email\":\"held-2@outside.example\"}]");
        awaitStatus("held-1@outside.example", LedgerStatus.OVER_CAP);
        awaitStatus("held-2@outside.example", LedgerStatus.OVER_CAP);

        String first = act("let-through", "email", "held-1@outside.example");
        String second = act("let-through", "email", "held-1@outside.example");

        await().atMost(PATIENCE).until(() -> retool.sandbox().invitesFor("held-1@outside.example").size() == 1);
        awaitStatus("held-1@outside.example", LedgerStatus.INVITED);
        assertThat(first).contains("1 let through today");
        assertThat(second).contains("nothing to do");
        assertThat(app.entry("held-2@outside.example").status()).isEqualTo(LedgerStatus.OVER_CAP);
        assertThat(retool.sandbox().invitesFor("held-2@outside.example")).isEmpty();
    }

    @Test
    void aDryRunBatchIsSentForRealOnlyOnceTheApplicationSendsForReal() throws Exception {
        start(Map.of("dry-run", "true"));
        app.postSigned("{\"email\":\"rehearsed@outside.example\"}");
        awaitStatus("rehearsed@outside.example", LedgerStatus.WOULD_INVITE);
        String batch = app.ledger().queries().batches(0, 1).items().get(0).batch().id();
        assertThat(act("make-real", "batch", batch)).contains("refused").contains("DRY_RUN");
        app.close();

        start(Map.of("dry-run", "false"));
        String made = act("make-real", "batch", batch);
        String again = act("make-real", "batch", batch);

        await().atMost(PATIENCE).until(() -> retool.sandbox().invitesFor("rehearsed@outside.example").size() == 1);
        assertThat(made).contains("1 queued for an invite");
        assertThat(again).contains("nothing to do");
        assertThat(app.ledger().auditTrail().recent(10)).extracting(AuditTrail.Entry::action)
                .containsExactly("make-real", "make-real", "make-real");
    }

    /** Confirms an action as the confirmation page's form does; answers the outcome the console shows. */
    private String act(String action, String... targets) throws Exception {
        StringBuilder query = new StringBuilder("/console/confirm?action=" + action);
        for (int i = 0; i + 1 < targets.length; i += 2) {
            query.append('&').append(targets[i]).append('=').append(Html.encode(targets[i + 1]));
        }
        String confirmation = client.get(query.toString()).body();
        List<String> form = new java.util.ArrayList<>(List.of("csrf", ConsoleClient.csrf(confirmation), "action",
                action));
        form.addAll(List.of(targets));
        HttpResponse<String> done = client.post("/console/do", form);
        assertThat(done.statusCode()).as(done.body()).isEqualTo(303);
        String audit = client.get("/console/audit").body();
        int start = audit.indexOf("id=\"notice\">");
        return audit.substring(start, audit.indexOf("</p>", start));
    }

    private List<Path> deadLetters() throws Exception {
        Path folder = signups.resolve("dead-letter");
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (var files = Files.list(folder)) {
            return files.toList();
        }
    }

    private void awaitStatus(String email, LedgerStatus status) {
        await().atMost(PATIENCE).until(() -> app.ledger().find(email).map(entry -> entry.status() == status)
                .orElse(false));
    }
}
