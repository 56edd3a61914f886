package io.camelretool.example.http;

import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Exchange;
import org.apache.camel.component.platform.http.vertx.HttpMessage;

/**
 * What the steps of the signed and token-protected routes read from a request, and how they answer. A header is read
 * from the HTTP request itself when the exchange came from the HTTP server: Camel would make a query parameter a
 * header of the same name, and a signature or a token must come from the request's headers only (in the URL it ends
 * up in proxy and access logs). A route fed some other way ({@code direct:} in a route-level test) has no query to
 * mistake for a header, and its message's headers are read.
 */
public final class RequestParts {

    private static final ObjectMapper JSON = new ObjectMapper();

    private RequestParts() {
    }

    /** A header of the request, as the client sent it; null when it has none. */
    public static String header(Exchange exchange, String name) {
        if (exchange.getIn() instanceof HttpMessage http && http.getRequest() != null) {
            return http.getRequest().getHeader(name);
        }
        return exchange.getIn().getHeader(name, String.class);
    }

    /** The request's path, still URL-encoded ({@link Exchange#HTTP_URI} without its query outside HTTP). */
    public static String rawPath(Exchange exchange) {
        if (exchange.getIn() instanceof HttpMessage http && http.getRequest() != null) {
            return http.getRequest().path();
        }
        String uri = exchange.getIn().getHeader(Exchange.HTTP_URI, "", String.class);
        int query = uri.indexOf('?');
        return query < 0 ? uri : uri.substring(0, query);
    }

    /** The address the request came from, as the HTTP server saw it ("?" when the route is not fed by HTTP). */
    public static String sourceAddress(Exchange exchange) {
        if (exchange.getIn() instanceof HttpMessage http && http.getRequest() != null
            && http.getRequest().remoteAddress() != null) {
            return http.getRequest().remoteAddress().hostAddress();
        }
        return "?";
    }

    /** The request's body; empty when it has none. */
    public static byte[] body(Exchange exchange) {
        byte[] body = exchange.getMessage().getBody(byte[].class);
        return body == null ? new byte[0] : body;
    }

    /**
     * Answers with a status and a JSON body. Everything else on the message goes first: the request's headers (a
     * token or a signature among them) must not travel back as response headers, and whatever a call left there
     * (the Embed URL the component puts in a header) must not either.
     */
    public static void answer(Exchange exchange, int status, Object json) {
        exchange.getMessage().removeHeaders("*");
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json");
        exchange.getMessage().setBody(json(json));
    }

    /** A map of strings, numbers and lists as JSON text. */
    public static String json(Object json) {
        try {
            return new String(JSON.writeValueAsBytes(json), StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("maps of strings, numbers and lists always serialise", e);
        }
    }
}
