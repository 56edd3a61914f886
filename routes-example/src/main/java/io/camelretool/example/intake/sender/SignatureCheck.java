package io.camelretool.example.intake.sender;

/**
 * The outcome of checking a sender's signature; {@code reason} says what was wrong without echoing the secret or the
 * expected value.
 */
public record SignatureCheck(boolean valid, String reason) {

    static final SignatureCheck VALID = new SignatureCheck(true, null);

    static SignatureCheck refused(String reason) {
        return new SignatureCheck(false, reason);
    }
}
