package io.camelretool.example.intake.mail;

import java.util.Locale;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

/**
 * The sender a mail is trusted by: exactly one {@code From} header naming exactly one mailbox. Two From headers,
 * two addresses, a group, or a header a lenient parser reads as one address but that says more
 * ({@code <forms@localhost>@attacker.org}: one {@code @} too many outside quotes and comments) are not trusted:
 * which of them a mail client shows is anyone's guess, and the review folder is where a person decides.
 */
final class SingleSender {

    /** The one sender, lower-cased, or the reason there is none to trust. */
    record Sender(String address, String refusal) {
    }

    private SingleSender() {
    }

    static Sender of(Message message) throws MessagingException {
        String[] headers = message.getHeader("From");
        if (headers == null || headers.length == 0 || headers[0].isBlank()) {
            return new Sender(null, "sender (none) is not in MAIL_ALLOWED_SENDERS");
        }
        if (headers.length > 1) {
            return new Sender(null, "the mail has " + headers.length + " From headers; only a mail from exactly one "
                                    + "mailbox is trusted");
        }
        String raw = headers[0];
        InternetAddress[] addresses;
        try {
            addresses = InternetAddress.parseHeader(raw, true);
        } catch (AddressException unparsable) {
            return new Sender(null, "its From header is not one valid mailbox; only a mail from exactly one mailbox "
                                    + "is trusted");
        }
        if (addresses.length != 1 || addresses[0].isGroup() || addresses[0].getAddress() == null
            || atSignsOutsideQuotesAndComments(raw) != 1) {
            return new Sender(null, "its From header does not name exactly one mailbox; only a mail from exactly "
                                    + "one mailbox is trusted");
        }
        return new Sender(addresses[0].getAddress().toLowerCase(Locale.ROOT), null);
    }

    /** The {@code @} signs a reader sees as address syntax: those inside quoted display names and comments aside. */
    static int atSignsOutsideQuotesAndComments(String header) {
        int count = 0;
        int comment = 0;
        boolean quoted = false;
        for (int i = 0; i < header.length(); i++) {
            char c = header.charAt(i);
            if (c == '\\') {
                i++;
            } else if (quoted) {
                quoted = c != '"';
            } else if (c == '"' && comment == 0) {
                quoted = true;
            } else if (c == '(') {
                comment++;
            } else if (c == ')' && comment > 0) {
                comment--;
            } else if (c == '@' && comment == 0) {
                count++;
            }
        }
        return count;
    }
}
