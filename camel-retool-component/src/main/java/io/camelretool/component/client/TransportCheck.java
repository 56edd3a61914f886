package io.camelretool.component.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * Tells, before the first call to a base URL, whether its port speaks the scheme the URL names. An https URL answered
 * by a plain http server would otherwise wait for a TLS handshake that never comes until the connect timeout, and an
 * http URL answered by a TLS server fails with an empty answer; both are a wrong base URL, said at once with a hint.
 * Only a positive finding fails: a port that cannot be reached, or answers in a way not understood, is left to the
 * real call to report.
 */
public final class TransportCheck {

    /** How long a TLS server may take to answer a handshake before the plain-http question is asked. */
    private static final int HANDSHAKE_WAIT_MILLIS = 3_000;

    /** What a probe learned; only a certain answer leads to a finding. */
    private enum Answer { YES, NO, UNKNOWN }

    private TransportCheck() {
    }

    /** Runs the check on a thread of its own (it blocks on sockets) and completes with the finding, if any. */
    public static CompletableFuture<Optional<String>> run(URI baseUri, SSLContext tls, int connectTimeoutMillis) {
        Executor ownThread = task -> {
            Thread thread = new Thread(task, "retool-transport-check");
            thread.setDaemon(true);
            thread.start();
        };
        return CompletableFuture.supplyAsync(() -> mismatch(baseUri, tls, connectTimeoutMillis), ownThread);
    }

    /** What is wrong with the scheme of {@code baseUri}, said for a user; empty when nothing certain was found. */
    static Optional<String> mismatch(URI baseUri, SSLContext tls, int connectTimeoutMillis) {
        boolean https = "https".equalsIgnoreCase(baseUri.getScheme());
        int port = baseUri.getPort() > 0 ? baseUri.getPort() : https ? 443 : 80;
        InetSocketAddress address = new InetSocketAddress(baseUri.getHost(), port);
        String where = baseUri.getHost() + ":" + port;
        if (https) {
            return speaksTls(address, tls, connectTimeoutMillis) != Answer.NO
                   || speaksPlainHttp(address, connectTimeoutMillis) != Answer.YES
                    ? Optional.empty()
                    : Optional.of("The base URL " + baseUri + " names https, but " + where + " answers in plain "
                                  + "http: use http:// (with allowInsecureHttp=true beyond loopback addresses), or "
                                  + "the port where Retool serves https");
        }
        return speaksPlainHttp(address, connectTimeoutMillis) != Answer.NO
               || speaksTls(address, trustingAnyone(), connectTimeoutMillis) != Answer.YES
                ? Optional.empty()
                : Optional.of("The base URL " + baseUri + " names http, but " + where + " speaks TLS: use https://");
    }

    /**
     * Whether a TLS handshake completes. A handshake refused for the certificate still proves TLS; one answered with
     * something that is not TLS, or not answered at all, does not.
     */
    private static Answer speaksTls(InetSocketAddress address, SSLContext tls, int connectTimeoutMillis) {
        try (SSLSocket socket = (SSLSocket) tls.getSocketFactory().createSocket()) {
            try {
                socket.connect(address, connectTimeoutMillis);
            } catch (IOException unreachable) {
                return Answer.UNKNOWN;
            }
            socket.setSoTimeout(Math.min(connectTimeoutMillis, HANDSHAKE_WAIT_MILLIS));
            socket.startHandshake();
            return Answer.YES;
        } catch (SSLException refused) {
            String message = String.valueOf(refused.getMessage()).toLowerCase(Locale.ROOT);
            return message.contains("unrecognized ssl message") || message.contains("plaintext") ? Answer.NO
                    : Answer.YES;
        } catch (IOException silentOrClosed) {
            // connected, then no handshake: silence until the wait ended, or the connection closed
            return Answer.NO;
        }
    }

    /**
     * Whether a plain http request is answered in http as a server of plain http answers it. A TLS server that answers
     * plain requests with "The plain HTTP request was sent to HTTPS port" (nginx, Cloudflare) does not count.
     */
    private static Answer speaksPlainHttp(InetSocketAddress address, int connectTimeoutMillis) {
        try (Socket socket = new Socket()) {
            try {
                socket.connect(address, connectTimeoutMillis);
            } catch (IOException unreachable) {
                return Answer.UNKNOWN;
            }
            socket.setSoTimeout(Math.min(connectTimeoutMillis, HANDSHAKE_WAIT_MILLIS));
            OutputStream out = socket.getOutputStream();
            out.write(("GET / HTTP/1.1\r\nHost: " + address.getHostString() + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            byte[] answer = answerStart(socket.getInputStream());
            String text = new String(answer, StandardCharsets.ISO_8859_1);
            if (text.startsWith("HTTP/")) {
                return text.toLowerCase(Locale.ROOT).contains("https port") ? Answer.NO : Answer.YES;
            }
            // closed without a word, or a TLS record (an alert): not plain http
            return answer.length == 0 || answer[0] == 0x15 || answer[0] == 0x16 ? Answer.NO : Answer.UNKNOWN;
        } catch (IOException cut) {
            return Answer.NO;
        }
    }

    /** Up to 2 KB of the answer: what came before the server closed, or before it went quiet. */
    private static byte[] answerStart(InputStream in) throws IOException {
        byte[] buffer = new byte[2048];
        int length = 0;
        try {
            for (int read; length < buffer.length && (read = in.read(buffer, length, buffer.length - length)) > 0; ) {
                length += read;
            }
        } catch (SocketTimeoutException quiet) {
            // a server keeping the connection open has said what it had to say
        }
        return java.util.Arrays.copyOf(buffer, length);
    }

    /** For the question "does it speak TLS" only: no request is ever sent over a connection made with it. */
    private static SSLContext trustingAnyone() {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] { new X509TrustManager() {
                @Override
                public void checkClientTrusted(X509Certificate[] chain, String authType) {
                    // never a client here
                }

                @Override
                public void checkServerTrusted(X509Certificate[] chain, String authType) {
                    // the handshake only proves the port speaks TLS; nothing is sent over it
                }

                @Override
                public X509Certificate[] getAcceptedIssuers() {
                    return new X509Certificate[0];
                }
            } }, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The JDK offers no TLS context", e);
        }
    }
}
