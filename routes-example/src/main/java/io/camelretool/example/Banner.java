package io.camelretool.example;

import java.util.List;
import java.util.stream.Collectors;

import io.camelretool.example.access.EmbedSessionSteps;
import io.camelretool.example.access.HostDemo;
import io.camelretool.example.config.Connections;
import io.camelretool.example.config.DemoMailbox;
import io.camelretool.example.config.ExampleSettings;
import io.camelretool.example.config.MailboxSettings;
import io.camelretool.example.console.ConsoleAccess;
import io.camelretool.example.intake.sender.Sender;

/** The start-up banner: what the application talks to, which of it is a local stand-in, and how to change that. */
final class Banner {

    private Banner() {
    }

    /**
     * @param management where the management server listens ({@code http://host:port}), or null when it is off
     * @param metrics    whether it serves Prometheus metrics
     */
    static String text(SignupServices services, List<Sender> senders, ConsoleAccess console, String management,
                       boolean metrics) {
        ExampleSettings settings = services.settings();
        Connections connections = services.connections();
        String signups = settings.signupsDir().toString();
        String line = "-".repeat(78);
        StringBuilder text = new StringBuilder(line).append('\n').append("camel-retool example application\n");
        if (connections.retool().isSandbox()) {
            text.append("  Retool : LOCAL STAND-IN retool-sandbox (Business plan) at ")
                    .append(connections.retool().baseUrl())
                    .append("\n           set RETOOL_BASE_URL and RETOOL_API_KEY to invite into your real Retool\n");
        } else {
            text.append("  Retool : ").append(connections.retool().baseUrl()).append(" (real organisation)\n");
        }
        if (settings.dryRun()) {
            text.append("  DRY RUN: no invite is sent; reports say what would be (DRY_RUN=false to send)\n");
        }
        text.append("  Inbox  : drop signup CSV files into ").append(signups).append("/inbox")
                .append("\n           reports in ").append(signups).append("/reports, failures in ").append(signups)
                .append("/dead-letter (set SIGNUPS_DIR to move them)\n");
        text.append("  Ledger : ").append(settings.embeddedLedger()
                ? "embedded database in " + signups + "/ledger (set LEDGER_JDBC_URL for PostgreSQL)"
                : "the database of LEDGER_JDBC_URL").append('\n');
        text.append("  Webhook: ").append(connections.webhookSecret().describe("http://localhost:"
                                                                               + settings.webhookPort() + "/signups"))
                .append('\n');
        text.append("  Senders: ").append(senders(senders, settings.webhookPort())).append('\n');
        text.append("  Embed  : ").append(services.embedSecret().describe("http://localhost:" + settings.webhookPort()
                                                                           + EmbedSessionSteps.PATH));
        if (services.embedSecret().value().isPresent()) {
            if (!services.fallbackEmbedGroups().isEmpty()) {
                text.append("\n           a class without RETOOL_GROUPS_<CLASS> joins the stand-in's group ")
                        .append(services.fallbackEmbedGroups());
            }
            text.append("\n           landing page ").append(services.defaultLandingPage().isEmpty()
                    ? "named by each request (set RETOOL_EMBED_LANDING_PAGE_UUID for a default)"
                    : services.defaultLandingPage());
            if (connections.retool().isSandbox()) {
                text.append("\n           demo host page: open http://localhost:").append(settings.webhookPort())
                        .append(HostDemo.PATH).append(" in a browser");
            }
        }
        text.append('\n');
        text.append("  API    : ").append(services.adminToken().describe("http://localhost:" + settings.webhookPort()
                                                                         + "/api")).append('\n');
        text.append("  Mail   : ").append(mailbox(connections)).append('\n');
        text.append("  Console: ").append(console.describe("http://localhost:" + settings.webhookPort() + "/console"))
                .append('\n');
        text.append("  Health : http://localhost:").append(settings.webhookPort()).append("/observe/health ")
                .append("(readiness: /observe/health/ready)\n");
        if (management != null) {
            text.append("           in detail: ").append(management).append("/observe/health")
                    .append(metrics ? ", metrics: " + management + "/observe/metrics" : "").append('\n');
        }
        text.append(line);
        return text.toString();
    }

    /** The senders whose secret is set, where each posts; the others are named by the variable that turns them on. */
    private static String senders(List<Sender> senders, int port) {
        String off = "STRIPE_WEBHOOK_SECRET, STANDARD_WEBHOOK_SECRET, TYPEFORM_WEBHOOK_SECRET, SHOPIFY_WEBHOOK_SECRET";
        if (senders.isEmpty()) {
            return "none (set " + off + " to take their events)";
        }
        return senders.stream().map(sender -> sender.name() + " at http://localhost:" + port + sender.path()
                                                  + " (" + sender.variable() + ")")
                .collect(Collectors.joining("\n           "));
    }

    private static String mailbox(Connections connections) {
        MailboxSettings mailbox = connections.mailbox();
        if (!mailbox.enabled()) {
            return mailbox.isConfigured() || connections.retool().isSandbox() ? "off (MAIL_ENABLED=false)"
                    : "off: set MAIL_HOST to read a mailbox (the demo mailbox runs only beside the local sandbox, "
                      + "or with MAIL_DEMO=true)";
        }
        String trust = mailbox.allowedSenders().isEmpty()
                ? "\n           TRUSTS NOBODY: set MAIL_ALLOWED_SENDERS to the addresses that forward signups"
                : "\n           trusts mail from " + mailbox.allowedSenders();
        if (connections.isDemoMailbox()) {
            DemoMailbox.Ports ports = connections.demoMailboxPorts().orElse(DemoMailbox.Ports.DEFAULT);
            return "LOCAL STAND-IN mailbox " + DemoMailbox.USER + " (password " + DemoMailbox.PASSWORD
                   + "): send to it by SMTP on localhost:" + ports.smtp() + ", read over IMAP on "
                   + ports.imap() + trust
                   + "\n           set MAIL_HOST, MAIL_PORT, MAIL_PROTOCOL, MAIL_USERNAME, MAIL_PASSWORD for a real one";
        }
        return mailbox.protocol() + " " + mailbox.username() + " at " + mailbox.host()
               + (mailbox.port() == 0 ? "" : ":" + mailbox.port()) + trust;
    }
}
