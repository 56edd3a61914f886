package io.camelretool.example.intake.sender;

/**
 * Sender-controlled text made safe for a log line: ids keep only the characters ids are made of, other text loses
 * control characters (CR LF would forge a log line, ESC would drive a terminal) and is capped.
 */
final class LogSafe {

    private static final int MAX = 200;

    private LogSafe() {
    }

    static String id(String value) {
        if (value == null || value.isEmpty()) {
            return "(none)";
        }
        StringBuilder safe = new StringBuilder();
        value.codePoints().limit(MAX).forEach(c -> safe.append(
                c < 128 && (Character.isLetterOrDigit(c) || "._:/-".indexOf(c) >= 0) ? (char) c : '?'));
        return safe.toString();
    }

    static String text(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder safe = new StringBuilder();
        value.codePoints().limit(MAX).forEach(c -> safe.appendCodePoint(Character.isISOControl(c)
                || Character.getType(c) == Character.FORMAT ? '?' : c));
        return safe.toString();
    }
}
