package io.camelretool.component.classify;

/**
 * The class of one signup and why.
 *
 * @param userClass       the class
 * @param reason          a short sentence naming the rule that decided
 * @param normalizedEmail the normalised address; null when the email was malformed
 */
public record Classification(UserClass userClass, String reason, String normalizedEmail) {
}
