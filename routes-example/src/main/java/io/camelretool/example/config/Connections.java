package io.camelretool.example.config;

import java.util.Optional;

import org.apache.camel.support.service.ServiceSupport;

/**
 * What the application actually talks to: the Retool, mailbox and webhook secret that are configured, or local
 * stand-ins where none is (an in-process retool-sandbox, a demo mailbox, a generated secret). The stand-ins stop
 * with the Camel context.
 */
public final class Connections extends ServiceSupport {

    private final RetoolTarget retool;
    private final DemoMailbox demoMailbox;
    private final MailboxSettings mailbox;
    private final WebhookSecret webhookSecret;

    private Connections(RetoolTarget retool, DemoMailbox demoMailbox, MailboxSettings mailbox,
                        WebhookSecret webhookSecret) {
        this.retool = retool;
        this.demoMailbox = demoMailbox;
        this.mailbox = mailbox;
        this.webhookSecret = webhookSecret;
    }

    /** Starts the stand-ins the settings call for; the demo mailbox only beside the local sandbox. */
    public static Connections open(ExampleSettings settings) {
        return open(settings, "");
    }

    /**
     * Starts the stand-ins the settings call for.
     *
     * @param demoMailbox {@code MAIL_DEMO}: empty for the demo mailbox only in the all-local mode (beside the local
     *                    sandbox), {@code true} for it whenever no {@code MAIL_HOST} is set, {@code false} for never.
     *                    It trusts {@code @localhost}: any local process could mail it, so beside a real Retool it
     *                    would let any local process have real invites sent.
     */
    public static Connections open(ExampleSettings settings, String demoMailbox) {
        return open(settings, demoMailbox, DemoMailbox.Ports.DEFAULT);
    }

    /** The same, with the demo mailbox on these ports ({@code MAIL_DEMO_SMTP_PORT}, {@code MAIL_DEMO_IMAP_PORT}). */
    public static Connections open(ExampleSettings settings, String demoMailbox, DemoMailbox.Ports demoPorts) {
        RetoolTarget retool = RetoolTarget.resolve(settings.retoolBaseUrl(), settings.retoolApiKey());
        MailboxSettings mailbox = settings.mailbox();
        DemoMailbox demo = null;
        try {
            if (mailbox.enabled() && !mailbox.isConfigured()) {
                if (startsDemoMailbox(settings, demoMailbox)) {
                    demo = DemoMailbox.start(demoPorts);
                    mailbox = DemoMailbox.settingsFor(mailbox, demoPorts);
                } else {
                    mailbox = mailbox.off();
                }
            }
        } catch (RuntimeException mailboxFailed) {
            retool.close();
            throw mailboxFailed;
        }
        return new Connections(retool, demo, mailbox,
                WebhookSecret.resolve(settings.webhookSecret(), retool.isSandbox()));
    }

    /**
     * Whether {@link #open} starts the demo mailbox: the mailbox is on, no {@code MAIL_HOST} is configured, and
     * {@code MAIL_DEMO} says so (by default only beside the local sandbox, i.e. with no Retool configured).
     */
    public static boolean startsDemoMailbox(ExampleSettings settings, String demoMailbox) {
        MailboxSettings mailbox = settings.mailbox();
        boolean localRetool = settings.retoolBaseUrl().isBlank() && settings.retoolApiKey().isBlank();
        return mailbox.enabled() && !mailbox.isConfigured()
               && SettingValues.bool(demoMailbox, "MAIL_DEMO", localRetool);
    }

    public RetoolTarget retool() {
        return retool;
    }

    /** The mailbox to read: the configured one, or the demo mailbox. */
    public MailboxSettings mailbox() {
        return mailbox;
    }

    public boolean isDemoMailbox() {
        return demoMailbox != null;
    }

    /** Where the demo mailbox listens, when it runs. */
    public Optional<DemoMailbox.Ports> demoMailboxPorts() {
        return Optional.ofNullable(demoMailbox).map(DemoMailbox::ports);
    }

    public WebhookSecret webhookSecret() {
        return webhookSecret;
    }

    @Override
    protected void doStop() {
        if (demoMailbox != null) {
            demoMailbox.close();
        }
        retool.close();
    }
}
