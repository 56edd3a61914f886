package io.camelretool.example.console;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The frame every console page shares: title, navigation, the logout form, and small formatting helpers. */
final class Layout {

    static final String BASE = "/console";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final String[][] NAVIGATION = {
        { "overview", "Overview" }, { "people", "People" }, { "batches", "Batches" }, { "mail", "Mail review" },
        { "audit", "Audit trail" } };

    private Layout() {
    }

    /** A page's top, up to the opening of its main part; {@code user} and {@code csrf} are null on the login page. */
    static Html open(String title, String current, String user, String csrf) {
        Html html = new Html().raw("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>")
                .text(title + " · camel-retool console")
                .raw("</title><link rel=\"stylesheet\" href=\"" + BASE + "/static/console.css\"></head><body>"
                     + "<header><span class=\"brand\">camel-retool console</span>");
        if (user != null) {
            html.raw("<nav>");
            for (String[] item : NAVIGATION) {
                html.raw("<a href=\"" + BASE + "/" + item[0] + "\"" + (item[0].equals(current)
                        ? " class=\"current\"" : "") + " id=\"nav-" + item[0] + "\">").text(item[1]).raw("</a>");
            }
            html.raw("</nav><form method=\"post\" action=\"" + BASE + "/logout\" class=\"logout\">")
                    .hidden("csrf", csrf).raw("<button type=\"submit\" id=\"logout\">").text("Log out " + user)
                    .raw("</button></form>");
        }
        return html.raw("</header><main><h1>").text(title).raw("</h1>");
    }

    static String close(Html html) {
        return html.raw("</main></body></html>").toString();
    }

    static String time(Instant instant) {
        return instant == null ? "" : TIME.format(instant);
    }

    /** A message box above a page's content (the outcome of an action, say). */
    static void notice(Html html, String message) {
        if (message != null && !message.isBlank()) {
            html.raw("<p class=\"notice\" id=\"notice\">").text(message).raw("</p>");
        }
    }
}
