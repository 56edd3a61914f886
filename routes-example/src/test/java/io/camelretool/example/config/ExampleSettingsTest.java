package io.camelretool.example.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import io.camelretool.component.classify.UserClass;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ExampleSettingsTest {

    private final Map<String, String> properties = new HashMap<>(Map.of(
            "signups.dir", "/data/signups",
            "retool.max-new-external-seats-per-day", "100",
            "report.seat-price.external", "10.00",
            "report.seat-price.end-user", "15.00",
            "report.seat-price.standard-user", "50.00",
            "ledger.reconcile-after-seconds", "300"));

    @Test
    void defaultsToAnEmbeddedLedgerInsideTheDataFolder() {
        ExampleSettings settings = read();

        assertThat(settings.ledgerUrl()).startsWith("jdbc:h2:file:/data/signups/ledger/ledger");
        assertThat(settings.reports()).isEqualTo(Path.of("/data/signups/reports"));
        assertThat(settings.dryRun()).isFalse();
        assertThat(settings.mailbox().enabled()).isTrue();
        assertThat(settings.mailbox().isConfigured()).isFalse();
        assertThat(settings.webhookPort()).isEqualTo(8080);
        assertThat(settings.prices().monthlyPrice(UserClass.EXTERNAL)).isEqualByComparingTo("10");
    }

    @Test
    void takesAPostgresqlUrlAsGivenAndKeepsThePasswordOutOfItsStringForm() {
        properties.put("ledger.jdbc-url", " jdbc:postgresql://db:5432/signups ");
        properties.put("ledger.password", "s3cret");

        ExampleSettings settings = read();

        assertThat(settings.ledgerUrl()).isEqualTo("jdbc:postgresql://db:5432/signups");
        assertThat(settings.toString()).doesNotContain("s3cret").doesNotContain("jdbc");
    }

    @Test
    void namesTheVariableOfEveryValueItRefuses() {
        assertRefused("retool.groups.external", "1, two", "RETOOL_GROUPS_EXTERNAL: 'two' is not a Retool group id");
        assertRefused("retool.attributes.end-user", "Plan=gold", "RETOOL_ATTRIBUTES_END_USER: 'Plan=gold'");
        assertRefused("retool.attributes.standard-user", "novalue", "RETOOL_ATTRIBUTES_STANDARD_USER");
        assertRefused("retool.max-new-external-seats-per-day", "-1", "MAX_NEW_EXTERNAL_SEATS_PER_DAY");
        assertRefused("retool.max-new-external-seats-per-day", "lots", "MAX_NEW_EXTERNAL_SEATS_PER_DAY");
        assertRefused("retool.external-access", "portal", "EXTERNAL_ACCESS: 'portal' is neither invite nor embed");
        assertRefused("dry-run", "yes", "DRY_RUN: 'yes' is neither true nor false");
        assertRefused("mail.enabled", "off", "MAIL_ENABLED: 'off' is neither true nor false");
        assertRefused("mail.protocol", "pop3", "MAIL_PROTOCOL: 'pop3' is neither imap nor imaps");
        assertRefused("mail.port", "99999", "MAIL_PORT: '99999' is not a port number");
        assertRefused("mail.poll-delay", "soon", "MAIL_POLL_DELAY_MS");
        assertRefused("camel.server.port", "http", "WEBHOOK_PORT: 'http' is not a port number");
        assertRefused("report.seat-price.external", "ten", "SEAT_PRICE_EXTERNAL");
        assertRefused("ledger.reconcile-after-seconds", "", "LEDGER_RECONCILE_AFTER_SECONDS");
    }

    @Test
    void healsWithWaitsOfSecondsUpToAnHourAndGivesUpAfterADayByDefault() {
        HealingSettings healing = read().healing();

        assertThat(healing.backoff().firstDelay()).isEqualTo(Duration.ofSeconds(5));
        assertThat(healing.backoff().maxDelay()).isEqualTo(Duration.ofHours(1));
        assertThat(healing.backoff().giveUpAfter()).isEqualTo(Duration.ofHours(24));
        assertThat(healing.firstProbe()).isEqualTo(Duration.ofSeconds(5));
        assertThat(healing.maxProbe()).isEqualTo(Duration.ofSeconds(60));
        assertThat(healing.callRetries()).isEqualTo(2);
    }

    @Test
    void readsDurationsAsPeopleWriteThem() {
        properties.put("retry.give-up-after", " 2d ");
        properties.put("retry.first-delay", "90");
        properties.put("retry.max-delay", "PT30M");
        properties.put("retool.probe.max-interval", "2m");

        HealingSettings healing = read().healing();

        assertThat(healing.backoff().giveUpAfter()).isEqualTo(Duration.ofDays(2));
        assertThat(healing.backoff().firstDelay()).isEqualTo(Duration.ofSeconds(90));
        assertThat(healing.backoff().maxDelay()).isEqualTo(Duration.ofMinutes(30));
        assertThat(healing.maxProbe()).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void refusesHealingDurationsItCannotUseNamingTheVariable() {
        assertRefused("retry.give-up-after", "a day", "RETRY_GIVE_UP_AFTER: 'a day' is not a duration");
        assertRefused("retry.give-up-after", "-5h", "RETRY_GIVE_UP_AFTER");
        assertRefused("retry.give-up-after", "PT-1H", "RETRY_GIVE_UP_AFTER");
        assertRefused("retry.first-delay", "0s", "RETRY_FIRST_DELAY: must be at least 1s");
        assertRefused("retry.first-delay", "99999999999999999999", "RETRY_FIRST_DELAY");
        assertRefused("retry.max-delay", "1s", "RETRY_MAX_DELAY: must not be shorter than RETRY_FIRST_DELAY");
        assertRefused("retool.probe.first-interval", "0", "RETOOL_PROBE_FIRST_INTERVAL");
        assertRefused("retool.probe.max-interval", "1s", "RETOOL_PROBE_MAX_INTERVAL");
        assertRefused("retry.max-delay", "999999999d", "RETRY_MAX_DELAY");
        assertRefused("pipeline.call-retries", "-1", "RETOOL_CALL_RETRIES");
        assertRefused("retool.probe.max-interval", "x".repeat(10_000), "RETOOL_PROBE_MAX_INTERVAL: 'xxxxxxxx");
    }

    @Test
    void nodesSharingAPostgresqlLedgerReadTheSingletonIntakesThroughMaster() {
        properties.putAll(Map.of("cluster.lock-dir", "/shared/locks", "cluster.singleton-intakes", "mail",
                "ledger.jdbc-url", "jdbc:postgresql://db/signups"));

        ClusterSettings cluster = read().cluster();

        assertThat(cluster.intakeUri(ClusterSettings.MAIL, "imaps://host")).isEqualTo("master:signups-mail:imaps://host");
        assertThat(cluster.intakeUri(ClusterSettings.FOLDER, "file:inbox")).isEqualTo("file:inbox");
        assertThat(read().cluster().lockInterval()).hasMillis(5000);
    }

    @Test
    void aSingleNodeReadsEveryIntakeDirectly() {
        assertThat(read().cluster().enabled()).isFalse();
        assertThat(read().cluster().intakeUri(ClusterSettings.FOLDER, "file:inbox")).isEqualTo("file:inbox");
    }

    @Test
    void refusesAClusterOfNodesThatWouldEachKeepTheirOwnLedger() {
        assertRefused("cluster.lock-dir", "/shared/locks", "CLUSTER_LOCK_DIR: nodes working together must share");
        properties.put("ledger.jdbc-url", "jdbc:postgresql://db/signups");
        assertRefused("cluster.singleton-intakes", "folder,webhook", "CLUSTER_SINGLETON_INTAKES: 'webhook'");
        assertRefused("cluster.lock-interval", "0", "CLUSTER_LOCK_INTERVAL_MS");
    }

    @Test
    void aRealMailboxWithoutAPortUsesItsProtocolsStandardPortAndKeepsThePasswordRaw() {
        properties.putAll(Map.of("mail.protocol", "IMAPS", "mail.host", "imap.acme.com", "mail.username",
                "signups@acme.com", "mail.password", "p&ss=(word)", "mail.poll-delay", "60000"));

        MailboxSettings mailbox = read().mailbox();

        assertThat(mailbox.isConfigured()).isTrue();
        assertThat(mailbox.endpointUri()).startsWith("imaps://imap.acme.com?username=RAW(signups@acme.com)")
                .contains("&password=RAW{p&ss=(word)}&").contains("&delay=60000");
        assertThat(mailbox.toString()).doesNotContain("p&ss");
    }

    @Test
    void theDemoMailboxTrustsLocalSendersUnlessTheSettingsNameOthers() {
        assertThat(DemoMailbox.settingsFor(read().mailbox()).allowedSenders()).isEqualTo("@localhost");

        properties.put("mail.allowed-senders", "forms@acme.com");

        assertThat(DemoMailbox.settingsFor(read().mailbox()).allowedSenders()).isEqualTo("forms@acme.com");
    }

    @Test
    void aRetoolBaseUrlWithoutAKeyIsRefusedRatherThanFallingBackToTheSandbox() {
        assertThatThrownBy(() -> RetoolTarget.resolve("https://acme.retool.com", " "))
                .hasMessageContaining("RETOOL_API_KEY is not set");
        assertThatThrownBy(() -> RetoolTarget.resolve("", "retool_secret_key"))
                .hasMessageContaining("RETOOL_BASE_URL is not set").hasMessageNotContaining("retool_secret_key");
    }

    @Test
    void aConfiguredRetoolIsUsedAsGivenAndItsKeyStaysOutOfItsStringForm() {
        try (RetoolTarget retool = RetoolTarget.resolve(" https://acme.retool.com ", "retool_secret_key")) {
            assertThat(retool.isSandbox()).isFalse();
            assertThat(retool.baseUrl()).isEqualTo("https://acme.retool.com");
            assertThat(retool.toString()).doesNotContain("retool_secret_key");
        }
    }

    private void assertRefused(String key, String value, String message) {
        Map<String, String> original = new HashMap<>(properties);
        properties.put(key, value);
        assertThatThrownBy(this::read).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(message);
        properties.clear();
        properties.putAll(original);
    }

    private ExampleSettings read() {
        return ExampleSettings.from(key -> properties.getOrDefault(key, ""));
    }
}
