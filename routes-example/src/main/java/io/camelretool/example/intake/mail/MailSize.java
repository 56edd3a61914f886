package io.camelretool.example.intake.mail;

import java.util.Optional;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;

/**
 * Whether a mail is too large to read, judged from what the server says about it before any of it is fetched: its size
 * (IMAP {@code RFC822.SIZE}). A 50 MB attachment is refused from that number instead of being read into memory first.
 * The parts' sizes (IMAP {@code BODYSTRUCTURE}) are not asked for: a server that cannot describe a broken mail's
 * structure fails the request and, as GreenMail does for a multipart without parts, the session with it; the parts
 * are bounded again when the mail is read ({@link SignupMailExtractor}).
 */
public final class MailSize {

    private MailSize() {
    }

    /** Why the mail must not be fetched; empty when it may be. An unknown size does not refuse. */
    public static Optional<String> refusal(Message mail, long maxMailBytes) {
        try {
            int size = mail.getSize();
            if (size > maxMailBytes) {
                return Optional.of("the mail is " + size + " bytes; at most " + maxMailBytes + " are read "
                                   + "(MAIL_MAX_BYTES); drop large CSV files into the inbox folder instead");
            }
        } catch (MessagingException | RuntimeException sizeUnknown) {
            // read as any other; the extractor bounds what it takes from the mail
        }
        return Optional.empty();
    }
}
