package io.camelretool.example.config;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * The local demo mailbox started when no {@code MAIL_HOST} is configured: GreenMail with SMTP on 3025 and IMAP on
 * 3143 on loopback, one user {@code signups@localhost}, so the walk-through can send a signup mail and watch it
 * become an invite.
 */
public final class DemoMailbox implements AutoCloseable {

    public static final String USER = "signups@localhost";
    public static final String PASSWORD = "signups";
    public static final int SMTP_PORT = 3025;
    public static final int IMAP_PORT = 3143;

    private final GreenMail greenMail;

    private DemoMailbox(GreenMail greenMail) {
        this.greenMail = greenMail;
    }

    /** Starts the demo mailbox unless {@code MAIL_HOST} points at a real one or the mailbox is off; null then. */
    public static DemoMailbox startUnlessConfigured() {
        String host = System.getenv("MAIL_HOST");
        if (host != null && !host.isBlank() || "false".equalsIgnoreCase(String.valueOf(System.getenv("MAIL_ENABLED"))
                .strip())) {
            return null;
        }
        GreenMail greenMail = new GreenMail(new ServerSetup[] {
            new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
            new ServerSetup(IMAP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_IMAP) });
        greenMail.setUser(USER, USER, PASSWORD);
        greenMail.start();
        return new DemoMailbox(greenMail);
    }

    @Override
    public void close() {
        greenMail.stop();
    }
}
