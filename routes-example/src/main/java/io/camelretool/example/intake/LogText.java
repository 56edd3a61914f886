package io.camelretool.example.intake;

/**
 * The one way text from outside (file names, mail subjects and Message-IDs, webhook fields, error messages that quote
 * them) reaches a log line or a reason file: control characters (CR and LF among them, so no forged log line), ANSI
 * escape sequences (their ESC), invisible formatting characters (bidirectional overrides, zero-width characters),
 * line and paragraph separators and lone surrogates are shown escaped, as {@code \\u} and the character's four hex
 * digits, and a very long text is cut.
 */
public final class LogText {

    static final int MAX_LENGTH = 500;

    private LogText() {
    }

    public static String of(Object outside) {
        String text = String.valueOf(outside);
        StringBuilder safe = new StringBuilder(Math.min(text.length(), MAX_LENGTH) + 16);
        int i = 0;
        while (i < text.length()) {
            if (safe.length() >= MAX_LENGTH) {
                return safe.append("…(").append(text.length()).append(" chars)").toString();
            }
            int codePoint = text.codePointAt(i);
            if (needsEscape(codePoint)) {
                safe.append(String.format("\\u%04x", codePoint));
            } else {
                safe.appendCodePoint(codePoint);
            }
            i += Character.charCount(codePoint);
        }
        return safe.toString();
    }

    private static boolean needsEscape(int codePoint) {
        int type = Character.getType(codePoint);
        return type == Character.CONTROL || type == Character.FORMAT || type == Character.LINE_SEPARATOR
               || type == Character.PARAGRAPH_SEPARATOR || type == Character.SURROGATE
               || type == Character.UNASSIGNED || type == Character.PRIVATE_USE;
    }
}
