package io.camelretool.example.console;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelretool.component.classify.UserClass;
import io.camelretool.example.ApplicationSecrets;
import io.camelretool.example.RunningApplication;
import io.camelretool.example.ledger.LedgerEntry;
import io.camelretool.example.ledger.LedgerStatus;
import io.camelretool.sandbox.SandboxInvite;
import io.camelretool.sandbox.SandboxUser;
import io.camelretool.sandbox.junit.RetoolSandboxExtension;
import io.camelretool.testing.SecretScan;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What an operator reads on the overview and on a person's page, against a ledger the lifecycle moved: people who
 * joined, an expired invite, a pending one. The seat figures are the read API's ({@code /api/seats}), the chart's
 * bars the days' invites and joins.
 */
class ConsoleFiguresTest {

    private static final String USER = "operator";
    private static final String PASSWORD = "a passphrase for the figures";
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final Map<UserClass, String> PRICES = Map.of(UserClass.EXTERNAL, "10.00", UserClass.END_USER,
            "15.00", UserClass.STANDARD_USER, "50.00");
    private static final Pattern FIGURE = Pattern.compile("id=\"fig-([a-z-]+)\">([^<]*)<");

    @RegisterExtension
    static RetoolSandboxExtension retool = RetoolSandboxExtension.business();

    @TempDir
    Path signups;

    @RegisterExtension
    final SecretScan secrets = ApplicationSecrets.scan(retool::sandbox, () -> signups,
            List.of(new SecretScan.Secret("the console password", PASSWORD)));

    private RunningApplication app;

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void theOverviewShowsTheSeatsOfTheReadApiAndTodaysInvitesAndJoins() throws Exception {
        ConsoleClient client = start();
        retool.sandbox().addGroup(12, "Staff");
        retool.sandbox().defineAttribute("team", "string");
        app.postSigned("[{\"email\":\"ada@acme.com\",\"firstName\":\"Ada\",\"lastName\":\"Lovelace\","
                       + "\"company\":\"Acme\",\"groups\":[12],\"attributes\":{\"team\":\"engines\"}},"
                       + "{\"email\":\"bob@outside.example\"},{\"email\":\"carl@outside.example\"},"
                       + "{\"email\":\"dora@outside.example\"}]");
        for (String email : List.of("ada@acme.com", "bob@outside.example", "carl@outside.example",
                "dora@outside.example")) {
            awaitStatus(email, LedgerStatus.INVITED);
        }
        SandboxUser ada = retool.sandbox().claimInvite(inviteOf("ada@acme.com"));
        retool.sandbox().claimInvite(inviteOf("bob@outside.example"));
        retool.sandbox().expireInvite(inviteOf("carl@outside.example"));
        awaitStatus("ada@acme.com", LedgerStatus.JOINED);
        awaitStatus("bob@outside.example", LedgerStatus.JOINED);
        awaitStatus("carl@outside.example", LedgerStatus.EXPIRED);
        UserClass adaClass = app.entry("ada@acme.com").userClass();
        assertThat(adaClass).isIn(UserClass.END_USER, UserClass.STANDARD_USER);

        Map<String, String> figures = figures(client.get("/console/overview").body());
        JsonNode seats = RunningApplication.json(app.api("/api/seats").body());

        assertThat(figures).containsEntry("embed", "0 (0)").containsEntry("offboarded-active", "0")
                .containsEntry("cost-offboarded-active", "0.00 USD");
        assertThat(figures).containsEntry("external-joined", "1").containsEntry("internal-joined", "1")
                .containsEntry("external-pending", "1").containsEntry("internal-pending", "0")
                .containsEntry("expired", "1").containsEntry("today", "3 / 100")
                .containsEntry("failed", "0").containsEntry("over-cap", "0");
        assertThat(figures.get("cost-joined")).isEqualTo(money("10.00", PRICES.get(adaClass)) + " USD")
                .isEqualTo(seats.path("monthlyCost").path("joined").decimalValue().setScale(2) + " USD");
        assertThat(figures.get("cost-pending")).isEqualTo("10.00 USD")
                .isEqualTo(seats.path("monthlyCost").path("pending").decimalValue().setScale(2) + " USD");
        assertThat(Long.parseLong(figures.get("external-joined")))
                .isEqualTo(seats.path("joined").path("EXTERNAL").asLong());
        assertThat(Long.parseLong(figures.get("expired"))).isEqualTo(seats.path("expired").asLong());

        // Retool's health: reachable, and what the sandbox's Business plan and key allow
        String health = client.get("/console/overview").body();
        assertThat(row(health, "Reachable")).isEqualTo("yes");
        assertThat(row(health, "Plan and key allow")).startsWith("invites, user attributes")
                .endsWith("not: looking users up (Enterprise)");
        assertThat(row(health, "Rate limit")).isEqualTo("off");
        assertThat(row(health, "Rate limit in use")).isEqualTo("no client-side limit (rateLimitPerMinute=0)");

        // the chart: today's bars are four invites sent and two joins; the 29 days before have none
        String overview = client.get("/console/overview").body();
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        assertThat(bar(overview, "invites", today)).isEqualTo(4);
        assertThat(bar(overview, "joins", today)).isEqualTo(2);
        assertThat(bar(overview, "joins", LocalDate.now(ZoneOffset.UTC).minusDays(1).toString())).isZero();
        assertThat(overview).contains("<title>" + today + ": 2 joins</title>");

        // Ada's page: her row as the lifecycle left it, her attributes, and the batch line that named her
        String page = client.get("/console/person?email=ada@acme.com").body();
        LedgerEntry entry = app.entry("ada@acme.com");
        assertThat(row(page, "Status")).isEqualTo("JOINED");
        assertThat(row(page, "Name")).isEqualTo("Ada Lovelace");
        assertThat(row(page, "Company")).isEqualTo("Acme");
        assertThat(row(page, "Class")).isEqualTo(adaClass.name());
        assertThat(row(page, "Retool user id")).isEqualTo(ada.id());
        assertThat(row(page, "Joined")).startsWith(today);
        assertThat(row(page, "Renewals")).isEqualTo("0");
        assertThat(row(page, "Retool invite id")).isEqualTo(String.valueOf(entry.inviteId()));
        assertThat(row(page, "Groups")).isEqualTo("[12]");
        assertThat(row(page, "team")).isEqualTo("engines");
        assertThat(row(page, "Source")).startsWith("WEBHOOK");
        String history = page.substring(page.indexOf("id=\"history\""));
        assertThat(history).contains(app.ledger().queries().history("ada@acme.com").get(0).batchId())
                .contains("<td>INVITED</td>");
        // a joined person has no invite to renew or revoke, but may be offboarded
        assertThat(page).doesNotContain("Renew this person").doesNotContain("Revoke this person")
                .contains("Offboard this person");
        String carl = client.get("/console/person?email=carl@outside.example").body();
        assertThat(row(carl, "Status")).isEqualTo("EXPIRED");
        assertThat(carl).contains("Renew this person").contains("Revoke this person");

        // Bob offboarded from the console: on this plan (Business) his account cannot be disabled by API, so his
        // seat still costs, and the overview says so as /api/seats does
        String bobPage = client.get("/console/confirm?action=offboard&email=bob@outside.example").body();
        assertThat(client.post("/console/do", List.of("csrf", ConsoleClient.csrf(bobPage), "action", "offboard",
                "email", "bob@outside.example")).statusCode()).isEqualTo(303);
        awaitStatus("bob@outside.example", LedgerStatus.OFFBOARDED);
        String after = client.get("/console/overview").body();
        JsonNode seatsAfter = RunningApplication.json(app.api("/api/seats").body());
        assertThat(figures(after)).containsEntry("offboarded-active", "1").containsEntry("external-joined", "0")
                .containsEntry("cost-offboarded-active", "10.00 USD").containsEntry("offboarding", "0");
        assertThat(seatsAfter.path("offboardedStillActive").path("EXTERNAL").asLong()).isEqualTo(1);
        assertThat(seatsAfter.path("monthlyCost").path("offboardedStillActive").decimalValue().setScale(2))
                .hasToString("10.00");
        assertThat(after).contains("id=\"still-active\"");
        assertThat(row(client.get("/console/person?email=bob@outside.example").body(), "Account"))
                .contains("still active");
    }

    @Test
    void peopleAreSearchedFilteredByStatusAndClassAndPagedByFifty() throws Exception {
        ConsoleClient client = start();
        StringBuilder batch = new StringBuilder("[{\"email\":\"staff@acme.com\"}");
        for (int i = 0; i < PeoplePages.PAGE_SIZE; i++) {
            batch.append(",{\"email\":\"guest").append(i).append("@outside.example\"}");
        }
        app.postSigned(batch.append("]").toString());
        await().atMost(PATIENCE).until(() -> app.ledger().queries().withStatus(LedgerStatus.INVITED, 100).size()
                                             == PeoplePages.PAGE_SIZE + 1);

        String first = client.get("/console/people?status=INVITED").body();
        assertThat(rows(first)).hasSize(PeoplePages.PAGE_SIZE);
        assertThat(first).contains(">Next</a>").doesNotContain(">Previous</a>");
        String second = client.get("/console/people?status=INVITED&offset=50").body();
        assertThat(rows(second)).hasSize(1);
        assertThat(second).contains(">Previous</a>").doesNotContain(">Next</a>");
        assertThat(rows(client.get("/console/people?class=END_USER").body()))
                .containsExactly("staff@acme.com");
        assertThat(rows(client.get("/console/people?class=STANDARD_USER").body())).isEmpty();
        assertThat(rows(client.get("/console/people?q=acme.com").body())).containsExactly("staff@acme.com");
        assertThat(rows(client.get("/console/people?q=guest4").body())).containsExactlyInAnyOrder(
                "guest4@outside.example", "guest40@outside.example", "guest41@outside.example",
                "guest42@outside.example", "guest43@outside.example", "guest44@outside.example",
                "guest45@outside.example", "guest46@outside.example", "guest47@outside.example",
                "guest48@outside.example", "guest49@outside.example");
        assertThat(rows(client.get("/console/people?status=FAILED").body())).isEmpty();
        // a search for SQL's wildcards finds nobody rather than everybody
        assertThat(rows(client.get("/console/people?q=%25").body())).isEmpty();
        assertThat(rows(client.get("/console/people?q=_").body())).isEmpty();

        // the batch on the batches page: its signups, outcomes and what its new seats cost a month (50 externals at
        // 10.00 and one END_USER at 15.00)
        String batchId = app.ledger().queries().batches(0, 1).items().get(0).batch().id();
        // the report of THIS batch is linked once it is written (another batch's link says nothing about it)
        await().atMost(PATIENCE).until(() -> batchRow(client, batchId).contains("format=json"));
        String row = batchRow(client, batchId);
        assertThat(row).contains("<td>" + (PeoplePages.PAGE_SIZE + 1) + "</td>")
                .contains("<span class=\"outcome\">INVITED " + (PeoplePages.PAGE_SIZE + 1) + "</span>")
                .contains("<td>515.00 USD</td>").doesNotContain("Replay failed");

        // the batch's report, as JSON, downloaded with a session
        var report = client.get("/console/report?batch=" + batchId + "&format=json");
        assertThat(report.statusCode()).isEqualTo(200);
        assertThat(report.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(report.headers().firstValue("Content-Disposition")).hasValue("attachment; filename=\""
                                                                                + batchId + ".json\"");
        JsonNode json = RunningApplication.json(report.body());
        assertThat(json.path("batch").asText()).isEqualTo(batchId);
        assertThat(report.body()).contains("staff@acme.com").contains("guest49@outside.example");
    }

    @Test
    void pointedAtARealRetoolWithoutConsoleUsersThereIsNoConsole() throws Exception {
        // the tests' Retool is named by its URL, as a real one is: without CONSOLE_USERS the console is off
        app = RunningApplication.start(signups, retool.sandbox(), Map.of());
        ConsoleClient client = new ConsoleClient(app.url(""), secrets::seen);
        for (String page : List.of("/console", "/console/login", "/console/overview", "/console/people")) {
            assertThat(client.get(page).statusCode()).as(page).isEqualTo(404);
        }
        assertThat(client.post("/console/login", List.of("user", "admin", "password", "admin")).statusCode())
                .isEqualTo(404);
    }

    private ConsoleClient start() throws Exception {
        app = RunningApplication.start(signups, retool.sandbox(), Map.of(
                "console.users", USER + ":" + PasswordHashes.hash(PASSWORD, 4),
                "retool.org-domains", "acme.com",
                "lifecycle.period", "1000",
                "lifecycle.renew-expired-invites", "false"));
        ConsoleClient client = new ConsoleClient(app.url(""), secrets::seen);
        assertThat(client.logIn(USER, PASSWORD).statusCode()).isEqualTo(303);
        return client;
    }

    private static Map<String, String> figures(String page) {
        Map<String, String> figures = new java.util.HashMap<>();
        Matcher figure = FIGURE.matcher(page);
        while (figure.find()) {
            figures.put(figure.group(1), figure.group(2));
        }
        return figures;
    }

    /** The emails listed on a people page. */
    private static List<String> rows(String page) {
        List<String> emails = new java.util.ArrayList<>();
        Matcher row = Pattern.compile("<input type=\"checkbox\" name=\"email\" value=\"([^\"]+)\">").matcher(page);
        while (row.find()) {
            emails.add(row.group(1));
        }
        return emails;
    }

    /** The count of a chart bar, as the SVG carries it. */
    private static long bar(String page, String kind, String day) {
        Matcher bar = Pattern.compile("<rect class=\"" + kind + "\"[^>]* data-day=\"" + day
                                      + "\" data-count=\"([0-9]+)\"").matcher(page);
        assertThat(bar.find()).as(kind + " on " + day).isTrue();
        return Long.parseLong(bar.group(1));
    }

    /** The value shown beside a label on a person's page. */
    private static String row(String page, String label) {
        Matcher row = Pattern.compile("<dt>" + Pattern.quote(label) + "</dt><dd>([^<]*)</dd>").matcher(page);
        assertThat(row.find()).as(label).isTrue();
        return row.group(1);
    }

    private static String money(String a, String b) {
        return new java.math.BigDecimal(a).add(new java.math.BigDecimal(b)).toPlainString();
    }

    private static int inviteOf(String email) {
        List<SandboxInvite> invites = retool.sandbox().invitesFor(email);
        return invites.get(invites.size() - 1).id();
    }

    private static String batchRow(ConsoleClient client, String batchId) throws Exception {
        String batches = client.get("/console/batches").body();
        int start = batches.indexOf("<tr data-batch=\"" + batchId + "\">");
        if (start < 0) {
            return "";
        }
        String row = batches.substring(start);
        return row.substring(0, row.indexOf("</tr>"));
    }

    private void awaitStatus(String email, LedgerStatus status) {
        await().atMost(PATIENCE).until(() -> app.ledger().find(email).map(entry -> entry.status() == status)
                .orElse(false));
    }
}
