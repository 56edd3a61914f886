package io.camelretool.example.intake.mail;

import java.io.IOException;
import java.util.Locale;
import java.util.Optional;

import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;

/**
 * Whether a mail is too large to read, judged from what the server says about it before anything large is fetched:
 * its size (IMAP {@code RFC822.SIZE}) and the sizes of its parts (IMAP {@code BODYSTRUCTURE}). A 50 MB attachment is
 * refused from these numbers instead of being read into memory first. Sizes are of the encoded parts, so the bounds
 * allow for base64's third.
 */
public final class MailSize {

    static final long MAX_ENCODED_CSV_BYTES = SignupMailExtractor.MAX_ATTACHMENT_BYTES * 4 / 3 + 64 * 1024;
    static final long MAX_ENCODED_TEXT_BYTES = SignupMailExtractor.MAX_TEXT_BYTES * 4L / 3 + 64 * 1024;

    private MailSize() {
    }

    /** Why the mail must not be fetched; empty when it may be. Unknown sizes do not refuse. */
    public static Optional<String> refusal(Message mail, long maxMailBytes) {
        try {
            int size = mail.getSize();
            if (size > maxMailBytes) {
                return Optional.of("the mail is " + size + " bytes; at most " + maxMailBytes + " are read "
                                   + "(MAIL_MAX_BYTES); drop large CSV files into the inbox folder instead");
            }
            if (mail.isMimeType("multipart/*")) {
                return largePart(mail.getContent(), 0);
            }
        } catch (MessagingException | IOException | RuntimeException structureUnknown) {
            // the server could not describe the parts: the size check above is what there is
        }
        return Optional.empty();
    }

    private static Optional<String> largePart(Object content, int depth) throws MessagingException, IOException {
        if (!(content instanceof Multipart multipart) || depth >= SignupMailExtractor.MAX_DEPTH) {
            return Optional.empty();
        }
        for (int i = 0; i < multipart.getCount(); i++) {
            BodyPart part = multipart.getBodyPart(i);
            int size = part.getSize();
            String name = part.getFileName();
            boolean csv = part.isMimeType("text/csv") || name != null
                                                         && name.toLowerCase(Locale.ROOT).endsWith(".csv");
            if (csv && size > MAX_ENCODED_CSV_BYTES) {
                return Optional.of("an attached CSV is " + size + " bytes; the attached CSVs may hold 10 MiB "
                                   + "together; drop them into the inbox folder instead");
            }
            if (!csv && part.isMimeType("text/*") && !Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())
                && size > MAX_ENCODED_TEXT_BYTES) {
                return Optional.of("the mail's text is " + size + " bytes; a signup notification is much smaller");
            }
            if (part.isMimeType("multipart/*")) {
                Optional<String> nested = largePart(part.getContent(), depth + 1);
                if (nested.isPresent()) {
                    return nested;
                }
            }
        }
        return Optional.empty();
    }
}
