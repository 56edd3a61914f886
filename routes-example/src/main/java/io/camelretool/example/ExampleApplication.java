package io.camelretool.example;

import io.camelretool.example.config.AccessBeans;
import io.camelretool.example.config.PipelineBeans;
import io.camelretool.example.config.RouteBeans;
import io.camelretool.example.config.StartRefused;
import io.camelretool.example.console.PasswordHashes;
import org.apache.camel.main.Main;
import org.slf4j.LoggerFactory;

/**
 * Starts the signup-to-invite application with Camel Main. Without a Retool base URL and API key it runs against an
 * in-process retool-sandbox, and without a mail host against a local demo mailbox, and says so.
 */
public final class ExampleApplication {

    /**
     * Settings come from an {@code application.properties} in the working directory, if there is one, and from the
     * built-in one: Camel takes a key from the first location that has it, so the local file wins, and the built-in
     * file's keys read their environment variables.
     */
    static final String PROPERTIES = "file:application.properties;optional=true,"
                                     + "classpath:application.properties;optional=true";

    private ExampleApplication() {
    }

    /** {@code hash-password} prints a bcrypt hash for {@code CONSOLE_USERS} instead of starting the application. */
    public static void main(String[] args) throws Exception {
        if (args.length > 0 && "hash-password".equals(args[0])) {
            PasswordHashes.main(new String[0]);
            return;
        }
        try {
            newMain().run(args);
        } catch (Exception failed) {
            // a start refused for a reason the user can fix is one line naming the fix, not a stack trace
            StartRefused refused = StartRefused.in(failed).orElseThrow(() -> failed);
            LoggerFactory.getLogger(ExampleApplication.class).error("Not started: {}", refused.getMessage());
            // nothing was started yet (the checks come first): halt skips Camel's hang-up hook, which would log a
            // second time through a logging system already shutting down
            Runtime.getRuntime().halt(2);
        }
    }

    /** The application's Camel Main; tests start the same one with their own properties. */
    public static Main newMain() {
        Main main = new Main();
        main.setDefaultPropertyPlaceholderLocation(PROPERTIES);
        main.addMainListener(new ApplicationSetup());
        // the routes in src/main/resources/camel/*.camel.yaml load by Camel Main's default pattern (classpath:camel/*);
        // their beans come from these configuration classes
        main.configure().addConfiguration(RouteBeans.class);
        main.configure().addConfiguration(PipelineBeans.class);
        main.configure().addConfiguration(AccessBeans.class);
        return main;
    }
}
