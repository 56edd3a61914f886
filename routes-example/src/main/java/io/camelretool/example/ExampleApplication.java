package io.camelretool.example;

import io.camelretool.example.config.RetoolTarget;
import io.camelretool.example.routes.FolderIntakeRoute;
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
            System.out.println(banner(retool));
            main.run(args);
        }
    }

    private static String banner(RetoolTarget retool) {
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
                .append("\n           (set SIGNUPS_DIR to use another folder)\n").append(line);
        return text.toString();
    }
}
