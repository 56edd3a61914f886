package io.camelretool.example.config;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * The local demo mailbox started when the mailbox is on but no {@code MAIL_HOST} is configured: GreenMail with SMTP
 * on 3025 and IMAP on 3143 on loopback, one user {@code signups@localhost}, so the walk-through can send a signup mail
 * and watch it become an invite.
 */
public final class DemoMailbox implements AutoCloseable {

    public static final String HOST = "127.0.0.1";
    public static final String USER = "signups@localhost";
    public static final String PASSWORD = "signups";
    public static final int SMTP_PORT = 3025;
    public static final int IMAP_PORT = 3143;
    /** Whose mail the demo mailbox trusts unless MAIL_ALLOWED_SENDERS says otherwise. */
    public static final String TRUSTED_SENDERS = "@localhost";

    private final GreenMail greenMail;

    private DemoMailbox(GreenMail greenMail) {
        this.greenMail = greenMail;
    }

    public static DemoMailbox start() {
        GreenMail greenMail = new GreenMail(new ServerSetup[] {
            new ServerSetup(SMTP_PORT, HOST, ServerSetup.PROTOCOL_SMTP),
            new ServerSetup(IMAP_PORT, HOST, ServerSetup.PROTOCOL_IMAP) });
        greenMail.setUser(USER, USER, PASSWORD);
        greenMail.start();
        return new DemoMailbox(greenMail);
    }

    /** The configured mailbox settings pointed at this mailbox. */
    public static MailboxSettings settingsFor(MailboxSettings configured) {
        return configured.at(HOST, IMAP_PORT, USER, PASSWORD, TRUSTED_SENDERS);
    }

    @Override
    public void close() {
        greenMail.stop();
    }
}
