package io.camelretool.example;

import io.camelretool.example.config.DemoMailbox;
import io.camelretool.example.config.RetoolTarget;
import io.camelretool.example.config.WebhookSecret;

/** The start-up banner: what the application talks to, which of it is a local stand-in, and how to change that. */
final class Banner {

    private Banner() {
    }

    static String text(RetoolTarget retool, WebhookSecret secret, boolean demoMailbox) {
        String signups = environment("SIGNUPS_DIR", "./signups");
        String port = environment("WEBHOOK_PORT", "8080");
        String line = "-".repeat(78);
        StringBuilder text = new StringBuilder(line).append('\n').append("camel-retool example application\n");
        if (retool.isSandbox()) {
            text.append("  Retool : LOCAL STAND-IN retool-sandbox (Business plan) at ").append(retool.baseUrl())
                    .append("\n           set RETOOL_BASE_URL and RETOOL_API_KEY to invite into your real Retool\n");
        } else {
            text.append("  Retool : ").append(retool.baseUrl()).append(" (real organisation)\n");
        }
        if ("true".equalsIgnoreCase(environment("DRY_RUN", "false").strip())) {
            text.append("  DRY RUN: no invite is sent; reports say what would be (DRY_RUN=false to send)\n");
        }
        text.append("  Inbox  : drop signup CSV files into ").append(signups).append("/inbox")
                .append("\n           reports in ").append(signups).append("/reports, failures in ").append(signups)
                .append("/dead-letter (set SIGNUPS_DIR to move them)\n");
        text.append("  Ledger : ").append(System.getenv("LEDGER_JDBC_URL") == null
                ? "embedded database in " + signups + "/ledger (set LEDGER_JDBC_URL for PostgreSQL)"
                : "LEDGER_JDBC_URL").append('\n');
        text.append("  Webhook: ").append(secret.describe("http://localhost:" + port + "/signups")).append('\n');
        if (demoMailbox) {
            text.append("  Mail   : LOCAL STAND-IN mailbox ").append(DemoMailbox.USER).append(" (password ")
                    .append(DemoMailbox.PASSWORD).append("): send to it by SMTP on localhost:")
                    .append(DemoMailbox.SMTP_PORT).append(", read over IMAP on ").append(DemoMailbox.IMAP_PORT)
                    .append("\n           set MAIL_HOST, MAIL_PORT, MAIL_PROTOCOL, MAIL_USERNAME, MAIL_PASSWORD for a "
                            + "real one\n");
        } else if ("false".equalsIgnoreCase(environment("MAIL_ENABLED", "true").strip())) {
            text.append("  Mail   : off (MAIL_ENABLED=false)\n");
        } else {
            text.append("  Mail   : ").append(System.getenv("MAIL_HOST")).append('\n');
        }
        text.append("  Health : http://localhost:").append(port).append("/observe/health (readiness: ")
                .append("/observe/health/ready)\n").append(line);
        return text.toString();
    }

    private static String environment(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
