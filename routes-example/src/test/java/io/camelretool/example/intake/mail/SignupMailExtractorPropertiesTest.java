package io.camelretool.example.intake.mail;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Properties;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** What holds for every mail that reaches the signup mailbox, however it is put together. */
class SignupMailExtractorPropertiesTest {

    private final SignupMailExtractor extractor = new SignupMailExtractor(AllowedSenders.parse("forms@acme.com"));

    @Property(tries = 400)
    void anyMailIsReadOrGivenAReasonWithinASecondAndNeverThrows(@ForAll("mimeFromFragments") String body,
                                                               @ForAll("senders") String sender) {
        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> {
            MailExtraction extraction = extractor.extract(mail("From: " + sender + "\r\n" + body));

            assertThat(extraction.signups().isEmpty()).isEqualTo(extraction.rejection().isPresent());
        });
    }

    @Property(tries = 200)
    void aMailFromAnUntrustedSenderNeverYieldsASignup(@ForAll("mimeFromFragments") String body,
                                                     @ForAll("untrusted") String sender) throws Exception {
        MailExtraction extraction = extractor.extract(mail("From: " + sender + "\r\n" + body));

        assertThat(extraction.signups()).isEmpty();
        assertThat(extraction.rejection()).isPresent();
    }

    /** Headers, boundaries, encodings and labelled lines, in any order and number: well-formed MIME and not. */
    @Provide
    Arbitrary<String> mimeFromFragments() {
        Arbitrary<String> fragment = Arbitraries.of(
                "Content-Type: multipart/mixed; boundary=\"b\"\r\n", "Content-Type: multipart/alternative\r\n",
                "Content-Type: text/plain; charset=utf-8\r\n", "Content-Type: text/html\r\n",
                "Content-Type: text/csv; name=\"x.csv\"\r\n", "Content-Type: message/rfc822\r\n",
                "Content-Type: text/plain; charset=x-unknown\r\n", "Content-Transfer-Encoding: base64\r\n",
                "Content-Transfer-Encoding: quoted-printable\r\n", "Content-Disposition: attachment\r\n", "\r\n",
                "--b\r\n", "--b--\r\n", "Email: someone@example.com\r\n", "Name: Ada =C3=A9 =ZZ\r\n", "email,name\r\n",
                "a@example.com,A\r\n", "<table><tr><td>Email</td><td>t@example.com</td></tr>", "<script>", "<<<",
                "---------- Forwarded message ---------\r\n", "From: Grace <grace@example.org>\r\n", "> ", "=\r\n",
                "!!!!\r\n", "\u0000", "é");
        Arbitrary<String> noise = Arbitraries.strings().ofMaxLength(20);
        return Arbitraries.oneOf(fragment, fragment, noise).list().ofMaxSize(40).map(parts -> String.join("", parts));
    }

    @Provide
    Arbitrary<String> senders() {
        return Arbitraries.oneOf(Arbitraries.of("forms@acme.com", "FORMS@ACME.COM", "Forms <forms@acme.com>"), untrusted());
    }

    @Provide
    Arbitrary<String> untrusted() {
        Arbitrary<String> trickery = Arbitraries.of("\"forms@acme.com\" <evil@attacker.org>", "forms@acme.com.evil.org",
                "forms@eu.acme.com", "evil@attacker.org, forms@acme.com", "undisclosed:;", "<>", "forms@acme.com.",
                "=?utf-8?B?Zm9ybXNAYWNtZS5jb20=?= <x@evil.org>", "forms@acme.co", "");
        Arbitrary<String> random = Combinators.combine(Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(8),
                Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(8)).as((user, host) -> user + "@" + host + ".org");
        return Arbitraries.oneOf(trickery, random);
    }

    private static MimeMessage mail(String eml) throws Exception {
        return new MimeMessage(Session.getInstance(new Properties()),
                new ByteArrayInputStream(eml.getBytes(StandardCharsets.UTF_8)));
    }
}
