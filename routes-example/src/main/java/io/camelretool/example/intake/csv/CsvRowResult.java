package io.camelretool.example.intake.csv;

import java.util.Optional;

import io.camelretool.example.signup.Signup;

/**
 * One record of a signup CSV: either a signup or the reason it could not be one, with the line it starts on;
 * {@code removal} when its {@code action} column says {@code remove} (offboard the person instead).
 */
public record CsvRowResult(long lineNumber, Signup signupOrNull, String errorOrNull, boolean removal) {

    public static CsvRowResult of(long lineNumber, Signup signup) {
        return new CsvRowResult(lineNumber, signup, null, false);
    }

    public static CsvRowResult removal(long lineNumber, Signup signup) {
        return new CsvRowResult(lineNumber, signup, null, true);
    }

    public static CsvRowResult error(long lineNumber, String reason) {
        return new CsvRowResult(lineNumber, null, reason, false);
    }

    public Optional<Signup> signup() {
        return Optional.ofNullable(signupOrNull);
    }

    public Optional<String> error() {
        return Optional.ofNullable(errorOrNull);
    }
}
