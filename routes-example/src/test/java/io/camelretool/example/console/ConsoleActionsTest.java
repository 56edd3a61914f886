package io.camelretool.example.console;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.camelretool.example.ApplicationSecrets;
import io.camelretool.example.access.Offboarding;
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
    private static final java.util.regex.Pattern HIDDEN = java.util.regex.Pattern.compile(
            "<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">");

    @RegisterExtension
    static RetoolSandboxExtension retool = RetoolSandboxExtension.business();

    @TempDir
    Path signups;

    @RegisterExtension
    final SecretScan secrets = ApplicationSecrets.scan(retool::sandbox, () -> signups,
            List.of(new SecretScan.Secret("the console password", PASSWORD)));

    private RunningApplication app;
    private ConsoleClient client;
    /** The mailbox of the tests of mail review; none for the others. */
    private com.icegreen.greenmail.util.GreenMail mail;

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
        if (mail != null) {
            mail.stop();
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
    void replayingABatchInvitesAllItsFailedPeopleOnce() throws Exception {
        start(Map.of());
        app.postSigned("[{\"email\":\"one@outside.example\",\"groups\":[4343]},"
                       + "{\"email\":\"two@outside.example\",\"groups\":[4343]},{\"email\":\"fine@outside.example\"}]");
        awaitStatus("one@outside.example", LedgerStatus.FAILED);
        awaitStatus("two@outside.example", LedgerStatus.FAILED);
        awaitStatus("fine@outside.example", LedgerStatus.INVITED);
        retool.sandbox().addGroup(4343, "Partners");
        String batch = app.ledger().queries().history("one@outside.example").get(0).batchId();

        List<String> form = confirmation("replay-batch", "batch", batch);
        String first = post(form);
        String second = post(form);

        awaitStatus("one@outside.example", LedgerStatus.INVITED);
        awaitStatus("two@outside.example", LedgerStatus.INVITED);
        assertThat(first).contains("2 queued for an invite");
        assertThat(second).contains("nothing to do");
        for (String email : List.of("one@outside.example", "two@outside.example", "fine@outside.example")) {
            assertThat(retool.sandbox().invitesFor(email)).as(email).hasSize(1);
        }
        assertThat(app.ledger().auditTrail().recent(10)).extracting(AuditTrail.Entry::target)
                .containsOnly("batch " + batch);
        // the batch's action changed its people: each one's page shows it among the actions about them
        assertThat(client.get("/console/person?email=one%40outside.example").body()).contains("batch " + batch)
                .contains("2 queued for an invite").doesNotContain("No operator action yet.");
    }

    @Test
    void discardingAReviewedMailTakesNothingFromItAndItsHostileSubjectIsText() throws Exception {
        startWithMailbox();
        String uid = inReview("<script>alert(1)</script>\u202Eadd me", "Email: spam@outside.example");
        assertThat(client.get("/console/mail").body()).contains("&lt;script&gt;alert(1)&lt;/script&gt;[U+202E]add me")
                .doesNotContain("<script>").doesNotContain("\u202E");

        List<String> form = confirmation("discard-mail", "mail", uid);
        String first = post(form);
        String second = post(form);

        assertThat(first).contains("discarded");
        assertThat(second).contains("not in review");
        assertThat(client.get("/console/mail").body()).contains("No mail in review.");
        assertThat(app.ledger().find("spam@outside.example")).isEmpty();
        assertThat(retool.sandbox().invitesFor("spam@outside.example")).isEmpty();
    }

    @Test
    void acceptingAReviewedMailWithNoSignupLeavesItInReviewWithTheNewReason() throws Exception {
        startWithMailbox();
        String uid = inReview("hello", "Nothing to sign up here.");
        assertThat(client.get("/console/mail").body()).contains("MAIL_ALLOWED_SENDERS");

        String outcome = post(confirmation("accept-mail", "mail", uid));

        assertThat(outcome).contains("not accepted, still in review: no signup found");
        assertThat(client.get("/console/mail").body()).contains("accepted by an operator, but no signup found")
                .doesNotContain("MAIL_ALLOWED_SENDERS");
    }

    @Test
    void aPersonAcceptedFromAReviewedMailHasThatActionOnTheirPage() throws Exception {
        startWithMailbox();
        String uid = inReview("new partner", "Email: mary@outside.example");

        assertThat(post(confirmation("accept-mail", "mail", uid))).contains("accepted as batch");
        awaitStatus("mary@outside.example", LedgerStatus.INVITED);

        assertThat(client.get("/console/person?email=mary%40outside.example").body())
                .contains("accepted as batch").contains("review mail").doesNotContain("No operator action yet.");
    }

    /** Mails a line from a sender who is not allowed; answers the mail's UID in review once the console lists it. */
    private String inReview(String subject, String line) throws Exception {
        com.icegreen.greenmail.util.GreenMailUtil.sendTextEmail("signups@localhost", "someone@elsewhere.example",
                subject, line + "\r\n", mail.getSmtp().getServerSetup());
        await().atMost(PATIENCE).until(() -> client.get("/console/mail").body().contains("id=\"mails\""));
        java.util.regex.Matcher accept = java.util.regex.Pattern.compile("action=accept-mail&amp;mail=([0-9]+)")
                .matcher(client.get("/console/mail").body());
        assertThat(accept.find()).isTrue();
        return accept.group(1);
    }

    /** A mailbox of the test's own, from which the application reads mail allowed only from forms@acme.com. */
    private void startWithMailbox() throws Exception {
        mail = new com.icegreen.greenmail.util.GreenMail(new com.icegreen.greenmail.util.ServerSetup[] {
            new com.icegreen.greenmail.util.ServerSetup(0, "127.0.0.1", "smtp"),
            new com.icegreen.greenmail.util.ServerSetup(0, "127.0.0.1", "imap") });
        mail.setUser("signups@localhost", "signups@localhost", "pw");
        mail.start();
        start(Map.of("mail.enabled", "true", "mail.protocol", "imap", "mail.host", "127.0.0.1",
                "mail.port", String.valueOf(mail.getImap().getPort()), "mail.username", "signups@localhost",
                "mail.password", "pw", "mail.allowed-senders", "forms@acme.com", "mail.poll-delay", "200"));
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

    @Test
    void renewingAnInviteTwiceReplacesItOnceWithTheSameGroups() throws Exception {
        start(Map.of());
        retool.sandbox().addGroup(7, "Partners");
        app.postSigned("{\"email\":\"renew@outside.example\",\"groups\":[7]}");
        awaitStatus("renew@outside.example", LedgerStatus.INVITED);
        long old = app.entry("renew@outside.example").inviteId();

        List<String> form = confirmation("renew", "email", "renew@outside.example");
        assertThat(form).contains("invite", String.valueOf(old));
        String first = post(form);
        String second = post(form);

        List<io.camelretool.sandbox.SandboxInvite> invites = retool.sandbox().invitesFor("renew@outside.example");
        assertThat(invites).hasSize(1);
        assertThat(invites.get(0).id()).isNotEqualTo((int) old);
        assertThat(invites.get(0).groupIds()).containsExactly(7);
        assertThat(app.entry("renew@outside.example").status()).isEqualTo(LedgerStatus.INVITED);
        assertThat(app.entry("renew@outside.example").inviteId()).isEqualTo(invites.get(0).id());
        assertThat(first).contains("renewed: invite " + old + " revoked, new invite " + invites.get(0).id());
        assertThat(second).contains("nothing to do").contains("no longer");
        assertThat(app.ledger().auditTrail().recent(10)).hasSize(2).allSatisfy(entry -> {
            assertThat(entry.actor()).isEqualTo(USER);
            assertThat(entry.action()).isEqualTo("renew");
            assertThat(entry.target()).isEqualTo("renew@outside.example (invite " + old + ")");
        });
        assertThat(client.get("/console/person?email=renew@outside.example").body()).contains("Renewals</dt><dd>1<");
    }

    @Test
    void revokingAnInviteTwiceRevokesItOnceAndMarksThePerson() throws Exception {
        start(Map.of());
        app.postSigned("{\"email\":\"revoke@outside.example\"}");
        awaitStatus("revoke@outside.example", LedgerStatus.INVITED);
        long invite = app.entry("revoke@outside.example").inviteId();
        List<String> form = confirmation("revoke", "email", "revoke@outside.example");

        String first = post(form);
        String second = post(form);

        assertThat(retool.sandbox().invitesFor("revoke@outside.example")).isEmpty();
        assertThat(app.entry("revoke@outside.example").status()).isEqualTo(LedgerStatus.REVOKED);
        assertThat(app.entry("revoke@outside.example").lastError()).contains("from the console by " + USER);
        assertThat(first).contains("invite " + invite + " revoked");
        assertThat(second).contains("nothing to do").contains("REVOKED");
        assertThat(app.ledger().auditTrail().recent(10)).extracting(AuditTrail.Entry::action)
                .containsExactly("revoke", "revoke");
        // a revoked invite can be renewed: the operator changed their mind
        assertThat(act("renew", "email", "revoke@outside.example")).contains("renewed");
        assertThat(retool.sandbox().invitesFor("revoke@outside.example")).hasSize(1);
    }

    @Test
    void offboardingTwiceTakesAccessAwayOnceAsTheAdminApiDoes() throws Exception {
        start(Map.of());
        app.postSigned("{\"email\":\"leaver@outside.example\"}");
        awaitStatus("leaver@outside.example", LedgerStatus.INVITED);
        List<String> form = confirmation("offboard", "email", "leaver@outside.example");

        String first = post(form);
        String second = post(form);

        awaitStatus("leaver@outside.example", LedgerStatus.OFFBOARDED);
        assertThat(retool.sandbox().invitesFor("leaver@outside.example")).isEmpty();
        assertThat(first).contains("offboarded");
        assertThat(second).contains("nothing to do").contains("OFFBOARD");
        var access = app.ledger().access().find("leaver@outside.example").orElseThrow();
        assertThat(access.offboardedBy()).isEqualTo("console " + USER);
        assertThat(access.offboardedFrom()).isEqualTo(LedgerStatus.INVITED);
        assertThat(app.ledger().auditTrail().recent(2)).extracting(AuditTrail.Entry::action)
                .containsExactly("offboard", "offboard");
        String page = client.get("/console/person?email=leaver@outside.example").body();
        assertThat(page).contains("by console " + USER).doesNotContain("Offboard this person")
                .doesNotContain("Renew this person").contains("Re-admit this offboarded person");

        // re-admitted, twice: they start over once and the pipeline invites them again
        List<String> readmit = confirmation("readmit", "email", "leaver@outside.example");
        String again = post(readmit);
        String twice = post(readmit);
        awaitStatus("leaver@outside.example", LedgerStatus.INVITED);
        assertThat(again).contains("re-admitted");
        assertThat(twice).contains("nothing to do").contains("not OFFBOARDED");
        assertThat(retool.sandbox().invitesFor("leaver@outside.example")).hasSize(1);
        assertThat(app.ledger().access().find("leaver@outside.example").orElseThrow().offboardNote())
                .startsWith("re-admitted by console " + USER);
        assertThat(app.ledger().auditTrail().recent(10)).extracting(AuditTrail.Entry::action)
                .containsExactly("readmit", "readmit", "offboard", "offboard");
    }

    @Test
    void theConsoleTheAdminApiAndTheSweeperShareTheApplicationsOneOffboarding() throws Exception {
        start(Map.of());

        // one per application: it knows which offboardings are under way here, which the sweeper then leaves alone
        assertThat(app.context().getRegistry().findByType(Offboarding.class)).hasSize(1);
        assertThat(app.context().getRegistry().lookupByName("operatorConsole")).isNotNull();
        assertThat(app.context().getRoute("offboarding-sweeper")).isNotNull();
        assertThat(app.context().getRoute("admin-offboard")).isNotNull();
    }

    @Test
    void oneEmailOnlyAndAnInviteIdOnlyAreTakenForTheOnePersonActions() throws Exception {
        start(Map.of());
        app.postSigned("[{\"email\":\"a@outside.example\"},{\"email\":\"b@outside.example\"}]");
        awaitStatus("a@outside.example", LedgerStatus.INVITED);
        awaitStatus("b@outside.example", LedgerStatus.INVITED);
        String csrf = ConsoleClient.csrf(client.get("/console/overview").body());
        for (String action : List.of("renew", "revoke", "offboard", "readmit")) {
            assertThat(client.get("/console/confirm?action=" + action + "&email=a@outside.example"
                                  + "&email=b@outside.example").statusCode()).as(action).isEqualTo(400);
            assertThat(client.post("/console/do", List.of("csrf", csrf, "action", action, "email",
                    "a@outside.example", "email", "b@outside.example", "invite", "1")).statusCode()).as(action)
                    .isEqualTo(400);
            assertThat(client.post("/console/do", List.of("csrf", csrf, "action", action)).statusCode()).as(action)
                    .isEqualTo(400);
        }
        for (String invite : List.of("", "-1", "1 OR 1=1", "9".repeat(30), "<script>")) {
            assertThat(client.post("/console/do", List.of("csrf", csrf, "action", "renew", "email",
                    "a@outside.example", "invite", invite)).statusCode()).as(invite).isEqualTo(400);
        }
        // an invite that is not the person's renews nothing
        assertThat(post(List.of("csrf", csrf, "action", "renew", "email", "a@outside.example", "invite",
                String.valueOf(app.entry("b@outside.example").inviteId())))).contains("nothing to do");
        assertThat(client.get("/console/confirm?action=renew&email=nobody@outside.example").statusCode())
                .isEqualTo(400);
        assertThat(post(List.of("csrf", csrf, "action", "offboard", "email", "nobody@outside.example")))
                .contains("does not know");
        assertThat(post(List.of("csrf", csrf, "action", "revoke", "email", "<script>@outside.example")))
                .contains("does not know").doesNotContain("<script>");
        assertThat(retool.sandbox().invitesFor("a@outside.example")).hasSize(1);
        assertThat(retool.sandbox().invitesFor("b@outside.example")).hasSize(1);
        assertThat(app.entry("a@outside.example").status()).isEqualTo(LedgerStatus.INVITED);
    }

    @Test
    void renewingAndRevokingAreRefusedInADryRun() throws Exception {
        start(Map.of("dry-run", "true"));
        app.postSigned("{\"email\":\"rehearsed@outside.example\"}");
        awaitStatus("rehearsed@outside.example", LedgerStatus.WOULD_INVITE);
        String csrf = ConsoleClient.csrf(client.get("/console/overview").body());
        assertThat(post(List.of("csrf", csrf, "action", "revoke", "email", "rehearsed@outside.example")))
                .contains("refused").contains("DRY_RUN");
        assertThat(post(List.of("csrf", csrf, "action", "renew", "email", "rehearsed@outside.example", "invite",
                "1"))).contains("refused").contains("DRY_RUN");
        assertThat(retool.sandbox().invites()).isEmpty();
    }

    /** Confirms an action as the confirmation page's form does; answers the outcome the console shows. */
    private String act(String action, String... targets) throws Exception {
        return post(confirmation(action, targets));
    }

    /** The fields of the confirmation page's form for an action, as a browser would post them. */
    private List<String> confirmation(String action, String... targets) throws Exception {
        StringBuilder query = new StringBuilder("/console/confirm?action=" + action);
        for (int i = 0; i + 1 < targets.length; i += 2) {
            query.append('&').append(targets[i]).append('=').append(Html.encode(targets[i + 1]));
        }
        HttpResponse<String> page = client.get(query.toString());
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        String form = page.body().substring(page.body().indexOf("action=\"/console/do\""));
        List<String> fields = new java.util.ArrayList<>();
        java.util.regex.Matcher hidden = HIDDEN.matcher(form);
        while (hidden.find()) {
            fields.add(hidden.group(1));
            fields.add(hidden.group(2).replace("&amp;", "&"));
        }
        return fields;
    }

    /** Posts a confirmation's form; answers the outcome the console shows. */
    private String post(List<String> form) throws Exception {
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
        // a dead-letter file is written as a .part beside it and moved into place whole: only .csv files count
        try (var files = Files.list(folder)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".csv")).toList();
        }
    }

    private void awaitStatus(String email, LedgerStatus status) {
        await().atMost(PATIENCE).until(() -> app.ledger().find(email).map(entry -> entry.status() == status)
                .orElse(false));
    }
}
