package io.camelretool.example.intake.mail;

import java.util.regex.Pattern;

/** Turns the HTML of a form notification into text lines, enough to find {@code Label: value} pairs. */
final class HtmlText {

    private static final Pattern DROPPED = Pattern.compile("(?is)<(script|style|head)[^>]*>.*?</\\1>");
    private static final Pattern LINE_BREAK = Pattern.compile("(?i)<(br|/p|/div|/tr|/li|/h[1-6])[^>]*>");
    private static final Pattern CELL_BREAK = Pattern.compile("(?i)</t[dh]>\\s*<t[dh][^>]*>");
    private static final Pattern TAG = Pattern.compile("<[^>]*>");

    private HtmlText() {
    }

    static String toText(String html) {
        String text = DROPPED.matcher(html).replaceAll(" ");
        text = CELL_BREAK.matcher(text).replaceAll(": ");
        text = LINE_BREAK.matcher(text).replaceAll("\n");
        text = TAG.matcher(text).replaceAll("");
        return text.replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&#39;", "'").replace("&amp;", "&");
    }
}
