package io.camelretool.component.client;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import io.camelretool.component.error.RetoolPermissionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether this organisation's plan and key may look users up ({@code GET /api/v2/users}), learned from the look-ups
 * themselves and shared by every endpoint of the organisation (one gate per base URL and key). On Business the first
 * look-up is refused with a 403; the gate then answers "refused" without a call until {@code recheckMillis} have
 * passed, when one look-up asks again, so an upgrade to Enterprise takes effect without a restart. While it does not
 * know (at the start, or when the refusal is due to be asked again) only one look-up goes out; callers arriving
 * meanwhile wait for its answer instead of asking in a burst.
 */
public final class UserLookupGate {

    private static final Logger LOG = LoggerFactory.getLogger(UserLookupGate.class);

    private final LongSupplier clockMillis;
    private boolean allowed;
    private long refusedAtMillis;
    private RetoolPermissionException refusal;
    /** The look-up that is asking for everyone; completes true (allowed), false (refused) or failed (no answer). */
    private CompletableFuture<Boolean> probe;

    public UserLookupGate() {
        this(System::currentTimeMillis);
    }

    UserLookupGate(LongSupplier clockMillis) {
        this.clockMillis = clockMillis;
    }

    /**
     * Runs the look-up if the plan allows it: its answer, or empty when the plan refuses look-ups.
     *
     * @param recheckMillis how long a refusal is believed before one look-up asks again (each caller's own interval
     *                      counts from the one refusal)
     */
    public <T> CompletableFuture<Optional<T>> lookUp(Supplier<CompletableFuture<T>> call, long recheckMillis) {
        CompletableFuture<Boolean> waitFor;
        CompletableFuture<Boolean> ownProbe = null;
        synchronized (this) {
            long now = clockMillis.getAsLong();
            if (allowed) {
                waitFor = null;
            } else if (refusal != null && now - refusedAtMillis < recheckMillis) {
                return CompletableFuture.completedFuture(Optional.empty());
            } else if (probe != null) {
                waitFor = probe;
            } else {
                ownProbe = new CompletableFuture<>();
                probe = ownProbe;
                waitFor = null;
            }
        }
        if (waitFor != null) {
            // whatever the probe learnt (or failed to), the decision is taken again with what is known now
            return waitFor.handle((known, failure) -> null).thenCompose(ignored -> lookUp(call, recheckMillis));
        }
        CompletableFuture<Boolean> asking = ownProbe;
        return call.get().handle((answer, failure) -> {
            if (failure == null) {
                learn(true, null, recheckMillis, asking);
                return Optional.of(answer);
            }
            Throwable cause = Futures.unwrap(failure);
            if (cause instanceof RetoolPermissionException refused) {
                learn(false, refused, recheckMillis, asking);
                return Optional.<T> empty();
            }
            settleProbe(asking, cause);
            throw new CompletionException(cause);
        });
    }

    /**
     * The refusal Retool gave, for callers that need an account and must say why there is none; null if none. It is
     * told again for the caller's own request: the refusal learnt came from another caller's look-up, whose path
     * names that caller's person, and must never reach this one's answer, log or ledger.
     *
     * @param method the caller's request method
     * @param path   the caller's request path, with its query
     */
    public RetoolPermissionException refusal(String method, String path) {
        RetoolPermissionException learnt;
        synchronized (this) {
            learnt = allowed ? null : refusal;
        }
        if (learnt == null) {
            return null;
        }
        return RetoolErrors.permission(learnt.getStatus(), personNeutral(learnt), method, path);
    }

    /** Retool's message of the refusal learnt, unless it repeats that request's query (its person): then none. */
    private static String personNeutral(RetoolPermissionException learnt) {
        String message = learnt.getRetoolMessage();
        String path = learnt.getPath();
        int query = path == null ? -1 : path.indexOf('?');
        if (message == null || query < 0) {
            return message;
        }
        String asked = path.substring(query + 1);
        String value = asked.substring(asked.indexOf('=') + 1);
        String decoded = URLDecoder.decode(value, StandardCharsets.UTF_8);
        boolean namesThePerson = !value.isEmpty() && (message.contains(value) || message.contains(decoded));
        return namesThePerson ? null : message;
    }

    private void learn(boolean lookUpsAllowed, RetoolPermissionException refused, long recheckMillis,
                       CompletableFuture<Boolean> asking) {
        boolean changed;
        synchronized (this) {
            changed = allowed != lookUpsAllowed || (refused != null && refusal == null);
            allowed = lookUpsAllowed;
            if (refused != null) {
                refusal = refused;
                refusedAtMillis = clockMillis.getAsLong();
            }
            if (probe == asking) {
                probe = null;
            }
        }
        if (changed) {
            if (lookUpsAllowed) {
                LOG.info("This Retool plan and key can look users up; emails are checked against accounts too");
            } else {
                LOG.info("This Retool plan or key cannot look users up; asking again in {} s", recheckMillis / 1000);
            }
        }
        if (asking != null) {
            asking.complete(lookUpsAllowed);
        }
    }

    private void settleProbe(CompletableFuture<Boolean> asking, Throwable cause) {
        if (asking == null) {
            return;
        }
        synchronized (this) {
            if (probe == asking) {
                probe = null;
            }
        }
        asking.completeExceptionally(cause);
    }
}
