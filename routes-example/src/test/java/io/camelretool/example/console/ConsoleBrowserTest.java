package io.camelretool.example.console;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import io.camelretool.example.ApplicationSecrets;
import io.camelretool.example.RunningApplication;
import io.camelretool.example.ledger.LedgerStatus;
import io.camelretool.sandbox.junit.RetoolSandboxExtension;
import io.camelretool.testing.SecretScan;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The console in a real browser (Debian's Chromium, headless), used as an operator would: log in, read the figures,
 * find a person, replay a failure, let a person past the cap, accept a mail from review, download a report, log out;
 * and attacked: a hostile signup's page, a form without its CSRF token. Screenshots of each page are kept in
 * {@code target/console-screenshots/}.
 */
class ConsoleBrowserTest {

    private static final String USER = "operator";
    private static final String PASSWORD = "an operator's long passphrase";
    private static final String MAILBOX = "signups@localhost";
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    /** A group id the sandbox does not know until a test adds it: Retool refuses an invite into it for good. */
    private static final int MISSING_GROUP = 4242;

    @RegisterExtension
    static RetoolSandboxExtension retool = RetoolSandboxExtension.business();

    @TempDir
    Path signups;

    @TempDir
    Path downloads;

    @RegisterExtension
    final SecretScan secrets = ApplicationSecrets.scan(retool::sandbox, () -> signups,
            List.of(new SecretScan.Secret("the console password", PASSWORD)));

    private GreenMail mail;
    private RunningApplication app;
    private Browser browser;

    @BeforeAll
    static void chromiumIsThere() {
        Browser.requireChromium();
    }

    @BeforeEach
    void start() throws Exception {
        mail = new GreenMail(new ServerSetup[] {
            new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
            new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP) });
        mail.setUser(MAILBOX, MAILBOX, "pw");
        mail.start();
        app = RunningApplication.start(signups, retool.sandbox(), Map.ofEntries(
                Map.entry("console.users", USER + ":" + PasswordHashes.hash(PASSWORD, 4)),
                Map.entry("retool.org-domains", "acme.com"),
                Map.entry("retool.max-new-external-seats-per-day", "1"),
                Map.entry("mail.enabled", "true"),
                Map.entry("mail.protocol", "imap"),
                Map.entry("mail.host", "127.0.0.1"),
                Map.entry("mail.port", String.valueOf(mail.getImap().getPort())),
                Map.entry("mail.username", MAILBOX),
                Map.entry("mail.password", "pw"),
                Map.entry("mail.allowed-senders", "forms@acme.com"),
                Map.entry("mail.poll-delay", "200")));
        browser = Browser.start(downloads);
    }

    @AfterEach
    void stop() throws Exception {
        if (browser != null) {
            // whatever the browser showed last goes through the secret scan
            secrets.seen("browser page", browser.driver.getPageSource());
            browser.close();
        }
        app.close();
        mail.stop();
    }

    @Test
    void anOperatorClearsAFailureTheCapQueueAndAReviewedMail() throws Exception {
        // a person whose invite Retool refuses (a group that does not exist yet), then two externals over a cap of one
        app.postSigned("{\"email\":\"grace@acme.com\",\"firstName\":\"Grace\",\"lastName\":\"Hopper\","
                       + "\"groups\":[" + MISSING_GROUP + "]}");
        awaitStatus("grace@acme.com", LedgerStatus.FAILED);
        app.postSigned("[{\"email\":\"first@outside.example\"},{\"email\":\"second@outside.example\"},"
                       + "{\"email\":\"third@outside.example\"}]");
        await().atMost(PATIENCE).until(() -> app.ledger().queries().withStatus(LedgerStatus.OVER_CAP, 10).size() == 2);
        // a mail from a sender nobody allowed goes to review
        GreenMailUtil.sendTextEmail(MAILBOX, "someone@elsewhere.example", "Please add Ada",
                "Name: Ada Lovelace\r\nEmail: ada@acme.com\r\n", mail.getSmtp().getServerSetup());
        await().atMost(PATIENCE).until(() -> Files.isDirectory(signups.resolve("mail-review"))
                                             && Files.list(signups.resolve("mail-review")).count() == 1);

        logIn();
        shot("overview");
        Map<LedgerStatus, Long> counts = statusCounts();
        assertThat(figure("failed")).isEqualTo(String.valueOf(counts.getOrDefault(LedgerStatus.FAILED, 0L)))
                .isEqualTo("1");
        assertThat(figure("over-cap")).isEqualTo(String.valueOf(counts.getOrDefault(LedgerStatus.OVER_CAP, 0L)))
                .isEqualTo("2");
        assertThat(figure("external-pending")).isEqualTo("1");
        assertThat(figure("today")).isEqualTo("1 / 1");
        assertThat(figure("mail-review")).isEqualTo("1");
        assertThat(figure("cost-pending")).isEqualTo("10.00 USD");

        // the cause fixed (the group made in Retool), find the failed person, read their page, replay them
        retool.sandbox().addGroup(MISSING_GROUP, "Operators");
        go(By.id("nav-people"));
        WebElement search = browser.driver.findElement(By.id("search"));
        search.sendKeys("grace@");
        go(By.id("search-button"));
        shot("people");
        go(By.linkText("grace@acme.com"));
        assertThat(browser.driver.findElement(By.id("person")).getText()).contains("FAILED").contains("Grace Hopper");
        shot("person");
        go(By.linkText("Replay failed people"));
        assertThat(browser.driver.findElement(By.id("confirm-targets")).getText()).contains("grace@acme.com");
        shot("confirm");
        go(By.id("confirm"));
        assertThat(browser.driver.findElement(By.id("notice")).getText()).contains("1 queued for an invite");
        await().atMost(PATIENCE).until(() -> retool.sandbox().invitesFor("grace@acme.com").size() == 1);
        awaitStatus("grace@acme.com", LedgerStatus.INVITED);

        // let one of the two over the cap through today
        go(By.id("nav-overview"));
        browser.driver.findElement(By.cssSelector("#over-cap-list input[value='second@outside.example']")).click();
        go(By.id("over-cap-list-let-through"));
        go(By.id("confirm"));
        assertThat(browser.driver.findElement(By.id("notice")).getText()).contains("1 let through today");
        await().atMost(PATIENCE).until(() -> retool.sandbox().invitesFor("second@outside.example").size() == 1);
        assertThat(app.entry("third@outside.example").status()).isEqualTo(LedgerStatus.OVER_CAP);
        assertThat(retool.sandbox().invitesFor("third@outside.example")).isEmpty();

        // accept the reviewed mail as if its sender were allowed
        go(By.id("nav-mail"));
        assertThat(browser.driver.findElement(By.id("mails")).getText()).contains("someone@elsewhere.example")
                .contains("Please add Ada");
        shot("mail-review");
        go(By.linkText("Accept"));
        go(By.id("confirm"));
        assertThat(browser.driver.findElement(By.id("notice")).getText()).contains("accepted as batch");
        await().atMost(PATIENCE).until(() -> retool.sandbox().invitesFor("ada@acme.com").size() == 1);
        // the same confirmation posted again (back, confirm): nothing more happens, and the console says so
        browser.driver.navigate().back();
        go(By.id("confirm"));
        assertThat(browser.driver.findElement(By.id("notice")).getText()).contains("not in review");
        assertThat(retool.sandbox().invitesFor("ada@acme.com")).hasSize(1);
        go(By.id("nav-mail"));
        assertThat(browser.driver.getPageSource()).contains("No mail in review.");

        // every action is in the audit trail, with who did it
        go(By.id("nav-audit"));
        String audit = browser.driver.findElement(By.id("audit")).getText();
        assertThat(audit).contains("replay").contains("let-through").contains("accept-mail").contains(USER);
        shot("audit");

        // the replay's batch report, downloaded
        go(By.id("nav-batches"));
        await().atMost(PATIENCE).until(() -> {
            browser.driver.navigate().refresh();
            return !browser.driver.findElements(By.cssSelector("tr[data-batch^='console-'] a[href*='format=csv']"))
                    .isEmpty();
        });
        shot("batches");
        WebElement csv = browser.driver.findElement(By.cssSelector("tr[data-batch^='console-'] a[href*='format=csv']"));
        String batchId = csv.findElement(By.xpath("ancestor::tr")).getAttribute("data-batch");
        csv.click();
        Path downloaded = downloads.resolve(batchId + ".csv");
        await().atMost(PATIENCE).until(() -> Files.isRegularFile(downloaded));
        assertThat(Files.readString(downloaded)).contains("grace@acme.com").contains("INVITED");

        // logging out ends the session: the pages lead to the login again
        go(By.id("logout"));
        assertThat(browser.driver.getCurrentUrl()).endsWith("/console/login");
        browser.driver.get(app.url("/console/people"));
        assertThat(browser.driver.getCurrentUrl()).endsWith("/console/login");
        shot("login");
    }

    @Test
    void anOperatorRenewsRevokesAndOffboardsOnePersonFromTheirPage() throws Exception {
        app.postSigned("[{\"email\":\"renew@acme.com\"},{\"email\":\"revoke@acme.com\"},"
                       + "{\"email\":\"leaver@acme.com\"}]");
        for (String email : List.of("renew@acme.com", "revoke@acme.com", "leaver@acme.com")) {
            awaitStatus(email, LedgerStatus.INVITED);
        }
        long oldInvite = app.entry("renew@acme.com").inviteId();
        logIn();

        browser.driver.get(app.url("/console/person?email=renew@acme.com"));
        go(By.linkText("Renew this person's invite"));
        assertThat(browser.driver.findElement(By.id("confirm-description")).getText())
                .contains("invite " + oldInvite);
        go(By.id("confirm"));
        assertThat(browser.driver.findElement(By.id("notice")).getText()).contains("renewed: invite " + oldInvite);
        assertThat(retool.sandbox().invitesFor("renew@acme.com")).singleElement()
                .satisfies(invite -> assertThat(invite.id()).isNotEqualTo((int) oldInvite));
        // the same confirmation again (back, confirm): that invite is gone, nothing more is renewed
        browser.driver.navigate().back();
        go(By.id("confirm"));
        assertThat(browser.driver.findElement(By.id("notice")).getText()).contains("nothing to do");
        assertThat(retool.sandbox().invitesFor("renew@acme.com")).hasSize(1);

        browser.driver.get(app.url("/console/person?email=revoke@acme.com"));
        go(By.linkText("Revoke this person's invite"));
        go(By.id("confirm"));
        assertThat(browser.driver.findElement(By.id("notice")).getText()).contains("revoked");
        assertThat(retool.sandbox().invitesFor("revoke@acme.com")).isEmpty();
        assertThat(app.entry("revoke@acme.com").status()).isEqualTo(LedgerStatus.REVOKED);

        browser.driver.get(app.url("/console/person?email=leaver@acme.com"));
        go(By.linkText("Offboard this person"));
        shot("offboard-confirm");
        go(By.id("confirm"));
        assertThat(browser.driver.findElement(By.id("notice")).getText()).contains("offboarded");
        awaitStatus("leaver@acme.com", LedgerStatus.OFFBOARDED);
        assertThat(retool.sandbox().invitesFor("leaver@acme.com")).isEmpty();
        browser.driver.get(app.url("/console/person?email=leaver@acme.com"));
        assertThat(browser.driver.findElement(By.id("person")).getText()).contains("OFFBOARDED")
                .contains("by console " + USER);
        assertThat(browser.driver.findElements(By.linkText("Offboard this person"))).isEmpty();
        shot("offboarded-person");
        // and let in again: they start over and are invited anew
        go(By.linkText("Re-admit this offboarded person"));
        go(By.id("confirm"));
        assertThat(browser.driver.findElement(By.id("notice")).getText()).contains("re-admitted");
        awaitStatus("leaver@acme.com", LedgerStatus.INVITED);
        assertThat(retool.sandbox().invitesFor("leaver@acme.com")).hasSize(1);

        browser.driver.get(app.url("/console/audit"));
        assertThat(browser.driver.findElement(By.id("audit")).getText()).contains("renew").contains("revoke")
                .contains("offboard").contains("readmit").contains("leaver@acme.com");
    }

    @Test
    void aHostileSignupIsShownAsTextAndRunsNothing() throws Exception {
        String firstName = "<script>window.pwned=1</script>";
        String lastName = "<img src=x onerror=\"window.pwned=2\">";
        String company = "\u202Egnp.exe <a href=\"javascript:window.pwned=3\">click</a>";
        app.postSigned("{\"email\":\"mallory@outside.example\",\"firstName\":" + json(firstName) + ",\"lastName\":"
                       + json(lastName) + ",\"company\":" + json(company) + "}");
        awaitStatus("mallory@outside.example", LedgerStatus.INVITED);

        logIn();
        browser.driver.get(app.url("/console/person?email=mallory@outside.example"));
        String shown = browser.driver.findElement(By.id("person")).getText();
        assertThat(shown).contains(firstName).contains(lastName)
                .contains("[U+202E]gnp.exe <a href=\"javascript:window.pwned=3\">click</a>");
        assertThat(browser.driver.findElements(By.cssSelector("#person script, #person img, #person a"))).isEmpty();
        for (WebElement link : browser.driver.findElements(By.tagName("a"))) {
            assertThat(link.getAttribute("href")).doesNotStartWith("javascript:");
        }
        assertThat(browser.driver.executeScript("return window.pwned === undefined")).isEqualTo(true);
        assertThatThrownBy(() -> browser.driver.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
        shot("hostile-person");
        browser.driver.get(app.url("/console/people?q=mallory"));
        assertThat(browser.driver.executeScript("return window.pwned === undefined")).isEqualTo(true);
    }

    @Test
    void everyHostileNameOfTheCorpusIsShownAsTextOnEveryPage() throws Exception {
        app.drop("hostile-names.csv", new String(getClass().getResourceAsStream("/console/hostile-names.csv")
                .readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        app.awaitReport("hostile-names.csv");
        logIn();
        List<String> pages = new java.util.ArrayList<>(List.of("/console/overview", "/console/people",
                "/console/batches", "/console/people?q=outside.example&class=EXTERNAL"));
        app.ledger().queries().people("", null, null, 0, 100).items()
                .forEach(person -> pages.add("/console/person?email=" + Html.encode(person.emailKey())));
        assertThat(pages).hasSizeGreaterThan(10);
        for (String page : pages) {
            browser.driver.get(app.url(page));
            secrets.seen("browser " + page, browser.driver.getPageSource());
            assertThatThrownBy(() -> browser.driver.switchTo().alert()).as(page)
                    .isInstanceOf(NoAlertPresentException.class);
            // nothing but the console's own markup: one heading, no frames, images, scripts or foreign links
            assertThat(browser.driver.findElements(By.tagName("h1"))).as(page).hasSize(1);
            assertThat(browser.driver.findElements(By.cssSelector("script, iframe, img, textarea, b, "
                                                                  + "main svg:not(#activity-chart)"))).as(page)
                    .isEmpty();
            for (WebElement link : browser.driver.findElements(By.tagName("a"))) {
                assertThat(link.getAttribute("href")).as(page).startsWith(app.url("/console/"));
            }
        }
        browser.driver.get(app.url("/console/person?email=rtl@outside.example"));
        assertThat(browser.driver.findElement(By.id("person")).getText()).contains("[U+202E]exe.gnp")
                .contains("[U+2067]Isolate[U+2069]").contains("Zero[U+200B]Width[U+200D]Joiner[U+FEFF]");
        browser.driver.get(app.url("/console/person?email=closers@outside.example"));
        assertThat(browser.driver.findElement(By.id("person")).getText())
                .contains("</td></tr></table><h1>injected</h1>").contains("</textarea></style></title>");
    }

    @Test
    void aFormPostedWithoutItsCsrfTokenIsRefused() throws Exception {
        app.postSigned("[{\"email\":\"one@outside.example\"},{\"email\":\"two@outside.example\"}]");
        await().atMost(PATIENCE).until(() -> app.ledger().queries().withStatus(LedgerStatus.OVER_CAP, 10).size() == 1);
        String held = app.ledger().queries().withStatus(LedgerStatus.OVER_CAP, 1).get(0).emailKey();
        logIn();
        browser.driver.get(app.url("/console/confirm?action=let-through&email=" + held));
        // what a forged form looks like: the same fields without the session's token
        browser.driver.executeScript("document.querySelector(\"form[action='/console/do'] input[name='csrf']\")"
                                     + ".remove()");
        go(By.id("confirm"));
        assertThat(browser.driver.findElement(By.id("message")).getText()).contains("CSRF");
        assertThat(app.entry(held).status()).isEqualTo(LedgerStatus.OVER_CAP);
        assertThat(app.ledger().auditTrail().recent(5)).isEmpty();
    }

    private void logIn() {
        browser.driver.get(app.url("/console/overview"));
        assertThat(browser.driver.getCurrentUrl()).endsWith("/console/login");
        browser.driver.findElement(By.id("user")).sendKeys(USER);
        browser.driver.findElement(By.id("password")).sendKeys(PASSWORD);
        go(By.id("login-button"));
        assertThat(browser.driver.getCurrentUrl()).endsWith("/console/overview");
    }

    /** Clicks what leads to another page and waits until that page has replaced this one. */
    private void go(By target) {
        WebElement page = browser.driver.findElement(By.tagName("html"));
        browser.driver.findElement(target).click();
        new WebDriverWait(browser.driver, Duration.ofSeconds(15)).until(driver -> replaced(page));
    }

    /**
     * Whether the page's root element is gone. Chromium, asked while the new page replaces it, may answer that the
     * node "does not belong to the document" instead of calling it stale: that too means it was replaced.
     */
    private static boolean replaced(WebElement page) {
        try {
            page.isEnabled();
            return false;
        } catch (StaleElementReferenceException gone) {
            return true;
        } catch (WebDriverException replacing) {
            if (String.valueOf(replacing.getMessage()).contains("does not belong to the document")) {
                return true;
            }
            throw replacing;
        }
    }

    /** Keeps a screenshot of the page, and hands its HTML to the secret scan. */
    private void shot(String name) throws Exception {
        browser.screenshot(name);
        secrets.seen("browser " + name, browser.driver.getPageSource());
    }

    private String figure(String id) {
        return browser.driver.findElement(By.id("fig-" + id)).getText();
    }

    private Map<LedgerStatus, Long> statusCounts() {
        Map<LedgerStatus, Long> counts = new java.util.EnumMap<>(LedgerStatus.class);
        app.ledger().queries().countsByStatus().forEach((status, byClass) -> counts.put(status,
                byClass.values().stream().mapToLong(Long::longValue).sum()));
        return counts;
    }

    private void awaitStatus(String email, LedgerStatus status) {
        await().atMost(PATIENCE).until(() -> app.ledger().find(email).map(entry -> entry.status() == status)
                .orElse(false));
    }

    private static String json(String text) throws Exception {
        return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(text);
    }
}
