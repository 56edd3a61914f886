package io.camelretool.example.ledger;

import io.camelretool.component.classify.Classification;
import io.camelretool.component.classify.UserClass;
import io.camelretool.component.model.EmailAddresses;
import io.camelretool.example.signup.Signup;

/**
 * One item of a batch as an intake hands it to the ledger: a classified signup, or the reason the intake could not
 * read one.
 *
 * @param itemNo    its number in the batch: the CSV line, or the position in a webhook request or mail
 * @param sourceRef where exactly it came from, for the report
 * @param email     the address as given (null when none could be read)
 * @param emailKey  the normalised address, the ledger's key; null when the address is malformed or missing
 * @param userClass the class, null for an unreadable item
 * @param reason    why it got its class, or why it could not be read
 * @param signup    the signup, null for an unreadable item
 * @param removal   true when the item asks to take the person's access away ({@code action} {@code remove})
 */
public record Arrival(long itemNo, String sourceRef, String email, String emailKey, UserClass userClass,
                      String reason, Signup signup, boolean removal) {

    public static Arrival unreadable(long itemNo, String sourceRef, String reason) {
        return new Arrival(itemNo, sourceRef, null, null, null, reason, null, false);
    }

    public static Arrival classified(long itemNo, Signup signup, Classification classification) {
        return new Arrival(itemNo, signup.sourceRef(), signup.email(),
                EmailAddresses.key(classification.normalizedEmail()), classification.userClass(),
                classification.reason(), signup, false);
    }

    /** The same item as a request to offboard its person: it owns no row, it starts their offboarding. */
    public Arrival asRemoval() {
        return new Arrival(itemNo, sourceRef, email, emailKey, userClass, reason, signup, true);
    }

    boolean entersLedger() {
        return emailKey != null && signup != null && !removal;
    }
}
