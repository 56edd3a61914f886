package io.camelretool.example.api;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Base64;

import io.camelretool.example.ledger.LedgerLifecycle;

/**
 * Where a page of people stopped, as an opaque text for the next request: the last person's last change (to the
 * nanosecond) and email key, base64url. A cursor that does not decode to exactly that is refused.
 */
final class PeopleCursor {

    private static final String VERSION = "p1";
    private static final int MAX_LENGTH = 1000;

    private PeopleCursor() {
    }

    static String encode(LedgerLifecycle.PageMark mark) {
        String text = VERSION + "|" + mark.updatedAt().getEpochSecond() + "|" + mark.updatedAt().getNano() + "|"
                      + mark.emailKey();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    static LedgerLifecycle.PageMark decode(String cursor) {
        if (cursor.length() > MAX_LENGTH) {
            throw new BadRequest("cursor", "is not a cursor this API gave");
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            String[] parts = text.split("\\|", 4);
            if (parts.length != 4 || !parts[0].equals(VERSION) || parts[3].isEmpty()) {
                throw new BadRequest("cursor", "is not a cursor this API gave");
            }
            return new LedgerLifecycle.PageMark(Instant.ofEpochSecond(Long.parseLong(parts[1]),
                    Integer.parseInt(parts[2])), parts[3]);
        } catch (IllegalArgumentException | DateTimeException | ArithmeticException damaged) {
            throw new BadRequest("cursor", "is not a cursor this API gave");
        }
    }
}
