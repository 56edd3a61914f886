package io.camelretool.example;

import io.camelretool.example.config.DemoMailbox;
import io.camelretool.example.config.RetoolTarget;
import io.camelretool.example.config.WebhookSecret;
import io.camelretool.example.routes.FolderIntakeRoute;
import io.camelretool.example.routes.MailIntakeRoute;
import io.camelretool.example.routes.WebhookIntakeRoute;
import org.apache.camel.main.Main;

/**
 * Starts the signup-to-invite application with Camel Main. Without {@code RETOOL_BASE_URL} and
 * {@code RETOOL_API_KEY} it runs against an in-process retool-sandbox, and says so.
 */
public final class ExampleApplication {

    private ExampleApplication() {
    }

    public static void main(String[] args) throws Exception {
        try (RetoolTarget retool = RetoolTarget.fromEnvironment();
             DemoMailbox mailbox = DemoMailbox.startUnlessConfigured()) {
            Main main = new Main();
            main.addInitialProperty("camel.component.retool.base-url", retool.baseUrl());
            main.addInitialProperty("camel.component.retool.api-key", retool.apiKey());
            main.configure().addRoutesBuilder(new FolderIntakeRoute());
            main.configure().addRoutesBuilder(new MailIntakeRoute());
            WebhookSecret secret = WebhookSecret.fromEnvironment(retool.isSandbox());
            secret.value().ifPresent(value -> main.configure().addRoutesBuilder(new WebhookIntakeRoute(value)));
            System.out.println(banner(retool, secret, mailbox != null));
            main.run(args);
        }
    }

    private static String banner(RetoolTarget retool, WebhookSecret secret, boolean demoMailbox) {
        String signups = System.getenv().getOrDefault("SIGNUPS_DIR", "./signups");
        String line = "-".repeat(78);
        StringBuilder text = new StringBuilder(line).append('\n').append("camel-retool example application\n");
        if (retool.isSandbox()) {
            text.append("  Retool : LOCAL STAND-IN retool-sandbox (Business plan) at ").append(retool.baseUrl())
                    .append("\n           set RETOOL_BASE_URL and RETOOL_API_KEY to invite into your real Retool\n");
        } else {
            text.append("  Retool : ").append(retool.baseUrl()).append(" (real organisation)\n");
        }
        text.append("  Inbox  : drop signup CSV files into ").append(signups).append("/inbox")
                .append("\n           (set SIGNUPS_DIR to use another folder)\n");
        String port = System.getenv().getOrDefault("WEBHOOK_PORT", "8080");
        text.append("  Webhook: ").append(secret.describe("http://localhost:" + port + "/signups")).append('\n');
        if (demoMailbox) {
            text.append("  Mail   : LOCAL STAND-IN mailbox ").append(DemoMailbox.USER).append(" (password ")
                    .append(DemoMailbox.PASSWORD).append("): send to it by SMTP on localhost:")
                    .append(DemoMailbox.SMTP_PORT).append(", read over IMAP on ").append(DemoMailbox.IMAP_PORT)
                    .append("\n           set MAIL_HOST, MAIL_PORT, MAIL_PROTOCOL, MAIL_USERNAME, MAIL_PASSWORD for a real one\n");
        } else {
            text.append("  Mail   : ").append(System.getenv("MAIL_HOST")).append('\n');
        }
        text.append("  Health : http://localhost:").append(port).append("/observe/health\n").append(line);
        return text.toString();
    }
}
