package io.camelretool.example.http;

import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.camelretool.example.config.HttpServerLimits;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServerRequest;

/**
 * Keeps the public HTTP server's connections few and busy. Every connection must send a request head within the
 * header timeout of opening (or of its previous answer), and be answered within the request timeout of its head;
 * otherwise it is closed. At most {@code maxConnections} are open: a new one over the cap takes the place of the
 * oldest connection that is only waiting (never one whose request is being answered), so that thousands of silent
 * connections cannot keep a real sender out; when every connection is busy the new one is closed at once.
 * Vert.x calls it on the connection's event loop; the set of waiting connections is shared by all event loops.
 */
final class ConnectionGuard {

    private final Vertx vertx;
    private final HttpServerLimits limits;
    private final AtomicInteger open = new AtomicInteger();
    private final Map<HttpConnection, Long> deadlines = new ConcurrentHashMap<>();
    /** Connections waiting for a request, oldest first. */
    private final Set<HttpConnection> waiting = new LinkedHashSet<>();

    ConnectionGuard(Vertx vertx, HttpServerLimits limits) {
        this.vertx = vertx;
        this.limits = limits;
    }

    /** Vert.x's connection handler. */
    void opened(HttpConnection connection) {
        if (open.incrementAndGet() > limits.maxConnections() && !evictOldestWaiting()) {
            open.decrementAndGet();
            connection.close();
            return;
        }
        connection.closeHandler(closed -> {
            open.decrementAndGet();
            cancelDeadline(connection);
            synchronized (waiting) {
                waiting.remove(connection);
            }
        });
        awaitRequest(connection);
    }

    /** Called with each request head, before the router sees it. */
    void requestStarted(HttpServerRequest request) {
        HttpConnection connection = request.connection();
        synchronized (waiting) {
            waiting.remove(connection);
        }
        closeAfter(connection, limits.requestTimeout().toMillis());
        request.response().endHandler(answered -> awaitRequest(connection));
    }

    int openConnections() {
        return open.get();
    }

    private void awaitRequest(HttpConnection connection) {
        synchronized (waiting) {
            waiting.add(connection);
        }
        closeAfter(connection, limits.headerTimeout().toMillis());
    }

    private void closeAfter(HttpConnection connection, long millis) {
        cancelDeadline(connection);
        deadlines.put(connection, vertx.setTimer(millis, fired -> {
            deadlines.remove(connection);
            connection.close();
        }));
    }

    private void cancelDeadline(HttpConnection connection) {
        Long timer = deadlines.remove(connection);
        if (timer != null) {
            vertx.cancelTimer(timer);
        }
    }

    private boolean evictOldestWaiting() {
        HttpConnection oldest;
        synchronized (waiting) {
            Iterator<HttpConnection> first = waiting.iterator();
            if (!first.hasNext()) {
                return false;
            }
            oldest = first.next();
            first.remove();
        }
        // the evicted connection's close handler gives its place back; the new one holds it meanwhile
        open.decrementAndGet();
        oldest.closeHandler(closed -> cancelDeadline(oldest));
        oldest.close();
        return true;
    }
}
