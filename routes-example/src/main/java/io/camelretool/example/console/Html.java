package io.camelretool.example.console;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Builds a page's HTML with every value escaped: text and attribute values go through {@link #text} and
 * {@link #attr}, markup only through {@link #raw} with constants of this package. What came from a signup (names,
 * companies, attributes, subjects) is shown as the characters it is: tags and quotes escaped, and the invisible
 * characters that reorder or hide text (bidirectional overrides, zero-width marks, controls) shown by their code.
 */
final class Html {

    private final StringBuilder out = new StringBuilder(8192);

    /** Markup written by this package, never a value from outside. */
    Html raw(String markup) {
        out.append(markup);
        return this;
    }

    /** Text content, escaped. */
    Html text(Object value) {
        out.append(escape(value == null ? "" : String.valueOf(value)));
        return this;
    }

    /** A tag with its text: {@code <tag class="...">text</tag>}; the class is a constant of this package. */
    Html element(String tag, String cssClass, Object value) {
        out.append('<').append(tag);
        if (cssClass != null) {
            out.append(" class=\"").append(cssClass).append('"');
        }
        return raw(">").text(value).raw("</" + tag + ">");
    }

    /** A link to a console path with query parameters, each encoded; the path is a constant of this package. */
    Html link(String path, Object label, String... params) {
        return raw("<a href=\"").raw(escape(url(path, params))).raw("\">").text(label).raw("</a>");
    }

    /** A hidden form field. */
    Html hidden(String name, String value) {
        return raw("<input type=\"hidden\" name=\"").raw(escape(name)).raw("\" value=\"").raw(escape(value))
                .raw("\">");
    }

    /** An attribute value, escaped (for use inside double quotes). */
    static String attr(String value) {
        return escape(value == null ? "" : value);
    }

    /** A console URL: the path, then name=value pairs, each encoded. */
    static String url(String path, String... params) {
        StringBuilder url = new StringBuilder(path);
        for (int i = 0; i + 1 < params.length; i += 2) {
            if (params[i + 1] == null) {
                continue;
            }
            url.append(url.indexOf("?") < 0 ? '?' : '&').append(encode(params[i])).append('=')
                    .append(encode(params[i + 1]));
        }
        return url.toString();
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        text.codePoints().forEach(c -> {
            switch (c) {
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '&' -> escaped.append("&amp;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> {
                    if (hidden(c)) {
                        escaped.append("[U+").append(String.format("%04X", c)).append(']');
                    } else {
                        escaped.appendCodePoint(c);
                    }
                }
            }
        });
        return escaped.toString();
    }

    /** Characters that would reorder, hide or break the text around them rather than show themselves. */
    private static boolean hidden(int c) {
        return (c < 0x20 && c != '\n' && c != '\t') || c == 0x7F || (c >= 0x80 && c < 0xA0)
               || (c >= 0x200B && c <= 0x200F) || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069)
               || c == 0x061C || c == 0xFEFF || c == 0x2028 || c == 0x2029;
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
