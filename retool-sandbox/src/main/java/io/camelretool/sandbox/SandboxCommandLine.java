package io.camelretool.sandbox;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The standalone sandbox's flags, read into a {@link RetoolSandbox.Builder}. Accepts {@code --flag value} and
 * {@code --flag=value}; anything else is refused with a message naming the flag.
 */
final class SandboxCommandLine {

    static final String USAGE = """
            Usage: java -jar retool-sandbox.jar [options]

              --port N                    port on 127.0.0.1; 0 picks a free one (default 0)
              --plan business|enterprise  the Retool plan to imitate (default business)
              --claimed-invites listed|vanish
                                          whether a claimed invite stays in the invite list and readable
                                          by id (listed, the default) or disappears, answering 404 (vanish)
              --api-key KEY[:SCOPES]      accept this bearer token; repeatable. KEY alone has every scope,
                                          KEY:users:read,embed only the listed ones (default retool_test_key)
              --rate-limit-per-minute N   requests a minute per key, answered 429 beyond; 0 = off (default 0)
              --latency-ms N              delay added to every API call (default 0)
              --fault-rate F              probability 0..1 of a 500/502/503 answer (default 0)
              --tls                       serve https with a certificate for 127.0.0.1 signed by a private CA
                                          generated at start; prints the trust store clients need
              --help                      print this and exit

            Prints "retool-sandbox listening on http://127.0.0.1:PORT" (https:// with --tls) when ready; with
            --tls, a second line "retool-sandbox trust store: FILE (PKCS12, password PASSWORD)". Stops on SIGTERM
            or Ctrl-C.
            """;

    private final RetoolSandbox.Builder builder = RetoolSandbox.builder();
    private boolean help;

    private SandboxCommandLine() {
    }

    /**
     * @throws IllegalArgumentException naming the flag when a flag is unknown, lacks its value or has a bad one
     */
    static SandboxCommandLine parse(String... args) {
        SandboxCommandLine commandLine = new SandboxCommandLine();
        List<String> remaining = new ArrayList<>(Arrays.asList(args));
        while (!remaining.isEmpty()) {
            String arg = remaining.remove(0);
            if (arg.equals("--help") || arg.equals("-h")) {
                commandLine.help = true;
                continue;
            }
            if (arg.equals("--tls")) {
                commandLine.builder.tls();
                continue;
            }
            if (arg.startsWith("--tls=")) {
                throw new IllegalArgumentException("--tls takes no value; got '" + arg + "'");
            }
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument '" + arg + "'");
            }
            int equals = arg.indexOf('=');
            String flag = equals < 0 ? arg : arg.substring(0, equals);
            String value;
            if (equals >= 0) {
                value = arg.substring(equals + 1);
            } else if (!remaining.isEmpty()) {
                value = remaining.remove(0);
            } else {
                throw new IllegalArgumentException(flag + " needs a value");
            }
            commandLine.apply(flag, value);
        }
        return commandLine;
    }

    boolean help() {
        return help;
    }

    RetoolSandbox.Builder builder() {
        return builder;
    }

    private void apply(String flag, String value) {
        try {
            switch (flag) {
                case "--port" -> builder.port(integer(flag, value));
                case "--plan" -> builder.plan(SandboxPlan.parse(value));
                case "--claimed-invites" -> builder.claimedInvites(ClaimedInvites.parse(value));
                case "--api-key" -> apiKey(value);
                case "--rate-limit-per-minute" -> builder.rateLimitPerMinute(integer(flag, value));
                case "--latency-ms" -> builder.latencyMs(integer(flag, value));
                case "--fault-rate" -> builder.faultRate(decimal(flag, value));
                default -> throw new IllegalArgumentException("unknown option " + flag);
            }
        } catch (IllegalArgumentException e) {
            if (e.getMessage() != null && e.getMessage().startsWith(flag)) {
                throw e;
            }
            throw new IllegalArgumentException(flag + ": " + e.getMessage(), e);
        }
    }

    /** {@code KEY} or {@code KEY:scope1,scope2}; scopes contain a colon themselves, so split at the first one. */
    private void apiKey(String value) {
        int colon = value.indexOf(':');
        if (colon < 0) {
            builder.apiKey(value);
            return;
        }
        String[] scopes = value.substring(colon + 1).split(",");
        if (Arrays.stream(scopes).anyMatch(String::isBlank)) {
            throw new IllegalArgumentException("the scope list after the key must not have empty entries");
        }
        builder.apiKey(value.substring(0, colon), scopes);
    }

    private static int integer(String flag, String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + " must be a whole number; got '" + value + "'");
        }
    }

    private static double decimal(String flag, String value) {
        try {
            return Double.parseDouble(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + " must be a number between 0 and 1; got '" + value + "'");
        }
    }
}
