package io.camelretool.example.console;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A plain HTTP client of the console, with its own cookie jar and no redirects followed, for what a browser hides:
 * statuses, headers, forged posts. Every page it reads is handed to {@code seen} (the secret scan).
 */
final class ConsoleClient {

    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");
    private static final Pattern LOGIN = Pattern.compile("name=\"login\" value=\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final String base;
    private final BiConsumer<String, String> seen;

    ConsoleClient(String base, BiConsumer<String, String> seen) {
        this.base = base;
        this.seen = seen;
    }

    HttpResponse<String> get(String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        seen.accept("GET " + path, response.body());
        return response;
    }

    HttpResponse<String> post(String path, List<String> form) throws Exception {
        List<String> pairs = new ArrayList<>();
        for (int i = 0; i + 1 < form.size(); i += 2) {
            pairs.add(Html.encode(form.get(i)) + "=" + Html.encode(form.get(i + 1)));
        }
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(String.join("&", pairs))).build(),
                HttpResponse.BodyHandlers.ofString());
        seen.accept("POST " + path, response.body());
        return response;
    }

    /** Logs in through the login form, as a browser does; answers the login post's response. */
    HttpResponse<String> logIn(String user, String password) throws Exception {
        String form = get("/console/login").body();
        return post("/console/login", List.of("login", token(LOGIN, form), "user", user, "password", password));
    }

    /** The CSRF token of a page's forms. */
    static String csrf(String page) {
        return token(CSRF, page);
    }

    private static String token(Pattern pattern, String page) {
        Matcher matcher = pattern.matcher(page);
        if (!matcher.find()) {
            throw new AssertionError("the page has no such token: " + page);
        }
        return matcher.group(1);
    }
}
