package io.camelretool.example.intake.mail;

import java.util.Optional;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import org.eclipse.angus.mail.imap.IMAPMessage;

/**
 * Whether a mail is too large to read, judged from what the server says about it before any of it is fetched: its size
 * (IMAP {@code RFC822.SIZE}), then, for a mail larger than the smallest part limit, the sizes of the parts the extractor
 * would read (IMAP {@code BODYSTRUCTURE}, see {@link PartSizes}). A 50 MB attachment, or an 11 MiB CSV in a mail
 * under {@code MAIL_MAX_BYTES}, is refused from those numbers instead of being read into memory first. A smaller mail
 * is not described part by part: none of its parts can exceed a limit, and a server that cannot describe a broken
 * mail's structure fails the request and, as GreenMail does for a multipart without parts, the session with it.
 */
public final class MailSize {

    private MailSize() {
    }

    /** Why the mail must not be fetched; empty when it may be. An unknown size does not refuse. */
    public static Optional<String> refusal(Message mail, long maxMailBytes) {
        int size;
        try {
            size = mail.getSize();
        } catch (MessagingException | RuntimeException sizeUnknown) {
            // read as any other; the extractor bounds what it takes from the mail
            return Optional.empty();
        }
        if (size > maxMailBytes) {
            return Optional.of("the mail is " + size + " bytes; at most " + maxMailBytes + " are read "
                               + "(MAIL_MAX_BYTES); drop large CSV files into the inbox folder instead");
        }
        // a part decodes to no more than its size as sent, which is less than the whole mail's
        if (size <= SignupMailExtractor.MAX_TEXT_BYTES || !(mail instanceof IMAPMessage)) {
            return Optional.empty();
        }
        try {
            return PartSizes.refusal(mail);
        } catch (MessagingException | RuntimeException structureUnknown) {
            // read whole, as before; the extractor bounds what it takes from the mail
            return Optional.empty();
        }
    }
}
