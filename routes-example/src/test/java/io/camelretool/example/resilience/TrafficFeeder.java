package io.camelretool.example.resilience;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListSet;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import io.camelretool.example.intake.webhook.WebhookSignature;
import jakarta.mail.Message;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

/**
 * Delivers {@link SignupTraffic} the way real senders do: a CSV written aside and moved into a node's inbox, a
 * signed webhook request sent again until a node answers it (a sender does not know whether a request cut short by
 * a crash was taken), a mail handed to the SMTP server of the shared mailbox.
 */
final class TrafficFeeder {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WEBHOOK_PATIENCE = Duration.ofMinutes(3);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final WebhookSignature signer;
    private final ServerSetup smtp;
    private final String mailbox;
    private final Set<String> acceptedWebhookIds = new ConcurrentSkipListSet<>();
    private int webhookRetries;

    TrafficFeeder(byte[] webhookSecret, ServerSetup smtp, String mailbox) {
        this.signer = new WebhookSignature(webhookSecret, Duration.ofSeconds(300), Clock.systemUTC());
        this.smtp = smtp;
        this.mailbox = mailbox;
    }

    /** Sends one delivery through its intake, to the node with this data folder and webhook port. */
    void deliver(SignupTraffic.Delivery delivery, Path signupsDir, int port) throws Exception {
        if (delivery instanceof SignupTraffic.CsvFile file) {
            drop(file, signupsDir);
        } else if (delivery instanceof SignupTraffic.WebhookRequest request) {
            post(request, port);
        } else if (delivery instanceof SignupTraffic.Mail mail) {
            send(mail);
        }
    }

    /** Drops a file into the inbox of a node's data folder. */
    void drop(SignupTraffic.CsvFile file, Path signupsDir) throws IOException {
        Path inbox = Files.createDirectories(signupsDir.resolve("inbox"));
        Path staging = Files.createTempFile(signupsDir, "staging-", ".tmp");
        Files.writeString(staging, file.content(), StandardCharsets.UTF_8);
        Files.move(staging, inbox.resolve(file.name()), StandardCopyOption.ATOMIC_MOVE);
    }

    /** Posts the request to a node's webhook until one answer 202 comes back; remembers the ids it was given. */
    void post(SignupTraffic.WebhookRequest request, int port) throws InterruptedException {
        Instant deadline = Instant.now().plus(WEBHOOK_PATIENCE);
        byte[] body = request.body().getBytes(StandardCharsets.UTF_8);
        while (Instant.now().isBefore(deadline)) {
            long now = System.currentTimeMillis() / 1000;
            HttpRequest signed = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/signups"))
                    .timeout(Duration.ofSeconds(20)).header("Content-Type", "application/json")
                    .header(WebhookSignature.TIMESTAMP_HEADER, String.valueOf(now))
                    .header(WebhookSignature.SIGNATURE_HEADER, signer.sign(now, body))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
            try {
                HttpResponse<String> answer = http.send(signed, HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() == 202) {
                    JSON.readTree(answer.body()).path("ids").forEach(id -> acceptedWebhookIds.add(id.asText()));
                    return;
                }
                // a field or signature error is final; anything else but 202 means "not taken, send again" (a 404
                // comes from the HTTP server in the moment before the webhook's own answers are in place)
                if (answer.statusCode() == 400 || answer.statusCode() == 401) {
                    throw new IllegalStateException("the webhook answered " + answer.statusCode() + ": "
                                                    + answer.body());
                }
            } catch (IOException nodeDown) {
                // the node is down or was killed while answering: a real sender sends again
            }
            synchronized (this) {
                webhookRetries++;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("no node took a webhook request within " + WEBHOOK_PATIENCE);
    }

    /** Hands a mail to the mailbox's SMTP server; from then on only the mailbox holds it. */
    void send(SignupTraffic.Mail mail) throws Exception {
        MimeMessage message = new MimeMessage(GreenMailUtil.getSession(smtp));
        message.setFrom(new InternetAddress(mail.from()));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(mailbox));
        message.setSubject(mail.subject(), "UTF-8");
        if (mail.attachedCsv() == null) {
            message.setText(mail.text(), "UTF-8");
        } else {
            MimeBodyPart text = new MimeBodyPart();
            text.setText(mail.text(), "UTF-8");
            MimeBodyPart csv = new MimeBodyPart();
            csv.setContent(mail.attachedCsv(), "text/csv; charset=UTF-8");
            csv.setFileName("signups.csv");
            message.setContent(new MimeMultipart(text, csv));
        }
        Transport.send(message);
    }

    /** The ids of every webhook item a node answered 202 for: each must be in the ledger. */
    Set<String> acceptedWebhookIds() {
        return acceptedWebhookIds;
    }

    synchronized int webhookRetries() {
        return webhookRetries;
    }
}
