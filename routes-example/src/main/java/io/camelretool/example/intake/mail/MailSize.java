package io.camelretool.example.intake.mail;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.UIDFolder;
import org.eclipse.angus.mail.imap.IMAPMessage;

/**
 * Whether a mail is too large to read, judged from what the server says about it before any of it is fetched: its size
 * (IMAP {@code RFC822.SIZE}), then, for a mail larger than the smallest part limit, the sizes of the parts the
 * extractor would read (IMAP {@code BODYSTRUCTURE}, see {@link PartSizes}). A 50 MB attachment, or an 11 MiB CSV in a
 * mail under {@code MAIL_MAX_BYTES}, is refused from those numbers instead of being read into memory first. A smaller
 * mail is not described part by part: none of its parts can exceed a limit. A server that cannot describe a broken
 * mail's structure fails the request and, as GreenMail does for a multipart without parts, the session with it: such
 * a mail is remembered (by its folder's UIDVALIDITY and its UID) and, at the next poll, read whole as any other, so
 * that it is set aside once instead of failing every poll.
 */
public final class MailSize {

    private final long maxMailBytes;
    private final Set<String> undescribable = ConcurrentHashMap.newKeySet();

    /** @param maxMailBytes MAIL_MAX_BYTES: a larger mail is refused from its size alone */
    public MailSize(long maxMailBytes) {
        this.maxMailBytes = maxMailBytes;
    }

    /** Why the mail must not be fetched; empty when it may be. An unknown size does not refuse. */
    public Optional<String> refusal(Message mail) {
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
        Optional<String> key = key(mail);
        if (key.isEmpty() || undescribable.contains(key.get())) {
            return Optional.empty();
        }
        try {
            return PartSizes.refusal(mail);
        } catch (MessagingException | RuntimeException structureUnknown) {
            // read whole, as before, now or (when the server dropped the session with it) at the next poll
            undescribable.add(key.get());
            return Optional.empty();
        }
    }

    /** The mail's name on its server for as long as the folder's UIDVALIDITY holds; empty when it has none. */
    private static Optional<String> key(Message mail) {
        try {
            if (mail.getFolder() instanceof UIDFolder folder) {
                return Optional.of(mail.getFolder().getFullName() + "|" + folder.getUIDValidity() + "|"
                                   + folder.getUID(mail));
            }
        } catch (MessagingException | RuntimeException noUid) {
            // not described part by part: read whole as before
        }
        return Optional.empty();
    }
}
