package io.camelretool.example.intake.mail;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.camelretool.example.intake.csv.CsvRowResult;
import io.camelretool.example.intake.csv.SignupCsvReader;
import io.camelretool.example.intake.csv.UnreadableCsvException;
import io.camelretool.example.signup.Signup;
import io.camelretool.example.signup.SignupSource;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;

/**
 * Takes signups out of a mail forwarded to the signup mailbox: labelled fields in the body (plain text, else
 * HTML), else an attached CSV, else the original sender of a forwarded mail. Mail from a sender outside the
 * allowed list is not read at all. Nothing here throws for a broken mail: it says why it could not be read.
 */
public final class SignupMailExtractor {

    static final long MAX_ATTACHMENT_BYTES = 10L * 1024 * 1024;
    private static final Pattern FORWARD_MARKER = Pattern.compile(
            "(?i)(-+\\s*forwarded message\\s*-+|begin forwarded message:|-+\\s*original message\\s*-+)");
    private static final Pattern FORWARDED_FROM = Pattern.compile("(?im)^\\s*>?\\s*from:\\s*(.+)$");

    private final AllowedSenders allowed;

    public SignupMailExtractor(AllowedSenders allowed) {
        this.allowed = allowed;
    }

    public MailExtraction extract(Message message) {
        try {
            String sender = sender(message);
            if (!allowed.trusts(sender)) {
                return MailExtraction.rejected("sender " + (sender == null ? "(none)" : sender)
                                               + " is not in MAIL_ALLOWED_SENDERS");
            }
            String reference = reference(message);
            Contents contents = new Contents();
            contents.collect(message);
            String text = contents.plain != null ? contents.plain
                    : contents.html != null ? HtmlText.toText(contents.html) : "";
            List<Signup> labelled = new ArrayList<>();
            List<Map<String, String>> people = LabelledFields.people(text);
            for (int i = 0; i < people.size(); i++) {
                labelled.add(signup(people.get(i), reference + "#" + i));
            }
            if (!labelled.isEmpty()) {
                return new MailExtraction(MailExtraction.Method.LABELLED_FIELDS, labelled, List.of(), null);
            }
            if (contents.csv != null) {
                return fromCsv(contents.csv, reference);
            }
            String original = forwardedSender(text, contents.attachedMessageSender);
            if (original != null) {
                InternetAddress address = new InternetAddress(original, true);
                String[] names = splitName(address.getPersonal());
                return new MailExtraction(MailExtraction.Method.FORWARDED_SENDER, List.of(new Signup(
                        address.getAddress(), names[0], names[1], null, null, List.of(), Map.of(), SignupSource.MAIL,
                        reference + "#0")), List.of(), null);
            }
            return MailExtraction.rejected("no signup found: no labelled Email field, no CSV attachment, "
                                           + "and not a forwarded mail");
        } catch (AttachmentTooLargeException tooLarge) {
            return MailExtraction.rejected(tooLarge.getMessage());
        } catch (MessagingException | IOException | RuntimeException unreadable) {
            return MailExtraction.rejected("unreadable mail: " + unreadable.getClass().getSimpleName() + ": "
                                           + unreadable.getMessage());
        }
    }

    private MailExtraction fromCsv(byte[] csv, String reference) throws IOException {
        List<Signup> signups = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        try (SignupCsvReader reader = SignupCsvReader.open(new java.io.ByteArrayInputStream(csv), reference)) {
            while (reader.hasNext()) {
                CsvRowResult row = reader.next();
                row.signup().ifPresent(signup -> signups.add(new Signup(signup.email(), signup.firstName(),
                        signup.lastName(), signup.company(), signup.role(), signup.groups(), signup.attributes(),
                        SignupSource.MAIL, signup.sourceRef())));
                row.error().ifPresent(error -> errors.add("line " + row.lineNumber() + ": " + error));
            }
        } catch (UnreadableCsvException unreadable) {
            return MailExtraction.rejected("the attached CSV cannot be read: " + unreadable.getMessage());
        }
        if (signups.isEmpty()) {
            return new MailExtraction(MailExtraction.Method.NONE, List.of(), errors,
                    "the attached CSV holds no valid signup");
        }
        return new MailExtraction(MailExtraction.Method.ATTACHED_CSV, signups, errors, null);
    }

    private static Signup signup(Map<String, String> fields, String reference) {
        String first = fields.get("firstName");
        String last = fields.get("lastName");
        if (first == null && last == null && fields.get("name") != null) {
            String[] names = splitName(fields.get("name"));
            first = names[0];
            last = names[1];
        }
        List<Integer> groups = new ArrayList<>();
        if (fields.get("groups") != null) {
            for (String part : fields.get("groups").split("[;|,\\s]+")) {
                if (part.matches("\\d{1,9}")) {
                    groups.add(Integer.valueOf(part));
                }
            }
        }
        return new Signup(fields.get("email"), first, last, fields.get("company"), fields.get("role"), groups,
                Map.of(), SignupSource.MAIL, reference);
    }

    private static String[] splitName(String name) {
        if (name == null || name.isBlank()) {
            return new String[] { null, null };
        }
        String trimmed = name.trim();
        int space = trimmed.lastIndexOf(' ');
        return space < 0 ? new String[] { trimmed, null }
                : new String[] { trimmed.substring(0, space).trim(), trimmed.substring(space + 1) };
    }

    private static String forwardedSender(String text, String attachedMessageSender) {
        if (attachedMessageSender != null) {
            return attachedMessageSender;
        }
        Matcher marker = FORWARD_MARKER.matcher(text);
        if (!marker.find()) {
            return null;
        }
        Matcher from = FORWARDED_FROM.matcher(text.substring(marker.end()));
        return from.find() ? from.group(1).trim() : null;
    }

    private static String sender(Message message) throws MessagingException {
        Address[] from = message.getFrom();
        if (from == null || from.length == 0 || !(from[0] instanceof InternetAddress address)) {
            return null;
        }
        return address.getAddress() == null ? null : address.getAddress().toLowerCase(Locale.ROOT);
    }

    /**
     * What a mail is known by, the same each time it is read: its Message-ID, or for a mail without one a digest of
     * the whole message as stored (headers and body), so two different mails never share a name.
     */
    public static String reference(Message message) throws MessagingException, IOException {
        String[] ids = message.getHeader("Message-ID");
        if (ids != null && ids.length > 0 && !ids[0].isBlank()) {
            return ids[0].strip();
        }
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            try (DigestOutputStream digest = new DigestOutputStream(OutputStream.nullOutputStream(), sha256)) {
                message.writeTo(digest);
            }
            return "mail-" + HexFormat.of().formatHex(sha256.digest(), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** The parts of a mail the extractor looks at, found by walking its MIME tree once. */
    private static final class Contents {
        String plain;
        String html;
        byte[] csv;
        String attachedMessageSender;

        void collect(Part part) throws MessagingException, IOException {
            if (part.isMimeType("multipart/*")) {
                Multipart multipart = (Multipart) part.getContent();
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart child = multipart.getBodyPart(i);
                    collect(child);
                }
            } else if (part.isMimeType("message/rfc822") && part.getContent() instanceof Message attached) {
                if (attachedMessageSender == null && attached.getFrom() != null && attached.getFrom().length > 0) {
                    attachedMessageSender = attached.getFrom()[0].toString();
                }
            } else if (isCsv(part)) {
                if (csv == null) {
                    csv = bounded(part);
                }
            } else if (part.isMimeType("text/plain") && !Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                plain = plain == null ? String.valueOf(part.getContent()) : plain;
            } else if (part.isMimeType("text/html")) {
                html = html == null ? String.valueOf(part.getContent()) : html;
            }
        }

        private static boolean isCsv(Part part) throws MessagingException {
            String name = part.getFileName();
            return part.isMimeType("text/csv") || (name != null && name.toLowerCase(Locale.ROOT).endsWith(".csv"));
        }

        private static byte[] bounded(Part part) throws MessagingException, IOException {
            try (InputStream in = part.getInputStream()) {
                byte[] bytes = in.readNBytes((int) MAX_ATTACHMENT_BYTES + 1);
                if (bytes.length > MAX_ATTACHMENT_BYTES) {
                    throw new AttachmentTooLargeException("the attached CSV is larger than 10 MiB; drop it into "
                                                          + "the inbox folder instead");
                }
                return bytes;
            }
        }
    }

    private static final class AttachmentTooLargeException extends IOException {
        AttachmentTooLargeException(String message) {
            super(message);
        }
    }
}
