package io.camelretool.example.console;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

import io.camelretool.example.config.MailboxSettings;
import io.camelretool.example.intake.mail.AllowedSenders;
import io.camelretool.example.intake.mail.MailExtraction;
import io.camelretool.example.intake.mail.MailIntake;
import io.camelretool.example.intake.mail.SignupMailExtractor;
import io.camelretool.example.ledger.AcceptedBatch;
import io.camelretool.example.ledger.AuditTrail;
import io.camelretool.example.ledger.ItemOutcome;
import io.camelretool.example.pipeline.SignupIntake;
import io.camelretool.example.signup.SignupSource;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import jakarta.mail.internet.InternetAddress;

/**
 * The mails the mail intake put in review (the mailbox's review folder, with the reason beside the ledger in
 * {@code <signups.dir>/mail-review/}): listed, accepted through the mail intake as if their sender were allowed, or
 * discarded. A mail is named by its IMAP UID in the review folder, which stays the same while it is there.
 */
final class MailReview {

    /** One mail in review. */
    record ReviewedMail(long uid, String from, String subject, Instant sent, String reason) {
    }

    private static final int TIMEOUT_MS = 10_000;

    private final MailboxSettings mailbox;
    private final Path notes;
    private final SignupIntake intake;

    MailReview(MailboxSettings mailbox, Path notes, SignupIntake intake) {
        this.mailbox = mailbox;
        this.notes = notes;
        this.intake = intake;
    }

    boolean enabled() {
        return mailbox.enabled();
    }

    List<ReviewedMail> list(int limit) throws MessagingException, IOException {
        List<ReviewedMail> mails = new ArrayList<>();
        try (Store store = connect()) {
            Folder review = store.getFolder(mailbox.reviewFolder());
            if (!review.exists()) {
                return mails;
            }
            review.open(Folder.READ_ONLY);
            try {
                UIDFolder uids = (UIDFolder) review;
                for (Message message : review.getMessages()) {
                    if (message.isSet(Flags.Flag.DELETED)) {
                        continue;
                    }
                    Message mail = MailIntake.readHere(message);
                    mails.add(new ReviewedMail(uids.getUID(message), sender(mail).orElse("(no sender)"),
                            MailIntake.subjectOf(mail), mail.getSentDate() == null ? null
                                    : mail.getSentDate().toInstant(), reason(mail)));
                    if (mails.size() == limit) {
                        break;
                    }
                }
            } finally {
                review.close(false);
            }
        }
        return mails;
    }

    /**
     * Runs the mail through the mail intake as if its sender were allowed, then takes it out of review. A mail no
     * longer in review (a second click) or already accepted changes nothing.
     */
    String accept(long uid) throws MessagingException, IOException {
        return onReviewedMail(uid, message -> {
            Message mail = MailIntake.readHere(message);
            String name = SignupMailExtractor.reference(mail);
            String identity = SignupMailExtractor.identity(mail);
            if (intake.alreadyAccepted(SignupSource.MAIL, identity)) {
                return Handled.outOfReview("was accepted before; taken out of review", name);
            }
            Optional<String> sender = sender(mail);
            if (sender.isEmpty()) {
                return stays(mail, name, "the mail names no sender address");
            }
            MailExtraction extraction = new SignupMailExtractor(AllowedSenders.parse(sender.get())).extract(mail);
            if (extraction.signups().isEmpty()) {
                return stays(mail, name, extraction.rejection().orElse("no signup found"));
            }
            AcceptedBatch accepted = MailIntake.acceptBatch(intake, extraction, name, identity);
            return Handled.outOfReview(AuditTrail.ACCEPTED_AS + accepted.batch().id() + ": "
                                       + accepted.count(ItemOutcome.PENDING) + " new, "
                                       + accepted.count(ItemOutcome.DUPLICATE) + " duplicate, "
                                       + accepted.count(ItemOutcome.INVALID) + " invalid", name);
        });
    }

    /**
     * An accept that found nothing to take: the mail stays in review, and its reason becomes why the accept failed,
     * since the reason it was set aside for (its sender) no longer stands in the way.
     */
    private Handled stays(Message mail, String name, String why) throws MessagingException, IOException {
        MailIntake.writeReviewNote(notes, name, MailIntake.subjectOf(mail), "accepted by an operator, but " + why);
        return Handled.stays("not accepted, still in review: " + why);
    }

    /** Takes the mail out of review without accepting anything from it. */
    String discard(long uid) throws MessagingException, IOException {
        return onReviewedMail(uid, message -> Handled.outOfReview("discarded",
                SignupMailExtractor.reference(MailIntake.readHere(message))));
    }

    /** What became of a reviewed mail: the outcome, and the mail's name when it leaves review. */
    private record Handled(String outcome, String leavesReviewAs) {
        static Handled stays(String outcome) {
            return new Handled(outcome, null);
        }

        static Handled outOfReview(String outcome, String name) {
            return new Handled(outcome, name);
        }
    }

    @FunctionalInterface
    private interface MailHandler {
        Handled handle(Message message) throws MessagingException, IOException;
    }

    /** Finds the mail by its UID in the review folder and handles it; one that leaves review is deleted there. */
    private String onReviewedMail(long uid, MailHandler handler) throws MessagingException, IOException {
        try (Store store = connect()) {
            Folder review = store.getFolder(mailbox.reviewFolder());
            if (!review.exists()) {
                return "not in review (any more)";
            }
            review.open(Folder.READ_WRITE);
            boolean expunge = false;
            try {
                Message message = ((UIDFolder) review).getMessageByUID(uid);
                if (message == null || message.isSet(Flags.Flag.DELETED)) {
                    return "not in review (any more)";
                }
                Handled handled = handler.handle(message);
                if (handled.leavesReviewAs() != null) {
                    message.setFlag(Flags.Flag.DELETED, true);
                    expunge = true;
                    Files.deleteIfExists(notes.resolve(MailIntake.reviewNote(handled.leavesReviewAs())));
                }
                return handled.outcome();
            } finally {
                review.close(expunge);
            }
        }
    }

    private String reason(Message mail) throws MessagingException, IOException {
        Path note = notes.resolve(MailIntake.reviewNote(SignupMailExtractor.reference(mail)));
        if (!Files.isRegularFile(note)) {
            return "";
        }
        String text = Files.readString(note, StandardCharsets.UTF_8);
        int at = text.indexOf("reason: ");
        return (at < 0 ? text : text.substring(at + "reason: ".length())).strip();
    }

    private static Optional<String> sender(Message mail) throws MessagingException {
        jakarta.mail.Address[] from = mail.getFrom();
        if (from == null || from.length == 0 || !(from[0] instanceof InternetAddress address)
            || address.getAddress() == null) {
            return Optional.empty();
        }
        return Optional.of(address.getAddress());
    }

    private Store connect() throws MessagingException {
        Properties properties = new Properties();
        String protocol = mailbox.protocol();
        properties.put("mail." + protocol + ".connectiontimeout", String.valueOf(TIMEOUT_MS));
        properties.put("mail." + protocol + ".timeout", String.valueOf(TIMEOUT_MS));
        Store store = Session.getInstance(properties).getStore(protocol);
        store.connect(mailbox.host(), mailbox.port() == 0 ? -1 : mailbox.port(), mailbox.username(),
                mailbox.password());
        return store;
    }
}
