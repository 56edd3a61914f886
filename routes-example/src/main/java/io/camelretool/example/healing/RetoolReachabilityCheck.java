package io.camelretool.example.healing;

import java.util.Map;

import io.camelretool.example.ledger.Ledger;
import io.camelretool.example.ledger.WaitingSummary;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * Readiness as the operator needs it during a Retool outage: "Retool unreachable since ..., N people waiting". The
 * check stays UP through an outage, because the application is still ready for what readiness guards (its intakes
 * accept signups durably, and a load balancer must keep sending webhooks); it is DOWN when the answers are not the
 * Retool API and never were since the start: a wrong base URL, a configuration error that needs a human.
 */
public final class RetoolReachabilityCheck extends AbstractHealthCheck {

    private final RetoolOutage outage;
    private final Ledger ledger;

    public RetoolReachabilityCheck(RetoolOutage outage, Ledger ledger) {
        super("application", "retool-reachability");
        this.outage = outage;
        this.ledger = ledger;
    }

    @Override
    public boolean isLiveness() {
        // Retool being away does not make this process need a restart
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        WaitingSummary waiting = ledger.waitingSummary();
        builder.detail("people.waiting", waiting.people());
        builder.detail("people.waiting.after.failure", waiting.waiting());
        outage.state().ifPresentOrElse(state -> {
            builder.detail("retool.unreachable.since", state.since().toString());
            builder.detail("retool.next.probe.at", state.nextProbeAt().toString());
            String message = "Retool unreachable since " + state.since() + ", " + waiting.people()
                             + " people waiting: " + state.reason();
            if (state.misconfigured()) {
                builder.message("Retool's base URL answers with pages that are not the Retool API (check "
                                + "RETOOL_BASE_URL); " + message).down();
            } else {
                builder.message(message).up();
            }
        }, () -> builder.message(waiting.waiting() == 0 ? "Retool reachable"
                : "Retool reachable; " + waiting.waiting() + " people waiting for a next attempt: "
                  + waiting.latestReason()).up());
    }
}
