package io.camelretool.example.intake.csv;

/** The file as a whole cannot be read as a signup CSV (binary content, no header, no email column...). */
public class UnreadableCsvException extends Exception {

    public UnreadableCsvException(String reason) {
        super(reason);
    }
}
