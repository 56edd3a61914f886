package io.camelretool.example.console;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The console's logged-in sessions, in this node's memory: a random token in an HttpOnly cookie names one, with its
 * user and its CSRF token. A session ends at logout, after {@code CONSOLE_SESSION_IDLE_MINUTES} without a request,
 * and at the latest {@link #MAX_AGE} after login. (Several nodes behind one address need sticky sessions.)
 */
final class Sessions {

    /** One logged-in user. */
    static final class Session {
        final String user;
        final String csrf;
        final Instant created;
        volatile Instant lastSeen;
        /** The outcome of the last action, shown once on the next page. */
        volatile String flash;

        Session(String user, String csrf, Instant created) {
            this.user = user;
            this.csrf = csrf;
            this.created = created;
            this.lastSeen = created;
        }

        /** Constant-time comparison: the token must not be guessable byte by byte from answer times. */
        boolean csrfMatches(String token) {
            return token != null && MessageDigest.isEqual(csrf.getBytes(StandardCharsets.UTF_8),
                    token.getBytes(StandardCharsets.UTF_8));
        }
    }

    static final Duration MAX_AGE = Duration.ofHours(12);
    private static final int MAX_SESSIONS = 1000;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, Session> byToken = new ConcurrentHashMap<>();
    private final Duration idle;
    private final Clock clock;

    Sessions(Duration idle, Clock clock) {
        this.idle = idle;
        this.clock = clock;
    }

    /** @return the new session's cookie token */
    String open(String user) {
        Instant now = clock.instant();
        byToken.values().removeIf(session -> expired(session, now));
        if (byToken.size() >= MAX_SESSIONS) {
            // the oldest goes: a flood of logins by one user must not grow the map without end
            byToken.entrySet().stream().min((a, b) -> a.getValue().created.compareTo(b.getValue().created))
                    .ifPresent(oldest -> byToken.remove(oldest.getKey()));
        }
        String token = randomToken();
        byToken.put(token, new Session(user, randomToken(), now));
        return token;
    }

    /** The live session of this token; touching it keeps it alive. */
    Optional<Session> find(String token) {
        if (token == null) {
            return Optional.empty();
        }
        Session session = byToken.get(token);
        Instant now = clock.instant();
        if (session == null) {
            return Optional.empty();
        }
        if (expired(session, now)) {
            byToken.remove(token);
            return Optional.empty();
        }
        session.lastSeen = now;
        return Optional.of(session);
    }

    void close(String token) {
        if (token != null) {
            byToken.remove(token);
        }
    }

    private boolean expired(Session session, Instant now) {
        return session.lastSeen.plus(idle).isBefore(now) || session.created.plus(MAX_AGE).isBefore(now);
    }

    static String randomToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
