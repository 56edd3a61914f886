package io.camelretool.example.resilience;

import java.util.ArrayList;
import java.util.List;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Store;

/** Looks into the shared mailbox over IMAP, as a person with the mailbox open would. */
final class MailboxProbe {

    private final GreenMail mail;
    private final String user;
    private final String password;

    MailboxProbe(GreenMail mail, String user, String password) {
        this.mail = mail;
        this.user = user;
        this.password = password;
    }

    /** What the inbox holds: how many mails, and the Message-IDs of those marked seen (processed). */
    record Inbox(int total, List<String> seenMessageIds) {

        boolean allSeen() {
            return seenMessageIds.size() == total;
        }
    }

    Inbox inbox() throws Exception {
        try (Store store = mail.getImap().createStore()) {
            store.connect(user, password);
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            List<String> seen = new ArrayList<>();
            Message[] messages = inbox.getMessages();
            for (Message message : messages) {
                if (message.isSet(Flags.Flag.SEEN)) {
                    seen.add(message.getHeader("Message-ID")[0].strip());
                }
            }
            return new Inbox(messages.length, seen);
        }
    }
}
