package io.camelretool.example.healing;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.camelretool.component.client.RetoolCallGate.Admission;
import io.camelretool.component.error.RetoolServerException;
import io.camelretool.component.error.RetoolValidationException;
import io.camelretool.example.ledger.MovableClock;
import io.camelretool.example.ledger.WaitingSummary;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The outage as the component's call gate sees it: every attempt goes out while Retool answers; once most recent
 * attempts failed, none does but one trial at a time, at growing intervals; the first trial answered lets everything
 * out again and makes the waiting people due.
 */
class RetoolOutageGateTest {

    private final MovableClock clock = new MovableClock(Instant.parse("2026-12-01T03:00:00Z"));
    private final AtomicInteger recoveries = new AtomicInteger();
    private final RetoolOutage outage = new RetoolOutage(Duration.ofSeconds(5), Duration.ofSeconds(60), clock,
            () -> new WaitingSummary(3, 0, 0, null, null, Map.of()), recoveries::incrementAndGet,
            "https://example.retool.com");

    @Test
    void afterFourOfTheLastSixAttemptsFailedNothingGoesOutButOneTrialWhenAProbeIsDue() {
        attempts(2, null);
        attempts(3, serverError());
        assertThat(outage.admit("POST", "/api/v2/user_invites")).isEqualTo(Admission.ADMITTED);
        outage.attempted(Admission.ADMITTED, serverError());

        // a hundred calls queued or retried when the outage began: none goes out
        for (int i = 0; i < 100; i++) {
            assertThat(outage.admit("POST", "/api/v2/user_invites")).isEqualTo(Admission.REFUSED);
        }
        clock.advance(Duration.ofSeconds(5));
        assertThat(outage.admit("GET", "/api/v2/user_attributes")).isEqualTo(Admission.TRIAL);
        assertThat(outage.admit("GET", "/api/v2/user_attributes")).as("a second trial while one is out")
                .isEqualTo(Admission.REFUSED);
        outage.attempted(Admission.TRIAL, serverError());

        // the next trial waits twice as long
        clock.advance(Duration.ofSeconds(9));
        assertThat(outage.admit("GET", "/api/v2/user_attributes")).isEqualTo(Admission.REFUSED);
        clock.advance(Duration.ofSeconds(1));
        assertThat(outage.admit("GET", "/api/v2/user_attributes")).isEqualTo(Admission.TRIAL);
        assertThat(outage.state()).hasValueSatisfying(state -> assertThat(state.probes()).isEqualTo(1));
    }

    @Test
    void theFirstTrialRetoolAnswersEvenWithARefusalEndsTheOutageAndMakesTheWaitingDue() {
        attempts(4, serverError());
        assertThat(outage.holdsBack()).isTrue();
        clock.advance(Duration.ofSeconds(5));
        assertThat(outage.admit("GET", "/api/v2/user_attributes")).isEqualTo(Admission.TRIAL);

        outage.attempted(Admission.TRIAL, new RetoolValidationException("refused", 400, null, "GET", "/x", null));

        assertThat(outage.holdsBack()).isFalse();
        assertThat(recoveries).hasValue(1);
        assertThat(outage.admit("POST", "/api/v2/user_invites")).isEqualTo(Admission.ADMITTED);
    }

    @Test
    void lateAnswersToAttemptsSentBeforeTheOutageDoNotEndIt() {
        attempts(4, serverError());
        outage.attempted(Admission.ADMITTED, null);

        assertThat(outage.holdsBack()).isTrue();
        assertThat(outage.admit("POST", "/api/v2/user_invites")).isEqualTo(Admission.REFUSED);
    }

    @Test
    void refusalsAndRareFailuresDoNotHoldBack() {
        for (int i = 0; i < 20; i++) {
            outage.attempted(Admission.ADMITTED, new RetoolValidationException("refused", 422, null, "POST", "/x",
                    null));
            outage.attempted(Admission.ADMITTED, i % 3 == 0 ? serverError() : null);
        }
        assertThat(outage.holdsBack()).isFalse();
    }

    @Test
    void aTrialWhoseOutcomeNeverCameIsReplacedAfterItsPatience() {
        attempts(4, serverError());
        clock.advance(Duration.ofSeconds(5));
        assertThat(outage.admit("GET", "/api/v2/user_attributes")).isEqualTo(Admission.TRIAL);

        clock.advance(RetoolOutage.TRIAL_PATIENCE);

        assertThat(outage.admit("GET", "/api/v2/user_attributes")).isEqualTo(Admission.TRIAL);
    }

    private void attempts(int count, RetoolServerException failure) {
        for (int i = 0; i < count; i++) {
            assertThat(outage.admit("POST", "/api/v2/user_invites")).isEqualTo(Admission.ADMITTED);
            outage.attempted(Admission.ADMITTED, failure);
        }
    }

    private static RetoolServerException serverError() {
        return new RetoolServerException("Retool failed to answer the request", 503, null, "POST",
                "/api/v2/user_invites", null);
    }
}
