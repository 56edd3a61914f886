package io.camelretool.example.hostile;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Properties;

import io.camelretool.testing.Manifest;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

/** The mails of {@code hostile/mail/manifest.csv}, read (with CRLF line ends, as SMTP carries them) or generated. */
final class MailCorpus {

    private static final String FOLDER = "/hostile/mail/";

    /** One mail of the corpus and what should become of it. */
    record Case(String file, String outcome, ExpectedLines lines, String notDeliverable, String proves) {

        /** Whether the test's mail server can carry it; the extractor reads every mail either way. */
        boolean deliverable() {
            return notDeliverable == null;
        }

        boolean reviewed() {
            return outcome.startsWith("review");
        }

        boolean skipped() {
            return outcome.equals("skipped");
        }

        /** The text the reason of a reviewed mail holds. */
        String reason() {
            return outcome.substring("review".length()).strip();
        }

        byte[] content() {
            byte[] lf = file.startsWith("gen-") ? generated(file) : Manifest.file(FOLDER + file);
            return crlf(lf);
        }

        MimeMessage message() throws MessagingException {
            return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(content()));
        }

        @Override
        public String toString() {
            return file + ": " + proves;
        }
    }

    private MailCorpus() {
    }

    static List<Case> cases() {
        return Manifest.read(FOLDER + "manifest.csv").stream()
                .map(row -> new Case(row.get("file"), row.get("outcome"), ExpectedLines.parse(row.get("lines")),
                        row.get("mailbox"), row.get("proves")))
                .toList();
    }

    private static byte[] crlf(byte[] lf) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(lf.length + lf.length / 20);
        for (int i = 0; i < lf.length; i++) {
            if (lf[i] == '\n' && (i == 0 || lf[i - 1] != '\r')) {
                out.write('\r');
            }
            out.write(lf[i]);
        }
        return out.toByteArray();
    }

    /** The mails too large or too pathological to keep in the repository, made as the manifest describes them. */
    private static byte[] generated(String file) {
        String headers = "From: forms@acme.com\nTo: signups@localhost\nSubject: " + file + "\nMessage-ID: <" + file
                         + "@corpus.example>\nMIME-Version: 1.0\n";
        String mail = switch (file) {
            case "gen-deep-nesting.eml" -> {
                StringBuilder nested = new StringBuilder(headers);
                for (int level = 0; level < 200; level++) {
                    nested.append("Content-Type: multipart/mixed; boundary=\"n").append(level).append("\"\n\n--n")
                            .append(level).append('\n');
                }
                yield nested.append("Content-Type: text/plain\n\nEmail: deep@example.com\n").toString();
            }
            case "gen-huge-attachment.eml" -> headers + "Content-Type: multipart/mixed; boundary=\"b\"\n\n--b\n"
                    + "Content-Type: text/csv; name=\"big.csv\"\nContent-Transfer-Encoding: base64\n\n"
                    + Base64.getMimeEncoder().encodeToString(("email\n" + "big@example.com\n".repeat(720_000))
                            .getBytes(StandardCharsets.UTF_8)) + "\n--b--\n";
            case "gen-huge-text.eml" -> headers + "Content-Type: text/plain\n\n" + "lorem ipsum ".repeat(95_000)
                                        + "\nEmail: hugetext@example.com\n";
            case "gen-dashes.eml" -> headers + "Content-Type: text/plain\n\n" + "-".repeat(300_000) + "\n";
            case "gen-angle-brackets.eml" -> headers + "Content-Type: text/html\n\n" + "<".repeat(500_000) + "\n";
            case "gen-blank-lines-after-forward.eml" -> headers + "Content-Type: text/plain\n\n"
                    + "---------- Forwarded message ---------\n" + "\n".repeat(100_000) + "x\n";
            case "gen-long-spaced-line.eml" -> headers + "Content-Type: text/plain\n\nNote: a" + " ".repeat(300_000)
                                               + "b\nEmail: gen-spaced@example.com\n";
            default -> throw new IllegalArgumentException("no generator for " + file);
        };
        return mail.getBytes(StandardCharsets.UTF_8);
    }
}
