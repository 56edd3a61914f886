package io.camelretool.example.config;

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

    /** Starts the stand-ins the settings call for. */
    public static Connections open(ExampleSettings settings) {
        RetoolTarget retool = RetoolTarget.resolve(settings.retoolBaseUrl(), settings.retoolApiKey());
        MailboxSettings mailbox = settings.mailbox();
        DemoMailbox demo = null;
        try {
            if (mailbox.enabled() && !mailbox.isConfigured()) {
                demo = DemoMailbox.start();
                mailbox = DemoMailbox.settingsFor(mailbox);
            }
        } catch (RuntimeException mailboxFailed) {
            retool.close();
            throw mailboxFailed;
        }
        return new Connections(retool, demo, mailbox,
                WebhookSecret.resolve(settings.webhookSecret(), retool.isSandbox()));
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
