package io.camelretool.sandbox.http;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.camelretool.sandbox.SandboxEmbedUrl;
import io.camelretool.sandbox.state.EmbedUrlStore;

/**
 * {@code GET /embed-url/<landing page>?token=...}: what a browser sees when it opens an Embed URL the sandbox minted,
 * so that a host page's iframe shows something out of the box. The first opening logs the portal user in (a page
 * showing their groups and the {@code current_user} values the app would read); a second one is refused, as the URL
 * is single-use. Never logs the token.
 */
public final class EmbedPageHandler implements HttpHandler {

    static final String PATH = "/embed-url/";

    private final EmbedUrlStore embedUrls;

    public EmbedPageHandler(EmbedUrlStore embedUrls) {
        this.embedUrls = embedUrls;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            HttpExchanges.send(exchange, answer(exchange));
        } finally {
            exchange.close();
        }
    }

    private ApiResponse answer(HttpExchange exchange) {
        if (!"GET".equals(exchange.getRequestMethod())) {
            return ApiResponse.error(405, "An Embed URL is opened with GET").withHeader("Allow", "GET");
        }
        String token = HttpExchanges.query(exchange).get("token");
        Optional<SandboxEmbedUrl> minted = embedUrls.byToken(token);
        String url = embedUrls.origin() + HttpExchanges.pathWithQuery(exchange);
        if (minted.isEmpty() || !minted.get().url().equals(url)) {
            return page(404, "Not an Embed URL", "<p>This sandbox did not mint this URL.</p>");
        }
        if (!embedUrls.redeem(url)) {
            return page(410, "Embed URL already used",
                    "<p>An Embed URL is single-use: ask the host application for a new session.</p>");
        }
        SandboxEmbedUrl embed = minted.get();
        String name = embed.firstName() == null && embed.lastName() == null ? "portal user"
                : ((embed.firstName() == null ? "" : embed.firstName()) + " "
                   + (embed.lastName() == null ? "" : embed.lastName())).strip();
        String metadata = embed.metadata().entrySet().stream()
                .map(entry -> "<tr><td>" + escape(entry.getKey()) + "</td><td>" + escape(String.valueOf(entry.getValue()))
                              + "</td></tr>")
                .collect(Collectors.joining());
        return page(200, "Retool sandbox app", "<p>Signed in as <b>" + escape(name) + "</b>"
                + (embed.email() == null ? "" : " (" + escape(embed.email()) + ")") + " through Retool Embed.</p>"
                + "<table><tr><td>app (landing page)</td><td>" + escape(embed.landingPageUuid()) + "</td></tr>"
                + "<tr><td>external identifier</td><td>" + escape(embed.externalIdentifier()) + "</td></tr>"
                + "<tr><td>groups</td><td>" + escape(embed.groupIds().toString()) + "</td></tr></table>"
                + "<h2>current_user.metadata</h2><table>" + metadata + "</table>");
    }

    private static ApiResponse page(int status, String title, String body) {
        String html = "<!doctype html><html><head><meta charset=\"utf-8\"><title>" + escape(title) + "</title>"
                      + "<style>body{font-family:sans-serif;margin:1.5em}td{padding:2px 12px 2px 0}</style></head>"
                      + "<body><h1>" + escape(title) + "</h1>" + body
                      + "<p><small>retool-sandbox: a local stand-in for a Retool app opened through Embed</small></p>"
                      + "</body></html>";
        ApiResponse ok = ApiResponse.html(html);
        return new ApiResponse(status, ok.contentType(), ok.body(), Map.of("Cache-Control", "no-store"));
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
