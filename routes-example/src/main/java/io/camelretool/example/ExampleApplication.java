package io.camelretool.example;

import java.util.Optional;

import io.camelretool.example.config.DemoMailbox;
import io.camelretool.example.config.RetoolTarget;
import io.camelretool.example.config.WebhookSecret;
import io.camelretool.example.routes.FolderIntakeRoute;
import io.camelretool.example.routes.InvitePipelineRoute;
import io.camelretool.example.routes.LedgerSweeperRoute;
import io.camelretool.example.routes.MailIntakeRoute;
import io.camelretool.example.routes.WebhookIntakeRoute;
import org.apache.camel.main.Main;

/**
 * Starts the signup-to-invite application with Camel Main. Without {@code RETOOL_BASE_URL} and
 * {@code RETOOL_API_KEY} it runs against an in-process retool-sandbox, and without {@code MAIL_HOST} against a local
 * demo mailbox, and says so.
 */
public final class ExampleApplication {

    private ExampleApplication() {
    }

    public static void main(String[] args) throws Exception {
        try (RetoolTarget retool = RetoolTarget.fromEnvironment();
             DemoMailbox mailbox = DemoMailbox.startUnlessConfigured()) {
            WebhookSecret secret = WebhookSecret.fromEnvironment(retool.isSandbox());
            Main main = newMain(secret.value());
            main.addInitialProperty("camel.component.retool.base-url", retool.baseUrl());
            main.addInitialProperty("camel.component.retool.api-key", retool.apiKey());
            System.out.println(Banner.text(retool, secret, mailbox != null));
            main.run(args);
        }
    }

    /**
     * The application's routes on a Camel Main that reads {@code application.properties}; the webhook only with a
     * secret. Tests start the same Main with their own properties.
     */
    public static Main newMain(Optional<byte[]> webhookSecret) {
        Main main = new Main();
        main.configure().addRoutesBuilder(new FolderIntakeRoute());
        main.configure().addRoutesBuilder(new MailIntakeRoute());
        webhookSecret.ifPresent(secret -> main.configure().addRoutesBuilder(new WebhookIntakeRoute(secret)));
        main.configure().addRoutesBuilder(new InvitePipelineRoute());
        main.configure().addRoutesBuilder(new LedgerSweeperRoute());
        return main;
    }
}
