package io.camelretool.example.intake.mail;

import java.io.IOException;
import java.util.Locale;
import java.util.Optional;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimePart;

/**
 * What the extractor would read of a mail, measured from the structure the IMAP server describes
 * ({@code BODYSTRUCTURE}) before any part is fetched: an IMAP message's multipart content is built from that
 * description, and its parts' sizes, names and types come from it, not from their content. The parts are picked by
 * the extractor's own rules ({@link SignupMailExtractor#isCsv}, {@link SignupMailExtractor#isPlainText}, the first
 * plain and HTML texts).
 *
 * <p>The server's size is a part's size as sent, in its transfer encoding: base64 takes 4 bytes for every 3, so a
 * base64 part is counted as 3/4 of its size, an upper bound of what it decodes to (its line breaks are counted too,
 * about 3% more); any other part as its size (quoted-printable only shrinks when decoded). The mail is refused when
 * that exceeds the limit the extractor would enforce once it is fetched: CSVs within about 3% of 10 MiB, in base64,
 * are refused here though the extractor would have taken them, and nothing is fetched that the limit would refuse.
 */
final class PartSizes {

    private long csvBytes;
    private boolean plainSeen;
    private boolean htmlSeen;
    private String tooLarge;

    private PartSizes() {
    }

    /** Why the mail's parts are too large to be read, judged from its structure; empty when they are not. */
    static Optional<String> refusal(Part mail) throws MessagingException {
        PartSizes sizes = new PartSizes();
        sizes.walk(mail, 0);
        if (sizes.tooLarge == null && sizes.csvBytes > SignupMailExtractor.MAX_ATTACHMENT_BYTES) {
            sizes.tooLarge = "the attached CSVs are larger than 10 MiB together (about " + sizes.csvBytes
                             + " bytes by the part sizes the server reports; at most "
                             + SignupMailExtractor.MAX_ATTACHMENT_BYTES + " are read); drop them into the inbox "
                             + "folder instead";
        }
        return Optional.ofNullable(sizes.tooLarge);
    }

    /** The same walk as the extractor's, in the same order, taking sizes where it takes content. */
    private void walk(Part part, int depth) throws MessagingException {
        if (tooLarge != null) {
            return;
        }
        if (part.isMimeType("multipart/*")) {
            // deeper nesting is refused by the extractor, from the mail it reads
            if (depth >= SignupMailExtractor.MAX_DEPTH || !(content(part) instanceof Multipart multipart)) {
                return;
            }
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                walk(child, depth + 1);
            }
        } else if (part.isMimeType("message/rfc822")) {
            // only its sender is read, from the headers the server describes
            return;
        } else if (SignupMailExtractor.isCsv(part)) {
            csvBytes += decodedSize(part);
        } else if (SignupMailExtractor.isPlainText(part)) {
            if (!plainSeen) {
                plainSeen = true;
                checkText(part);
            }
        } else if (part.isMimeType("text/html") && !htmlSeen) {
            htmlSeen = true;
            checkText(part);
        }
    }

    private void checkText(Part part) throws MessagingException {
        long size = decodedSize(part);
        if (size > SignupMailExtractor.MAX_TEXT_BYTES) {
            tooLarge = "the mail's text is larger than 1 MiB (about " + size + " bytes by the part sizes the server "
                       + "reports; at most " + SignupMailExtractor.MAX_TEXT_BYTES + " are read); a signup notification "
                       + "is much smaller";
        }
    }

    private static Object content(Part part) throws MessagingException {
        try {
            return part.getContent();
        } catch (IOException unreadable) {
            throw new MessagingException("the server cannot describe the mail's parts", unreadable);
        }
    }

    /** What the part decodes to, estimated from its size as sent; 0 when the server does not say. */
    private static long decodedSize(Part part) throws MessagingException {
        long size = part.getSize();
        if (size <= 0) {
            return 0;
        }
        String encoding = part instanceof MimePart mime ? mime.getEncoding() : null;
        return encoding != null && encoding.strip().toLowerCase(Locale.ROOT).equals("base64") ? size / 4 * 3 : size;
    }
}
