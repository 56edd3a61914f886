package io.camelretool.component.client;

import java.net.URI;
import java.net.http.HttpClient;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import io.camelretool.component.error.RetoolException;
import io.camelretool.component.error.RetoolHeldBackException;
import io.camelretool.component.error.RetoolRateLimitedException;
import io.camelretool.component.metrics.RetoolMetrics;
import io.camelretool.sandbox.junit.RetoolSandboxExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The client asks its call gate before every HTTP attempt, retries included, and tells it every outcome: a refused
 * attempt fails at once with RetoolHeldBackException and Retool receives nothing.
 */
class CallGateTest {

    @RegisterExtension
    static RetoolSandboxExtension retool = RetoolSandboxExtension.business();

    /** A gate that refuses once told to, and keeps every outcome it was told. */
    private static final class RecordingGate implements RetoolCallGate {
        final AtomicBoolean refusing = new AtomicBoolean();
        final List<String> outcomes = new CopyOnWriteArrayList<>();

        @Override
        public Admission admit(String method, String path) {
            return refusing.get() ? Admission.REFUSED : Admission.ADMITTED;
        }

        @Override
        public void attempted(Admission admission, RetoolException failure) {
            outcomes.add(failure == null ? "answered" : String.valueOf(failure.getStatus()));
            if (failure != null) {
                refusing.set(true);
            }
        }
    }

    private final RecordingGate gate = new RecordingGate();

    @AfterEach
    void clearFaults() {
        retool.sandbox().faults().clear();
    }

    private RetoolClient client(int maxRetries) {
        return new RetoolClient(HttpClient.newHttpClient(), URI.create(retool.baseUrl()), retool.apiKey(),
                RequestRateLimiter.perMinute(0), 10_000, maxRetries,
                () -> CompletableFuture.completedFuture(Optional.empty()), RetoolMetrics.NONE, gate);
    }

    @Test
    void aRetryTheGateRefusesIsNotSentAndTheCallFailsAsHeldBack() {
        retool.sandbox().faults().rateLimitedRate(1.0);
        RetoolClient client = client(5);

        assertThatThrownBy(() -> client.createInvite("held@example.com", List.of(), Map.of()).join())
                .hasCauseInstanceOf(RetoolHeldBackException.class);

        // the first 429 was told to the gate, which then refused the retry: one request in all
        assertThat(gate.outcomes).containsExactly("429");
        assertThat(retool.sandbox().requests()).hasSize(1);
    }

    @Test
    void everyAttemptThatWentOutIsToldToTheGateAnswersAndRefusalsAlike() {
        RetoolClient client = client(0);
        client.createInvite("told@example.com", List.of(), Map.of()).join();
        retool.sandbox().faults().rateLimitedRate(1.0);

        assertThatThrownBy(() -> client.createInvite("told2@example.com", List.of(), Map.of()).join())
                .hasCauseInstanceOf(RetoolRateLimitedException.class);
        assertThatThrownBy(() -> client.listInvites().join()).hasCauseInstanceOf(RetoolHeldBackException.class);

        assertThat(gate.outcomes).containsExactly("answered", "429");
        assertThat(retool.sandbox().requests()).hasSize(2);
    }
}
