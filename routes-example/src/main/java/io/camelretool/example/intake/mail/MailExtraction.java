package io.camelretool.example.intake.mail;

import java.util.List;
import java.util.Optional;

import io.camelretool.example.signup.Signup;

/**
 * What a mail yielded: signups (and the line-numbered errors of an attached CSV), or the reason nothing could be
 * taken from it, which sends it to review.
 */
public record MailExtraction(Method method, List<Signup> signups, List<String> rowErrors, String rejectionOrNull) {

    /** Where the signups were found. */
    public enum Method {
        LABELLED_FIELDS,
        ATTACHED_CSV,
        FORWARDED_SENDER,
        NONE
    }

    public MailExtraction {
        signups = List.copyOf(signups);
        rowErrors = List.copyOf(rowErrors);
    }

    static MailExtraction rejected(String reason) {
        return new MailExtraction(Method.NONE, List.of(), List.of(), reason);
    }

    public Optional<String> rejection() {
        return Optional.ofNullable(rejectionOrNull);
    }
}
