package io.camelretool.component.producer;

import io.camelretool.component.classify.EmailNormalizer;
import io.camelretool.component.classify.NormalizedEmail;
import io.camelretool.component.error.InvalidRetoolInputException;

/**
 * An email given to an endpoint, normalised the one way the component compares and sends addresses (domain
 * lower-cased and in ASCII), or refused before any call with the field it came in.
 */
final class EmailInputs {

    private EmailInputs() {
    }

    static NormalizedEmail normalized(String email, String field) {
        try {
            return EmailNormalizer.normalize(email);
        } catch (EmailNormalizer.InvalidEmailException malformed) {
            throw new InvalidRetoolInputException(field, "'" + email + "' is not a valid email address ("
                                                         + malformed.getMessage() + ")");
        }
    }
}
