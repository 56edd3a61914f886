package io.camelretool.example.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.UnaryOperator;

import io.camelretool.component.classify.SeatPriceTable;
import io.camelretool.component.classify.SignupClassifier;
import io.camelretool.component.classify.UserClass;
import io.camelretool.example.ledger.LedgerDataSource;
import io.camelretool.example.policy.ClassSettings;
import io.camelretool.example.policy.ExternalAccess;
import io.camelretool.example.policy.SignupPolicy;
import org.apache.camel.CamelContext;

import static io.camelretool.example.config.SettingValues.attributes;
import static io.camelretool.example.config.SettingValues.bool;
import static io.camelretool.example.config.SettingValues.groupIds;
import static io.camelretool.example.config.SettingValues.list;
import static io.camelretool.example.config.SettingValues.nonNegative;
import static io.camelretool.example.config.SettingValues.orDefault;
import static io.camelretool.example.config.SettingValues.port;
import static io.camelretool.example.config.SettingValues.price;

/**
 * The application's settings, read once from {@code application.properties} (where each key takes its value from an
 * environment variable) and checked: a wrong value stops the start with a message naming the variable.
 *
 * @param signupsDir     the data folder: inbox, reports, dead letter, the embedded ledger
 * @param ledgerUrl      JDBC URL of the ledger
 * @param reconcileAfter how long a row may stay SENDING before it counts as left behind by a crash
 * @param retoolBaseUrl  the Retool to invite into; empty (with the key) for the local sandbox
 * @param webhookSecret  the webhook's HMAC secret; empty for a generated one (sandbox) or no webhook
 * @param webhookPort    the port of the webhook and of the health endpoints
 * @param cluster        how nodes sharing the ledger divide the intakes
 * @param pipelineChunkSize rows the pipeline takes at a time: about ten seconds of calls at the component's rate
 *                       limit, at most 200, so that no claimed row waits long in SENDING for its turn
 * @param healing        when failed calls are tried again, given up on, and Retool probed while unreachable
 */
public record ExampleSettings(Path signupsDir, String ledgerUrl, String ledgerUsername, String ledgerPassword,
                              SignupClassifier classifier, SignupPolicy policy, SeatPriceTable prices, boolean dryRun,
                              Duration reconcileAfter, String retoolBaseUrl, String retoolApiKey,
                              String webhookSecret, int webhookPort, MailboxSettings mailbox,
                              ClusterSettings cluster, int pipelineChunkSize, HealingSettings healing) {

    private static final int MAX_CHUNK = 200;

    /** Reads the settings through the context's property placeholders. */
    public static ExampleSettings from(CamelContext context) {
        return from(key -> context.resolvePropertyPlaceholders("{{" + key + ":}}"));
    }

    /** @param property the value of an {@code application.properties} key, empty when unset */
    public static ExampleSettings from(UnaryOperator<String> property) {
        Path signupsDir = Path.of(orDefault(property.apply("signups.dir"), "./signups"));
        String ledgerUrl = property.apply("ledger.jdbc-url");
        SignupClassifier classifier = SignupClassifier.builder()
                .organizationDomains(list(property.apply("retool.org-domains")))
                .approvedEmails(list(property.apply("retool.approved-emails")))
                .blockedDomains(list(property.apply("retool.blocked-domains")))
                .build();
        Map<UserClass, ClassSettings> perClass = new EnumMap<>(UserClass.class);
        perClass.put(UserClass.EXTERNAL, classSettings(property, "external", "EXTERNAL"));
        perClass.put(UserClass.END_USER, classSettings(property, "end-user", "END_USER"));
        perClass.put(UserClass.STANDARD_USER, classSettings(property, "standard-user", "STANDARD_USER"));
        SignupPolicy policy = new SignupPolicy(perClass,
                ExternalAccess.parse(property.apply("retool.external-access")),
                nonNegative(property.apply("retool.max-new-external-seats-per-day"), "MAX_NEW_EXTERNAL_SEATS_PER_DAY"));
        SeatPriceTable prices = SeatPriceTable.businessPlanDefaults()
                .withPrice(UserClass.EXTERNAL, price(property.apply("report.seat-price.external"),
                        "SEAT_PRICE_EXTERNAL"))
                .withPrice(UserClass.END_USER, price(property.apply("report.seat-price.end-user"),
                        "SEAT_PRICE_END_USER"))
                .withPrice(UserClass.STANDARD_USER, price(property.apply("report.seat-price.standard-user"),
                        "SEAT_PRICE_STANDARD_USER"));
        ClusterSettings cluster = ClusterSettings.read(property);
        if (cluster.enabled() && !ledgerUrl.strip().startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("CLUSTER_LOCK_DIR: nodes working together must share their ledger; "
                                               + "set LEDGER_JDBC_URL to a jdbc:postgresql: database");
        }
        return new ExampleSettings(signupsDir,
                ledgerUrl.isBlank() ? LedgerDataSource.embeddedUrl(signupsDir) : ledgerUrl.strip(),
                property.apply("ledger.username"), property.apply("ledger.password"), classifier, policy, prices,
                bool(property.apply("dry-run"), "DRY_RUN", false),
                Duration.ofSeconds(nonNegative(property.apply("ledger.reconcile-after-seconds"),
                        "LEDGER_RECONCILE_AFTER_SECONDS")),
                property.apply("retool.base-url").strip(), property.apply("retool.api-key").strip(),
                property.apply("webhook.secret"), port(orDefault(property.apply("camel.server.port"), "8080"),
                        "WEBHOOK_PORT"),
                MailboxSettings.read(property), cluster, chunkSize(property.apply(
                        "camel.component.retool.rate-limit-per-minute")), HealingSettings.read(property));
    }

    private static int chunkSize(String rateLimitPerMinute) {
        int perMinute = nonNegative(orDefault(rateLimitPerMinute, "45"), "RETOOL_RATE_LIMIT_PER_MINUTE");
        return perMinute == 0 ? MAX_CHUNK : Math.max(1, Math.min(MAX_CHUNK, perMinute / 6));
    }

    private static ClassSettings classSettings(UnaryOperator<String> property, String key, String variableSuffix) {
        return new ClassSettings(
                groupIds(property.apply("retool.groups." + key), "RETOOL_GROUPS_" + variableSuffix),
                attributes(property.apply("retool.attributes." + key), "RETOOL_ATTRIBUTES_" + variableSuffix));
    }

    public Path reports() {
        return signupsDir.resolve("reports");
    }

    public Path deadLetter() {
        return signupsDir.resolve("dead-letter");
    }

    /** Whether the ledger is the embedded database under the data folder (not one shared with other nodes). */
    public boolean embeddedLedger() {
        return ledgerUrl.startsWith("jdbc:h2:");
    }

    /** Passwords, keys and secrets stay out of logs, exceptions and string forms of this record. */
    @Override
    public String toString() {
        return "ExampleSettings[signupsDir=" + signupsDir + ", dryRun=" + dryRun + "]";
    }
}
