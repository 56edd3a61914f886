package io.camelretool.example.config;

import java.util.List;
import java.util.function.UnaryOperator;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * The local demo mailbox started when the mailbox is on but no {@code MAIL_HOST} is configured: GreenMail with SMTP
 * (3025 unless {@code MAIL_DEMO_SMTP_PORT}) and IMAP (3143 unless {@code MAIL_DEMO_IMAP_PORT}) on loopback, one user
 * {@code signups@localhost}, so the walk-through can send a signup mail and watch it become an invite.
 */
public final class DemoMailbox implements AutoCloseable {

    public static final String HOST = "127.0.0.1";
    public static final String USER = "signups@localhost";
    public static final String PASSWORD = "signups";
    public static final int SMTP_PORT = 3025;
    public static final int IMAP_PORT = 3143;
    /** Whose mail the demo mailbox trusts unless MAIL_ALLOWED_SENDERS says otherwise. */
    public static final String TRUSTED_SENDERS = "@localhost";

    /** Where the demo mailbox listens; a second copy of the application on the same machine needs other ports. */
    public record Ports(int smtp, int imap) {

        public static final Ports DEFAULT = new Ports(SMTP_PORT, IMAP_PORT);

        /** {@code mail.demo.smtp-port} and {@code mail.demo.imap-port}; empty keys keep the defaults. */
        public static Ports read(UnaryOperator<String> property) {
            return new Ports(
                    SettingValues.port(SettingValues.orDefault(property.apply("mail.demo.smtp-port"),
                            String.valueOf(SMTP_PORT)), "MAIL_DEMO_SMTP_PORT"),
                    SettingValues.port(SettingValues.orDefault(property.apply("mail.demo.imap-port"),
                            String.valueOf(IMAP_PORT)), "MAIL_DEMO_IMAP_PORT"));
        }

        /** The two ports as the application listens on them, with the variables that move them. */
        public List<ListenPort> listened() {
            return List.of(new ListenPort(HOST, smtp, "the demo mailbox's SMTP", "MAIL_DEMO_SMTP_PORT"),
                    new ListenPort(HOST, imap, "the demo mailbox's IMAP", "MAIL_DEMO_IMAP_PORT"));
        }
    }

    private final GreenMail greenMail;
    private final Ports ports;

    private DemoMailbox(GreenMail greenMail, Ports ports) {
        this.greenMail = greenMail;
        this.ports = ports;
    }

    public static DemoMailbox start() {
        return start(Ports.DEFAULT);
    }

    /**
     * @throws StartRefused when either port is taken (a second copy of the application, another mail server), in one
     *                      line naming the port and its variable, before GreenMail tries and fails at length
     */
    public static DemoMailbox start(Ports ports) {
        ListenPort.requireFree(ports.listened());
        GreenMail greenMail = new GreenMail(new ServerSetup[] {
            new ServerSetup(ports.smtp(), HOST, ServerSetup.PROTOCOL_SMTP),
            new ServerSetup(ports.imap(), HOST, ServerSetup.PROTOCOL_IMAP) });
        greenMail.setUser(USER, USER, PASSWORD);
        greenMail.start();
        return new DemoMailbox(greenMail, ports);
    }

    public Ports ports() {
        return ports;
    }

    /** The configured mailbox settings pointed at this mailbox. */
    public static MailboxSettings settingsFor(MailboxSettings configured) {
        return settingsFor(configured, Ports.DEFAULT);
    }

    /** The configured mailbox settings pointed at a demo mailbox on these ports. */
    public static MailboxSettings settingsFor(MailboxSettings configured, Ports ports) {
        return configured.at(HOST, ports.imap(), USER, PASSWORD, TRUSTED_SENDERS);
    }

    @Override
    public void close() {
        greenMail.stop();
    }
}
