package io.camelretool.example.signup;

/** The intake a signup came through; recorded in the ledger and the reports. */
public enum SignupSource {
    CSV,
    MAIL,
    WEBHOOK
}
