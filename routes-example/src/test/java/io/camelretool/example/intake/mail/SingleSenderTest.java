package io.camelretool.example.intake.mail;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** A mail is trusted by its sender only when its From names exactly one mailbox, however the header is dressed. */
class SingleSenderTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "From: <forms@acme.com>@attacker.org",
        "From: forms@acme.com, evil@attacker.org",
        "From: forms@acme.com\nFrom: evil@attacker.org",
        "From: undisclosed-recipients:;",
        "From: Team: forms@acme.com;",
        "From: forms@acme.com@attacker.org",
        "From: \"unterminated <forms@acme.com>",
        "From: ",
        "Subject: no sender at all" })
    void isNotTrustedUnlessFromNamesExactlyOneMailbox(String headers) throws Exception {
        assertThat(SingleSender.of(mail(headers)).address()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "From: forms@acme.com",
        "From: Forms <forms@acme.com>",
        "From: \"forms@acme.com, the form\" <FORMS@acme.com>",
        "From: forms@acme.com (the form@acme)",
        "From: =?utf-8?B?Zm9ybXM=?= <forms@acme.com>" })
    void isTheOneMailboxHoweverItIsWritten(String headers) throws Exception {
        assertThat(SingleSender.of(mail(headers)).address()).isEqualTo("forms@acme.com");
    }

    private static MimeMessage mail(String headers) throws Exception {
        String text = headers + "\nSubject: test\n\nbody\n";
        return new MimeMessage(Session.getInstance(new Properties()),
                new ByteArrayInputStream(text.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8)));
    }
}
