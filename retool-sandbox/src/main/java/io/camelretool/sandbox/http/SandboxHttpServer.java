package io.camelretool.sandbox.http;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.ssl.SSLContext;

/**
 * The JDK's HTTP server on the loopback interface, with {@code /api} and {@code /_sandbox} mounted and a fixed
 * pool of daemon threads, so that a sandbox a test forgets to close never keeps the JVM alive.
 */
public final class SandboxHttpServer implements AutoCloseable {

    private static final int THREADS = 32;
    private static final int BACKLOG = 1024;

    static {
        // Without TCP_NODELAY, a keep-alive client waits for a delayed ACK between the answer's header and body
        // segments: about 40 ms a call. The JDK server reads this property once, when its configuration loads.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final HttpServer server;
    private final ExecutorService executor;

    private SandboxHttpServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /**
     * @param port 0 for any free port
     * @param tls  the server's TLS context for https, or {@code null} for plain http
     * @throws UncheckedIOException naming the port when it cannot be bound
     */
    public static SandboxHttpServer start(int port, HttpHandler api, HttpHandler admin, SSLContext tls) {
        HttpServer server;
        try {
            InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
            if (tls == null) {
                server = HttpServer.create(address, BACKLOG);
            } else {
                HttpsServer https = HttpsServer.create(address, BACKLOG);
                https.setHttpsConfigurator(new HttpsConfigurator(tls));
                server = https;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("retool-sandbox cannot listen on 127.0.0.1:" + port + ": "
                    + e.getMessage(), e);
        }
        ExecutorService executor = Executors.newFixedThreadPool(THREADS, daemonThreads());
        server.setExecutor(executor);
        server.createContext("/api/", api);
        server.createContext("/_sandbox/", admin);
        server.createContext("/", exchange -> {
            HttpExchanges.send(exchange, ApiResponse.error(404, "Not found: the Retool API lives under /api/v2"
                    + " and /api/embed-url; the sandbox's controls under /_sandbox"));
            exchange.close();
        });
        server.start();
        return new SandboxHttpServer(server, executor);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "retool-sandbox-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
