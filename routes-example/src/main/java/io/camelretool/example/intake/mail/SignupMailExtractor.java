package io.camelretool.example.intake.mail;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
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

import io.camelretool.example.intake.SignupLimits;
import io.camelretool.example.intake.csv.CsvRowResult;
import io.camelretool.example.intake.csv.SignupCsvReader;
import io.camelretool.example.intake.csv.UnreadableCsvException;
import io.camelretool.example.signup.Signup;
import io.camelretool.example.signup.SignupSource;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeUtility;

/**
 * Takes signups out of a mail forwarded to the signup mailbox: labelled fields in the body (plain text, else HTML),
 * else the attached CSVs, else the original sender of a forwarded mail. Mail from a sender outside the allowed list is
 * not read at all. Nothing here throws for a broken mail, and nothing in it takes more than a pass over its text: it
 * says why it could not be read.
 */
public final class SignupMailExtractor {

    static final long MAX_ATTACHMENT_BYTES = 10L * 1024 * 1024;
    static final int MAX_TEXT_BYTES = 1024 * 1024;
    static final int MAX_DEPTH = 10;
    private static final Pattern FORWARD_MARKER = Pattern.compile(
            "(?im)^[ \\t>]*+(?:-++[ \\t]*+(?:forwarded|original) message[ \\t]*+-|begin forwarded message:)");
    private static final Pattern FORWARDED_FROM = Pattern.compile("(?im)^[ \\t>]*+from:[ \\t]*+(\\S.*)$");
    private static final Pattern GROUP_ID = Pattern.compile("[1-9][0-9]{0,8}");

    private final AllowedSenders allowed;

    public SignupMailExtractor(AllowedSenders allowed) {
        this.allowed = allowed;
    }

    public MailExtraction extract(Message message) {
        try {
            SingleSender.Sender from = SingleSender.of(message);
            if (from.refusal() != null) {
                return MailExtraction.rejected(from.refusal());
            }
            String sender = from.address();
            if (!allowed.trusts(sender)) {
                return MailExtraction.rejected("sender " + sender + " is not in MAIL_ALLOWED_SENDERS");
            }
            String reference = reference(message);
            Contents contents = new Contents();
            contents.collect(message, 0);
            String html = contents.html == null ? null : HtmlText.toText(contents.html);
            List<Map<String, String>> people = LabelledFields.people(contents.plain == null ? "" : contents.plain);
            if (people.isEmpty() && html != null) {
                // a plain part may be only a stub ("view this mail in a browser") beside the form table
                people = LabelledFields.people(html);
            }
            if (!people.isEmpty()) {
                return fromFields(people, reference);
            }
            if (!contents.csvs.isEmpty()) {
                return fromCsv(contents.csvs, reference);
            }
            String text = contents.plain != null ? contents.plain : html != null ? html : "";
            String original = forwardedSender(text, contents.attachedMessageSender);
            if (original != null) {
                InternetAddress address = new InternetAddress(original, true);
                String[] names = splitName(address.getPersonal());
                return fromSignups(MailExtraction.Method.FORWARDED_SENDER, List.of(new Signup(address.getAddress(),
                        names[0], names[1], null, null, List.of(), Map.of(), SignupSource.MAIL, reference + "#0")),
                        List.of());
            }
            return MailExtraction.rejected("no signup found: no labelled Email field, no CSV attachment, "
                                           + "and not a forwarded mail");
        } catch (UnusableMailException unusable) {
            return MailExtraction.rejected(unusable.getMessage());
        } catch (MessagingException | IOException | RuntimeException unreadable) {
            return MailExtraction.rejected("unreadable mail: " + unreadable.getClass().getSimpleName() + ": "
                                           + unreadable.getMessage());
        }
    }

    private static MailExtraction fromFields(List<Map<String, String>> people, String reference) {
        List<Signup> signups = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (int i = 0; i < people.size(); i++) {
            Map<String, String> fields = people.get(i);
            List<String> badGroups = new ArrayList<>();
            Signup signup = signup(fields, reference + "#" + i, badGroups);
            List<String> problems = new ArrayList<>();
            badGroups.forEach(group -> problems.add("groups: '" + group + "' is not a group id (a positive integer)"));
            SignupLimits.problems(signup).forEach(problem -> problems.add(problem.toString()));
            if (problems.isEmpty()) {
                signups.add(signup);
            } else {
                errors.add("person " + (i + 1) + " (" + fields.get("email") + "): " + String.join("; ", problems));
            }
        }
        return fromSignups(MailExtraction.Method.LABELLED_FIELDS, signups, errors);
    }

    private static MailExtraction fromCsv(List<Attachment> csvs, String reference) throws IOException {
        List<Signup> signups = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (Attachment csv : csvs) {
            String name = reference + "/" + csv.name();
            try (SignupCsvReader reader = SignupCsvReader.open(new ByteArrayInputStream(csv.bytes()), name)) {
                while (reader.hasNext()) {
                    CsvRowResult row = reader.next();
                    row.signup().ifPresent(signup -> signups.add(new Signup(signup.email(), signup.firstName(),
                            signup.lastName(), signup.company(), signup.role(), signup.groups(), signup.attributes(),
                            SignupSource.MAIL, signup.sourceRef())));
                    row.error().ifPresent(error -> errors.add(csv.name() + " line " + row.lineNumber() + ": "
                                                              + error));
                }
            } catch (UnreadableCsvException unreadable) {
                errors.add(csv.name() + ": cannot be read: " + unreadable.getMessage());
            }
        }
        if (signups.isEmpty()) {
            return new MailExtraction(MailExtraction.Method.NONE, List.of(), errors,
                    "the attached CSV holds no valid signup: " + String.join("; ", errors));
        }
        return new MailExtraction(MailExtraction.Method.ATTACHED_CSV, signups, errors, null);
    }

    private static MailExtraction fromSignups(MailExtraction.Method method, List<Signup> signups, List<String> errors) {
        if (signups.isEmpty()) {
            return new MailExtraction(MailExtraction.Method.NONE, List.of(), errors,
                    "no usable signup: " + String.join("; ", errors));
        }
        return new MailExtraction(method, signups, errors, null);
    }

    private static Signup signup(Map<String, String> fields, String reference, List<String> badGroups) {
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
                if (GROUP_ID.matcher(part).matches()) {
                    groups.add(Integer.valueOf(part));
                } else if (!part.isEmpty()) {
                    badGroups.add(part);
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
        Matcher from = FORWARDED_FROM.matcher(text).region(marker.end(), text.length());
        return from.find() ? from.group(1).trim() : null;
    }

    /**
     * What a mail is called in reports: its Message-ID, or for a mail without one a digest of its whole content.
     */
    public static String reference(Message message) throws MessagingException, IOException {
        String[] ids = message.getHeader("Message-ID");
        if (ids != null && ids.length > 0 && !ids[0].isBlank()) {
            return ids[0].strip();
        }
        return "mail-" + contentDigest(message);
    }

    /**
     * What makes a mail read again the same mail: its name and a digest of the whole message as stored (headers and
     * body), so that a different mail reusing a Message-ID is not taken for one already accepted.
     */
    public static String identity(Message message) throws MessagingException, IOException {
        return reference(message) + "|" + contentDigest(message);
    }

    private static String contentDigest(Message message) throws MessagingException, IOException {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            try (DigestOutputStream digest = new DigestOutputStream(OutputStream.nullOutputStream(), sha256)) {
                message.writeTo(digest);
            }
            return HexFormat.of().formatHex(sha256.digest(), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** Whether the part is read as an attached CSV: by its type or its file name. */
    static boolean isCsv(Part part) throws MessagingException {
        String name = part.getFileName();
        return part.isMimeType("text/csv") || (name != null && name.toLowerCase(Locale.ROOT).endsWith(".csv"));
    }

    /** Whether the part is a plain text the fields may be read from: one that is not an attachment. */
    static boolean isPlainText(Part part) throws MessagingException {
        return part.isMimeType("text/plain") && !Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition());
    }

    /** An attached CSV: its file name and content. */
    private record Attachment(String name, byte[] bytes) {
    }

    /** The parts of a mail the extractor looks at, found by walking its MIME tree once. */
    private static final class Contents {
        String plain;
        String html;
        final List<Attachment> csvs = new ArrayList<>();
        long csvBytes;
        String attachedMessageSender;

        void collect(Part part, int depth) throws MessagingException, IOException {
            if (part.isMimeType("multipart/*")) {
                if (depth >= MAX_DEPTH) {
                    throw new UnusableMailException("the mail's parts are nested more than " + MAX_DEPTH
                                                    + " levels deep");
                }
                Multipart multipart = (Multipart) part.getContent();
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart child = multipart.getBodyPart(i);
                    collect(child, depth + 1);
                }
            } else if (part.isMimeType("message/rfc822") && part.getContent() instanceof Message attached) {
                if (attachedMessageSender == null && attached.getFrom() != null && attached.getFrom().length > 0) {
                    attachedMessageSender = attached.getFrom()[0].toString();
                }
            } else if (isCsv(part)) {
                byte[] csv = bounded(part, MAX_ATTACHMENT_BYTES - csvBytes, "the attached CSVs are larger than "
                                                                             + "10 MiB together; drop them into the "
                                                                             + "inbox folder instead");
                csvBytes += csv.length;
                String name = part.getFileName();
                csvs.add(new Attachment(name == null ? "attachment-" + (csvs.size() + 1) + ".csv" : name, csv));
            } else if (isPlainText(part)) {
                plain = plain == null ? text(part) : plain;
            } else if (part.isMimeType("text/html")) {
                html = html == null ? text(part) : html;
            }
        }

        /** A text part in its charset (UTF-8 when it names none), refused beyond {@link #MAX_TEXT_BYTES}. */
        private static String text(Part part) throws MessagingException, IOException {
            byte[] bytes = bounded(part, MAX_TEXT_BYTES, "the mail's text is larger than 1 MiB; a signup "
                                                         + "notification is much smaller");
            String charset = new ContentType(part.getContentType()).getParameter("charset");
            return new String(bytes, charset == null ? StandardCharsets.UTF_8
                    : Charset.forName(MimeUtility.javaCharset(charset)));
        }

        private static byte[] bounded(Part part, long maxBytes, String tooLarge) throws MessagingException,
                IOException {
            try (InputStream in = part.getInputStream()) {
                byte[] bytes = in.readNBytes((int) Math.max(0, maxBytes) + 1);
                if (bytes.length > maxBytes) {
                    throw new UnusableMailException(tooLarge);
                }
                return bytes;
            }
        }
    }

    /** A mail that is readable but not one to take signups from; the message says why. */
    private static final class UnusableMailException extends IOException {
        UnusableMailException(String message) {
            super(message);
        }
    }
}
