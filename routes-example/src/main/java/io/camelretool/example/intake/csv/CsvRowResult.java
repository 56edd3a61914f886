package io.camelretool.example.intake.csv;

import java.util.Optional;

import io.camelretool.example.signup.Signup;

/** One record of a signup CSV: either a signup or the reason it could not be one, with the line it starts on. */
public record CsvRowResult(long lineNumber, Signup signupOrNull, String errorOrNull) {

    public static CsvRowResult of(long lineNumber, Signup signup) {
        return new CsvRowResult(lineNumber, signup, null);
    }

    public static CsvRowResult error(long lineNumber, String reason) {
        return new CsvRowResult(lineNumber, null, reason);
    }

    public Optional<Signup> signup() {
        return Optional.ofNullable(signupOrNull);
    }

    public Optional<String> error() {
        return Optional.ofNullable(errorOrNull);
    }
}
