package io.camelretool.example.config;

import java.time.Duration;
import java.util.Locale;

/**
 * The signup mailbox: where it is, how to log in, whose mail to trust and where to put mail that yields nothing.
 * A mailbox without a host is not configured: the application then runs its local demo mailbox instead.
 *
 * @param port           0 for the protocol's standard port
 * @param allowedSenders exact addresses or {@code @domain}, comma-separated; empty trusts nobody
 */
public record MailboxSettings(boolean enabled, String protocol, String host, int port, String username,
                              String password, String allowedSenders, String reviewFolder, Duration pollDelay) {

    static MailboxSettings read(java.util.function.UnaryOperator<String> property) {
        String protocol = property.apply("mail.protocol").strip().toLowerCase(Locale.ROOT);
        if (!protocol.isEmpty() && !protocol.equals("imap") && !protocol.equals("imaps")) {
            throw new IllegalArgumentException("MAIL_PROTOCOL: '" + protocol + "' is neither imap nor imaps");
        }
        String port = property.apply("mail.port").strip();
        String reviewFolder = property.apply("mail.review-folder").strip();
        return new MailboxSettings(SettingValues.bool(property.apply("mail.enabled"), "MAIL_ENABLED", true),
                protocol.isEmpty() ? "imap" : protocol, property.apply("mail.host").strip(),
                port.isEmpty() ? 0 : SettingValues.port(port, "MAIL_PORT"), property.apply("mail.username").strip(),
                property.apply("mail.password"), property.apply("mail.allowed-senders").strip(),
                reviewFolder.isEmpty() ? "Review" : reviewFolder,
                Duration.ofMillis(SettingValues.nonNegative(SettingValues.orDefault(property.apply("mail.poll-delay"), "5000"),
                        "MAIL_POLL_DELAY_MS")));
    }

    /** True when a real mailbox is named; false means the local demo mailbox stands in. */
    public boolean isConfigured() {
        return !host.isEmpty();
    }

    /** The same settings with the mailbox off: no host to read and no demo mailbox to stand in. */
    public MailboxSettings off() {
        return new MailboxSettings(false, protocol, host, port, username, password, allowedSenders, reviewFolder,
                pollDelay);
    }

    /** The same settings pointing at another server, as the demo mailbox does. */
    public MailboxSettings at(String newHost, int newPort, String newUsername, String newPassword,
                              String newAllowedSenders) {
        return new MailboxSettings(enabled, "imap", newHost, newPort, newUsername, newPassword,
                allowedSenders.isEmpty() ? newAllowedSenders : allowedSenders, reviewFolder, pollDelay);
    }

    /**
     * The camel-mail endpoint: unseen mail only, marked seen by camel-mail when its exchange succeeds, never
     * deleted. The password travels raw so that any character in it survives, and Camel masks it in logs.
     */
    public String endpointUri() {
        return protocol + "://" + host + (port == 0 ? "" : ":" + port) + "?username=" + raw(username)
               + "&password=" + raw(password) + "&unseen=true&peek=true&delete=false&mapMailMessage=false"
               + "&delay=" + pollDelay.toMillis();
    }

    /** Camel's RAW(...) form, or RAW{...} when the value itself holds a closing parenthesis. */
    private static String raw(String value) {
        return value.contains(")") ? "RAW{" + value + "}" : "RAW(" + value + ")";
    }

    /** The password stays out of logs and exceptions. */
    @Override
    public String toString() {
        return "MailboxSettings[" + (enabled ? protocol + "://" + username + "@" + host + ":" + port : "off") + "]";
    }
}
