package io.camelretool.example.intake.mail;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import io.camelretool.example.signup.Signup;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SignupMailExtractorTest {

    private final SignupMailExtractor extractor = new SignupMailExtractor(
            AllowedSenders.parse("forms@acme.com, @partners.example"));

    @Test
    void readsLabelledFieldsFromAPlainTextNotification() throws Exception {
        MailExtraction result = extract("""
                From: Forms <forms@acme.com>
                Message-ID: <m1@acme.com>
                Subject: New signup
                Content-Type: text/plain; charset=UTF-8

                Someone signed up:
                Name: Ada Lovelace
                E-mail Address - ada@example.com
                Company: Analytical Engines
                Role: editor
                Groups: 2, 3
                """);

        assertThat(result.method()).isEqualTo(MailExtraction.Method.LABELLED_FIELDS);
        Signup ada = result.signups().get(0);
        assertThat(ada.email()).isEqualTo("ada@example.com");
        assertThat(ada.firstName()).isEqualTo("Ada");
        assertThat(ada.lastName()).isEqualTo("Lovelace");
        assertThat(ada.role()).isEqualTo("editor");
        assertThat(ada.groups()).containsExactly(2, 3);
        assertThat(ada.sourceRef()).isEqualTo("<m1@acme.com>#0");
    }

    @Test
    void readsAnHtmlOnlyFormTableWithSeveralPeople() throws Exception {
        MailExtraction result = extract("""
                From: forms@acme.com
                Subject: Signups
                Content-Type: text/html; charset=UTF-8

                <html><body><table>
                <tr><td>Email</td><td>grace@example.com</td></tr>
                <tr><td>First name</td><td>Grace</td></tr>
                <tr><td>Email</td><td>linus@example.com</td></tr>
                <tr><td>Company</td><td>Torvalds &amp; Co</td></tr>
                </table></body></html>
                """);

        assertThat(result.signups()).extracting(Signup::email).containsExactly("grace@example.com",
                "linus@example.com");
        assertThat(result.signups().get(1).company()).isEqualTo("Torvalds & Co");
    }

    @Test
    void takesTheOriginalSenderOfAForwardedMailWithoutFields() throws Exception {
        MailExtraction result = extract("""
                From: someone@partners.example
                Subject: Fwd: please give me access
                Content-Type: text/plain; charset=UTF-8

                See below.

                ---------- Forwarded message ---------
                From: Katherine Johnson <katherine@example.org>
                Date: Mon, 2 Nov 2026 10:00:00 +0000
                Subject: access

                > Could I get access to the portal?
                """);

        assertThat(result.method()).isEqualTo(MailExtraction.Method.FORWARDED_SENDER);
        assertThat(result.signups()).singleElement().satisfies(signup -> {
            assertThat(signup.email()).isEqualTo("katherine@example.org");
            assertThat(signup.firstName()).isEqualTo("Katherine");
            assertThat(signup.lastName()).isEqualTo("Johnson");
        });
    }

    @Test
    void readsAnAttachedCsvAndReportsItsBadRows() throws Exception {
        MailExtraction result = extract("""
                From: forms@acme.com
                Subject: export
                MIME-Version: 1.0
                Content-Type: multipart/mixed; boundary="b1"

                --b1
                Content-Type: text/plain

                Attached.
                --b1
                Content-Type: text/csv; name="people.csv"
                Content-Disposition: attachment; filename="people.csv"

                email,first_name
                a@example.com,Ann
                ,Nobody
                --b1--
                """);

        assertThat(result.method()).isEqualTo(MailExtraction.Method.ATTACHED_CSV);
        assertThat(result.signups()).extracting(Signup::email).containsExactly("a@example.com");
        assertThat(result.rowErrors()).singleElement().asString().contains("line 3").contains("no email");
    }

    @Test
    void trustsTheAddressNotTheDisplayName() throws Exception {
        MailExtraction result = extract("""
                From: "forms@acme.com" <evil@attacker.org>
                Subject: New signup
                Content-Type: text/plain

                Email: victim@example.com
                """);

        assertThat(result.signups()).isEmpty();
        assertThat(result.rejection()).hasValueSatisfying(reason -> assertThat(reason)
                .contains("evil@attacker.org is not in MAIL_ALLOWED_SENDERS"));
    }

    @Test
    void givesAReasonInsteadOfFailingForMailsItCannotUse() throws Exception {
        assertThat(extract("""
                From: forms@acme.com
                Subject: hello
                Content-Type: text/plain

                Just saying hi.
                """).rejection()).hasValueSatisfying(reason -> assertThat(reason).contains("no signup found"));
        assertThat(extract("""
                From: forms@acme.com
                Subject: broken
                Content-Type: multipart/mixed; boundary="never-closed"

                no boundary here at all
                """).rejection()).isPresent();
        assertThat(extract("""
                Subject: no sender
                Content-Type: text/plain

                Email: x@example.com
                """).rejection()).hasValueSatisfying(reason -> assertThat(reason).contains("(none)"));
    }

    private MailExtraction extract(String eml) throws Exception {
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties()),
                new ByteArrayInputStream(eml.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8)));
        return extractor.extract(message);
    }
}
