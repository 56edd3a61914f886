package io.camelretool.example.lifecycle;

import org.apache.camel.ProducerTemplate;

/**
 * The renewal route's step ({@code camel/lifecycle.camel.yaml}, bean {@code renewalRound}): one round of
 * {@link InviteRenewals} through the application's {@code retool:invite} endpoints.
 */
public final class RenewalRound {

    private final InviteRenewals renewals;
    private final ProducerTemplate retool;

    public RenewalRound(InviteRenewals renewals, ProducerTemplate retool) {
        this.renewals = renewals;
        this.retool = retool;
    }

    /** Renews the expired invites that are due; @return how many were renewed */
    public int renewDue() {
        return renewals.renewDue(retool);
    }
}
