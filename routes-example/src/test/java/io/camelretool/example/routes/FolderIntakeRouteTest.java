package io.camelretool.example.routes;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;

import io.camelretool.component.RetoolComponent;
import io.camelretool.sandbox.junit.RetoolSandboxExtension;
import org.apache.camel.CamelContext;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The real folder route against a real retool-sandbox and a real folder. */
class FolderIntakeRouteTest extends CamelTestSupport {

    @RegisterExtension
    static RetoolSandboxExtension retool = RetoolSandboxExtension.business();

    @TempDir
    static Path signups;

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        RetoolComponent component = new RetoolComponent();
        component.getConfiguration().setBaseUrl(retool.baseUrl());
        component.getConfiguration().setApiKey(retool.apiKey());
        component.getConfiguration().setRateLimitPerMinute(0);
        context.addComponent("retool", component);
        Properties properties = new Properties();
        properties.setProperty("signups.dir", signups.toString());
        properties.setProperty("retool.org-domains", "acme.com");
        properties.setProperty("retool.groups.end-user", "4");
        properties.setProperty("retool.groups.standard-user", "4,5");
        context.getPropertiesComponent().setOverrideProperties(properties);
        return context;
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new FolderIntakeRoute();
    }

    @Test
    void invitesEveryGoodRowReportsBadRowsByLineAndMovesTheFileToDone() throws Exception {
        retool.sandbox().defineAttribute("plan", "string");
        drop("team.csv", "\uFEFFE-mail Address;First Name;last name;groups;attr.plan\n"
                         + "ada@example.com;Ada;Lovelace;1;gold\n"
                         + "only-one-cell\n"
                         + "grace@example.com;Grace;Hopper;2|3;\n"
                         + "refused@example.com;Re;Fused;999;\n");

        Path done = signups.resolve("inbox/.done/team.csv");
        await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(done));

        assertThat(retool.sandbox().invitesFor("ada@example.com")).singleElement()
                .satisfies(invite -> assertThat(invite.metadata()).containsEntry("plan", "gold")
                        .containsEntry("firstName", "Ada"));
        assertThat(retool.sandbox().invitesFor("grace@example.com")).singleElement()
                .satisfies(invite -> assertThat(invite.groupIds()).containsExactly(2, 3));
        assertThat(retool.sandbox().invites()).hasSize(2);
        String deadLetter = Files.readString(signups.resolve("dead-letter/team.csv.failed.csv"));
        assertThat(deadLetter).startsWith("5,\"refused@example.com\"").contains("group 999");
    }

    @Test
    void classifiesEachSignupJoiningItsClassGroupsAndDoesNotInviteRejectedOnes() throws Exception {
        drop("mixed.csv", "email,role\n"
                          + "staff@acme.com,\n"
                          + "builder@eu.acme.com,Editor\n"
                          + "customer@example.com,\n"
                          + "throwaway@mailinator.com,\n");

        await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(signups.resolve("inbox/.done/mixed.csv")));

        assertThat(retool.sandbox().invitesFor("staff@acme.com").get(0).groupIds()).containsExactly(4);
        assertThat(retool.sandbox().invitesFor("builder@eu.acme.com").get(0).groupIds()).containsExactly(4, 5);
        assertThat(retool.sandbox().invitesFor("customer@example.com").get(0).groupIds()).isEmpty();
        assertThat(retool.sandbox().invitesFor("throwaway@mailinator.com")).isEmpty();
    }

    @Test
    void droppingTheSameFileAgainInvitesNobodyTwice() throws Exception {
        String csv = "email,first_name\nrepeat@example.com,Rita\n";
        drop("first.csv", csv);
        await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(signups.resolve("inbox/.done/first.csv")));
        drop("second.csv", csv);
        await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(signups.resolve("inbox/.done/second.csv")));

        assertThat(retool.sandbox().invitesFor("repeat@example.com")).hasSize(1);
    }

    @Test
    void movesABinaryFileToErrorWithItsReason() throws Exception {
        Files.createDirectories(signups.resolve("inbox"));
        Files.write(signups.resolve("inbox/export.csv"), new byte[] { 0, 1, 2, (byte) 0xFF, 'x', '\n' });

        Path reason = signups.resolve("inbox/.error/export.csv.reason.txt");
        Path moved = signups.resolve("inbox/.error/export.csv");
        // the reason is written while the file is still being handled; the move to .error follows
        await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(reason) && Files.exists(moved));

        assertThat(Files.readString(reason)).contains("not UTF-8 text");
        assertThat(retool.sandbox().requests()).isEmpty();
    }

    private static void drop(String name, String content) throws Exception {
        Path inbox = Files.createDirectories(signups.resolve("inbox"));
        Path staging = Files.createTempFile(signups, "staging", ".tmp");
        Files.writeString(staging, content, StandardCharsets.UTF_8);
        Files.move(staging, inbox.resolve(name));
    }
}
