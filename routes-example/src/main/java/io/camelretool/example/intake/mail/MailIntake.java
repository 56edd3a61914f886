package io.camelretool.example.intake.mail;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

import io.camelretool.example.config.MailboxSettings;
import io.camelretool.example.files.PrivateFiles;
import io.camelretool.example.intake.LogText;
import io.camelretool.example.ledger.AcceptedBatch;
import io.camelretool.example.ledger.Arrival;
import io.camelretool.example.ledger.ItemOutcome;
import io.camelretool.example.ledger.LedgerException;
import io.camelretool.example.pipeline.SignupIntake;
import io.camelretool.example.signup.SignupSource;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.apache.camel.Exchange;
import org.apache.camel.component.mail.MailMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The step of the mailbox's route ({@code camel/mail-intake.camel.yaml}), registered as the bean {@code mailIntake}:
 * {@link #read} takes one mail polled over IMAP(S). A trusted mail's signups are accepted into the ledger, as one
 * batch, before the mail is marked seen (camel-mail does that only when the exchange succeeds, so a crash in between
 * reads the mail again, and the ledger recognises it by its Message-ID). A mail that yields nothing is copied to the
 * review folder, with the reason in {@code <signups.dir>/mail-review/}. The static helpers are shared with the
 * console's mail review.
 */
public final class MailIntake {

    /** The largest mail read (MAIL_MAX_BYTES): 10 MiB of attached CSVs in base64, plus its text and headers. */
    public static final long DEFAULT_MAX_MAIL_BYTES = 16L * 1024 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(MailIntake.class);

    private final SignupIntake intake;
    private final SignupMailExtractor extractor;
    private final String reviewFolder;
    private final Path reasons;
    private final MailSize sizes;

    /**
     * @param mailbox      whose senders are trusted, and its review folder
     * @param signupsDir   the data folder; review reasons go to its {@code mail-review/}
     * @param maxMailBytes a larger mail is set aside from the size the server gives, before any of it is fetched
     */
    public MailIntake(SignupIntake intake, MailboxSettings mailbox, Path signupsDir, long maxMailBytes) {
        this.intake = intake;
        this.extractor = new SignupMailExtractor(AllowedSenders.parse(mailbox.allowedSenders()));
        this.reviewFolder = mailbox.reviewFolder();
        this.reasons = signupsDir.resolve("mail-review");
        this.sizes = new MailSize(maxMailBytes);
    }

    /**
     * Takes one polled mail: its signups into the ledger, or the mail to review with its reason. A ledger that cannot
     * be reached fails the exchange, so the mail stays unseen and is read again at the next poll.
     */
    public void read(Exchange exchange) throws Exception {
        // camel-mail copies a mail's headers into the message when they are first asked for, through the server's
        // ENVELOPE, which fails (at every poll) for a mail the server cannot parse; this step reads the mail itself,
        // so the message starts with no headers of the mail's
        exchange.getIn().setHeaders(new HashMap<>());
        Message original = exchange.getIn(MailMessage.class).getOriginalMessage();
        Review review = new Review(original, reviewFolder, reasons);
        try {
            handle(original, review, extractor, intake, sizes);
        } catch (LedgerException ledgerDown) {
            // not the mail's fault: it stays unseen and is read again at the next poll
            throw ledgerDown;
        } catch (Exception unprocessable) {
            // whatever this mail does to the server's parse or to ours, it is set aside once, not read again at
            // every poll
            review.setAside(null, "the mail cannot be processed: " + unprocessable.getClass().getSimpleName() + ": "
                                  + unprocessable.getMessage());
        }
    }

    private static void handle(Message original, Review review, SignupMailExtractor extractor, SignupIntake intake,
                        MailSize sizes) throws Exception {
        Optional<String> tooLarge = sizes.refusal(original);
        if (tooLarge.isPresent()) {
            review.setAside(null, tooLarge.get());
            return;
        }
        // read once and parsed here: the server's own parse (IMAP ENVELOPE, BODYSTRUCTURE) of a broken mail may fail,
        // and a mail that fails at every poll is never marked seen nor moved to review
        Message mail = readHere(original);
        String name = SignupMailExtractor.reference(mail);
        String identity = SignupMailExtractor.identity(mail);
        if (intake.alreadyAccepted(SignupSource.MAIL, identity)) {
            LOG.info("Mail {} was accepted before the last stop; marking it seen", LogText.of(name));
            return;
        }
        MailExtraction extraction = extractor.extract(mail);
        if (extraction.signups().isEmpty()) {
            review.setAside(mail, extraction.rejection().orElse("no signup found"));
            return;
        }
        AcceptedBatch accepted = acceptBatch(intake, extraction, name, identity);
        LOG.info("Mail {} ({}): {} signup(s) from {} accepted as batch {}: {} new, {} duplicate, {} invalid",
                LogText.of(name), LogText.of(subjectOf(mail)), extraction.signups().size(), extraction.method(),
                accepted.batch().id(), accepted.count(ItemOutcome.PENDING), accepted.count(ItemOutcome.DUPLICATE),
                accepted.count(ItemOutcome.INVALID));
    }

    /**
     * Accepts a mail's signups (and its unreadable rows, for the report) as one batch: for this route, and for the
     * console when an operator accepts a mail from review.
     */
    public static AcceptedBatch acceptBatch(SignupIntake intake, MailExtraction extraction, String name, String identity) {
        List<Arrival> arrivals = new ArrayList<>();
        extraction.signups().forEach(signup -> arrivals.add(intake.arrival(arrivals.size() + 1, signup)));
        extraction.rowErrors().forEach(error -> arrivals.add(Arrival.unreadable(arrivals.size() + 1,
                name, error)));
        return intake.acceptBatch(SignupSource.MAIL, name, identity, arrivals);
    }

    /** Setting a mail aside: copied to the review folder, marked seen, its reason written and logged, once. */
    private static final class Review {

        private final Message original;
        private final String folder;
        private final Path reasons;

        Review(Message original, String folder, Path reasons) {
            this.original = original;
            this.folder = folder;
            this.reasons = reasons;
        }

        /** @param parsed the mail as parsed here, or null when it was not (too large, or unreadable) */
        void setAside(Message parsed, String reason) throws Exception {
            String name = parsed != null ? SignupMailExtractor.reference(parsed) : nameFromServer();
            String subject = parsed != null ? subjectOf(parsed) : "(not read)";
            copyToReview(original, folder);
            // marked here rather than by camel-mail after the exchange: whatever fails after this point, the mail is
            // not read (nor copied to review) again
            original.setFlag(Flags.Flag.SEEN, true);
            writeReviewNote(reasons, name, subject, reason);
            LOG.warn("Mail {} ({}) moved to review: {}", LogText.of(name), LogText.of(subject), LogText.of(reason));
        }

        /** The Message-ID the server has for it (one header, no body), or its number in the folder. */
        private String nameFromServer() {
            try {
                String[] ids = original.getHeader("Message-ID");
                if (ids != null && ids.length > 0 && !ids[0].isBlank()) {
                    return ids[0].strip();
                }
            } catch (MessagingException | RuntimeException unknown) {
                // named by its number below
            }
            return "mail-number-" + original.getMessageNumber();
        }
    }

    /** The subject on one line: an encoded line break in it must not add a line to the reason file or the log. */
    public static String subjectOf(Message mail) throws MessagingException {
        return String.valueOf(mail.getSubject()).replaceAll("\\R", " ");
    }

    /** The mail as its raw bytes (one fetch of the whole message), parsed in this process. */
    public static Message readHere(Message original) throws MessagingException, IOException {
        if (!(original instanceof MimeMessage mime)) {
            return original;
        }
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        mime.writeTo(raw);
        return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw.toByteArray()));
    }

    /** Writes (or replaces) why the mail of that name is in review, in {@code <signups.dir>/mail-review/}. */
    public static void writeReviewNote(Path reasons, String name, String subject, String reason) throws IOException {
        PrivateFiles.directory(reasons);
        PrivateFiles.write(reasons.resolve(reviewNote(name)), "subject: " + LogText.of(subject) + "\nreason: "
                                                              + LogText.of(reason) + "\n");
    }

    /** The file, in {@code <signups.dir>/mail-review/}, that says why the mail of that name is in review. */
    public static String reviewNote(String name) {
        return safeFileName(name) + ".txt";
    }

    /** The Message-ID as a file name: safe characters only, and short (a name may be longer than a file name can). */
    private static String safeFileName(String name) {
        String safe = name.replaceAll("[^A-Za-z0-9._@-]", "_");
        if (safe.length() <= 100) {
            return safe;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
            return safe.substring(0, 80) + "-" + HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static void copyToReview(Message mail, String reviewFolder) throws MessagingException {
        Folder review = mail.getFolder().getStore().getFolder(reviewFolder);
        if (!review.exists()) {
            review.create(Folder.HOLDS_MESSAGES);
        }
        mail.getFolder().copyMessages(new Message[] { mail }, review);
    }
}
