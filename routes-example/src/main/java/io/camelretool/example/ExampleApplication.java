package io.camelretool.example;

import io.camelretool.example.config.RetoolTarget;
import io.camelretool.example.config.WebhookSecret;
import io.camelretool.example.routes.FolderIntakeRoute;
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
        try (RetoolTarget retool = RetoolTarget.fromEnvironment()) {
            Main main = new Main();
            main.addInitialProperty("camel.component.retool.base-url", retool.baseUrl());
            main.addInitialProperty("camel.component.retool.api-key", retool.apiKey());
            main.configure().addRoutesBuilder(new FolderIntakeRoute());
            WebhookSecret secret = WebhookSecret.fromEnvironment(retool.isSandbox());
            secret.value().ifPresent(value -> main.configure().addRoutesBuilder(new WebhookIntakeRoute(value)));
            System.out.println(banner(retool, secret));
            main.run(args);
        }
    }

    private static String banner(RetoolTarget retool, WebhookSecret secret) {
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
        text.append("  Health : http://localhost:").append(port).append("/observe/health\n").append(line);
        return text.toString();
    }
}
