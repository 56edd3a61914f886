package io.camelretool.example.hostile;

import java.util.ArrayList;
import java.util.List;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Store;

/** What a test sees in a GreenMail mailbox over IMAP, as a mail client would. */
final class MailFolders {

    private MailFolders() {
    }

    /** Whether each mail of the folder is marked seen; empty when the folder does not exist. */
    static List<Boolean> seen(GreenMail mail, String user, String password, String folderName) throws Exception {
        try (Store store = mail.getImap().createStore()) {
            store.connect(user, password);
            Folder folder = store.getFolder(folderName);
            if (!folder.exists()) {
                return List.of();
            }
            folder.open(Folder.READ_ONLY);
            List<Boolean> seen = new ArrayList<>();
            for (Message message : folder.getMessages()) {
                seen.add(message.isSet(Flags.Flag.SEEN));
            }
            folder.close(false);
            return seen;
        }
    }
}
