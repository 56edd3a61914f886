package io.camelretool.example.routes;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import io.camelretool.example.intake.mail.AllowedSenders;
import io.camelretool.example.intake.mail.MailExtraction;
import io.camelretool.example.intake.mail.SignupMailExtractor;
import io.camelretool.example.intake.webhook.SignupInboxWriter;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mail.MailMessage;

/**
 * Polls the signup mailbox over IMAP(S). A trusted mail's signups are written durably into the inbox folder as a
 * signup CSV before the mail is marked seen (camel-mail does that only when the exchange succeeds, so a crash in
 * between re-reads the mail, and the folder intake's duplicate check keeps it to one invite). A mail that yields
 * nothing is copied to the review folder, with the reason in {@code <signups.dir>/mail-review/}.
 */
public class MailIntakeRoute extends RouteBuilder {

    static final String MAILBOX = "{{mail.protocol}}://{{mail.host}}:{{mail.port}}?username={{mail.username}}"
                                  + "&password=RAW({{mail.password}})&unseen=true&peek=true&delete=false"
                                  + "&delay={{mail.poll-delay}}&mapMailMessage=false";

    @Override
    public void configure() throws Exception {
        Path signups = Path.of(getCamelContext().resolvePropertyPlaceholders("{{signups.dir}}"));
        SignupInboxWriter inbox = new SignupInboxWriter(signups.resolve("inbox"));
        SignupMailExtractor extractor = new SignupMailExtractor(
                AllowedSenders.parse(getCamelContext().resolvePropertyPlaceholders("{{mail.allowed-senders}}")));
        String reviewFolder = getCamelContext().resolvePropertyPlaceholders("{{mail.review-folder}}");

        from(MAILBOX).routeId("mail-intake")
                .process(exchange -> handle(exchange, extractor, inbox, signups.resolve("mail-review"), reviewFolder));
    }

    private void handle(Exchange exchange, SignupMailExtractor extractor, SignupInboxWriter inbox, Path reasons,
                        String reviewFolder) throws Exception {
        Message mail = exchange.getIn(MailMessage.class).getOriginalMessage();
        MailExtraction extraction = extractor.extract(mail);
        String batch = "mail-" + exchange.getExchangeId();
        extraction.rowErrors().forEach(error -> log.warn("Mail {} attached CSV {}", batch, error));
        if (!extraction.signups().isEmpty()) {
            inbox.write(batch, extraction.signups());
            log.info("Mail {}: {} signup(s) from {} handed to the inbox", batch, extraction.signups().size(),
                    extraction.method());
            return;
        }
        String reason = extraction.rejection().orElse("no signup found");
        copyToReview(mail, reviewFolder);
        Files.createDirectories(reasons);
        Files.writeString(reasons.resolve(batch + ".txt"), "subject: " + mail.getSubject() + "\nreason: " + reason
                                                          + "\n", StandardCharsets.UTF_8);
        log.warn("Mail {} ({}) moved to review: {}", batch, mail.getSubject(), reason);
    }

    private static void copyToReview(Message mail, String reviewFolder) throws MessagingException {
        Folder review = mail.getFolder().getStore().getFolder(reviewFolder);
        if (!review.exists()) {
            review.create(Folder.HOLDS_MESSAGES);
        }
        mail.getFolder().copyMessages(new Message[] { mail }, review);
    }
}
