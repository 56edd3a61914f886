package io.camelretool.example.hostile;

import java.time.Duration;
import java.util.stream.Stream;

import io.camelretool.example.intake.mail.AllowedSenders;
import io.camelretool.example.intake.mail.MailExtraction;
import io.camelretool.example.intake.mail.SignupMailExtractor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Every mail of the corpus through the extractor alone, within seconds each: a mail for review comes back with the
 * reason its manifest row names, any other with the signups and errors, in the order its report lines list them.
 */
class MailCorpusExtractorTest {

    private final SignupMailExtractor extractor = new SignupMailExtractor(
            AllowedSenders.parse("forms@acme.com, @partners.example"));

    static Stream<MailCorpus.Case> extractedCases() {
        // a skipped mail is the mailbox route's decision, not the extractor's
        return MailCorpus.cases().stream().filter(mail -> !mail.skipped());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("extractedCases")
    void extractsEachMailAsItsManifestRowSays(MailCorpus.Case mail) {
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            MailExtraction extraction = extractor.extract(mail.message());
            if (mail.reviewed()) {
                assertThat(extraction.signups()).isEmpty();
                assertThat(extraction.rejection()).hasValueSatisfying(reason -> assertThat(reason)
                        .contains(mail.reason()));
            } else {
                assertThat(extraction.rejection()).isEmpty();
                assertItems(extraction, mail.lines());
            }
        });
    }

    /** The route numbers a mail's items: its signups first, then its errors. */
    private static void assertItems(MailExtraction extraction, ExpectedLines expected) {
        assertThat(extraction.signups().size() + extraction.rowErrors().size()).as("items")
                .isEqualTo(expected.lines().size());
        for (ExpectedLines.Line line : expected.lines()) {
            int index = (int) line.number() - 1;
            if (line.invalid()) {
                assertThat(extraction.rowErrors().get(index - extraction.signups().size())).contains(line.reason());
            } else {
                assertThat(extraction.signups().get(index).email()).isEqualTo(line.email());
            }
        }
    }
}
