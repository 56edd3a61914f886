package io.camelretool.example.intake.mail;

import java.util.Locale;
import java.util.Set;

/**
 * Turns the HTML of a form notification into text lines, enough to find {@code Label: value} pairs: table cells of a
 * row are joined with {@code ": "}, block ends become line breaks, scripts and styles are dropped. One pass over the
 * text, never back: a mail made of a million {@code <} or unclosed {@code <script>} costs a million steps, not a
 * million squared (the regular expressions this replaced took minutes on 32 KiB of them).
 */
final class HtmlText {

    private static final Set<String> DROPPED = Set.of("script", "style", "head");
    private static final Set<String> LINE_BREAKS = Set.of("br", "/p", "/div", "/tr", "/li", "/h1", "/h2", "/h3", "/h4",
            "/h5", "/h6");

    private HtmlText() {
    }

    static String toText(String html) {
        StringBuilder text = new StringBuilder(Math.min(html.length(), 1 << 16));
        StringBuilder spaceAfterCell = null;
        int at = 0;
        while (at < html.length()) {
            char c = html.charAt(at);
            if (c != '<') {
                if (spaceAfterCell != null && Character.isWhitespace(c)) {
                    spaceAfterCell.append(c);
                } else {
                    if (spaceAfterCell != null) {
                        text.append(spaceAfterCell);
                        spaceAfterCell = null;
                    }
                    text.append(c);
                }
                at++;
                continue;
            }
            int end = html.indexOf('>', at + 1);
            if (end < 0) {
                break;
            }
            String tag = tagName(html, at + 1, end);
            if (DROPPED.contains(tag)) {
                int close = indexOfIgnoringCase(html, "</" + tag, end + 1);
                int closeEnd = close < 0 ? -1 : html.indexOf('>', close);
                at = closeEnd < 0 ? html.length() : closeEnd + 1;
                continue;
            }
            boolean cell = tag.equals("td") || tag.equals("th");
            if (cell && spaceAfterCell != null) {
                text.append(": ");
            } else if (spaceAfterCell != null) {
                text.append(spaceAfterCell);
            }
            spaceAfterCell = tag.equals("/td") || tag.equals("/th") ? new StringBuilder() : null;
            if (LINE_BREAKS.contains(tag)) {
                text.append('\n');
            }
            at = end + 1;
        }
        return text.toString().replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&");
    }

    /** {@code td}, {@code /tr}: the tag's name in lower case, with its slash when it closes. */
    private static String tagName(String html, int from, int end) {
        int at = from;
        if (at < end && html.charAt(at) == '/') {
            at++;
        }
        int nameEnd = at;
        while (nameEnd < end && Character.isLetterOrDigit(html.charAt(nameEnd))) {
            nameEnd++;
        }
        return html.substring(from, nameEnd).toLowerCase(Locale.ROOT);
    }

    private static int indexOfIgnoringCase(String text, String wanted, int from) {
        for (int at = from; at <= text.length() - wanted.length(); at++) {
            if (text.regionMatches(true, at, wanted, 0, wanted.length())) {
                return at;
            }
        }
        return -1;
    }
}
