package io.camelretool.example.pipeline;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import io.camelretool.component.model.InviteResult;
import io.camelretool.example.ledger.Ledger;
import io.camelretool.example.ledger.LedgerEntry;
import io.camelretool.example.ledger.LedgerStatus;
import io.camelretool.example.policy.SignupPolicy;
import org.apache.camel.Exchange;
import org.apache.camel.InvalidPayloadException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The steps around the invite call for one ledger row: look it up, apply the policy, claim it ({@code SENDING} is
 * written before the call), and record the outcome after it. The route between {@link #prepare} and
 * {@link #recordInvite} is a plain {@code retool:invite}.
 */
public final class InvitePipeline {

    /** Exchange property: the email key the exchange works on. */
    public static final String EMAIL_KEY = "signupEmailKey";
    /** Exchange property: true when {@link #prepare} left an invite request in the body for this node to send. */
    public static final String SEND = "signupSendInvite";
    /** Exchange property: an {@code AtomicBoolean} set when a row of the page had to be left for a later poll. */
    public static final String ROW_LEFT = "signupRowLeft";

    private static final Logger LOG = LoggerFactory.getLogger(InvitePipeline.class);

    private final Ledger ledger;
    private final SignupPolicy policy;

    public InvitePipeline(Ledger ledger, SignupPolicy policy) {
        this.ledger = ledger;
        this.policy = policy;
    }

    /** Body: an email key from the ledger's waiting list. Leaves the invite request in the body, or nothing to send. */
    public void prepare(Exchange exchange) throws InvalidPayloadException {
        String key = exchange.getMessage().getMandatoryBody(String.class);
        exchange.setProperty(EMAIL_KEY, key);
        exchange.setProperty(SEND, false);
        Optional<LedgerEntry> found = ledger.find(key).filter(this::isWaiting);
        if (found.isEmpty()) {
            return;
        }
        LedgerEntry entry = found.get();
        SignupPolicy.Decision decision = policy.decide(entry, ledger::externalSeatsClaimedToday);
        if (decision instanceof SignupPolicy.Hold hold) {
            if (ledger.settle(key, entry.status(), hold.status(), null, null, hold.reason())) {
                logOutcome(entry, hold.status(), hold.reason());
            }
            return;
        }
        // the conditional claim decides between nodes (or a sweep and a fresh poll) reaching the row at once
        if (ledger.claim(key, entry.status())) {
            exchange.getMessage().setBody(((SignupPolicy.Invite) decision).request());
            exchange.setProperty(SEND, true);
        }
    }

    /** Still waiting when this exchange reaches it: received, or over the cap on an earlier day. */
    private boolean isWaiting(LedgerEntry entry) {
        return entry.status() == LedgerStatus.RECEIVED || entry.status() == LedgerStatus.OVER_CAP
                                                          && entry.updatedAt().isBefore(ledger.startOfToday());
    }

    /** Body: the {@link InviteResult} of {@code retool:invite}. */
    public void recordInvite(Exchange exchange) throws InvalidPayloadException {
        String key = exchange.getProperty(EMAIL_KEY, String.class);
        InviteResult result = exchange.getMessage().getMandatoryBody(InviteResult.class);
        LedgerStatus status = switch (result.status()) {
            case INVITED -> LedgerStatus.INVITED;
            case ALREADY_INVITED -> LedgerStatus.ALREADY_INVITED;
            case ALREADY_USER -> LedgerStatus.ALREADY_USER;
            case WOULD_INVITE -> LedgerStatus.WOULD_INVITE;
            case FAILED, REVOKED -> LedgerStatus.FAILED;
        };
        if (status == LedgerStatus.ALREADY_INVITED && ledger.find(key).map(LedgerEntry::attempts).orElse(0) > 1) {
            // an earlier attempt at this row may have created it and lost the answer: it counts as this row's invite
            status = LedgerStatus.INVITED;
        }
        Long inviteId = result.inviteId() == null ? null : result.inviteId().longValue();
        // a call that outlived the reconcile grace finds its row put back to RECEIVED; its answer still counts
        LedgerStatus outcome = status;
        boolean recorded = ledger.settle(key, LedgerStatus.SENDING, outcome, inviteId, result.expiresAt(),
                result.error());
        if (!recorded) {
            recorded = ledger.settle(key, LedgerStatus.RECEIVED, outcome, inviteId, result.expiresAt(),
                    result.error());
        }
        if (recorded) {
            ledger.find(key).ifPresent(entry -> logOutcome(entry, outcome,
                    inviteId == null ? null : "invite " + inviteId));
        }
    }

    /** The invite call failed after the component's retries: the row is parked as FAILED with the reason. */
    public void recordFailure(Exchange exchange) {
        String key = exchange.getProperty(EMAIL_KEY, String.class);
        Exception failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        String reason = failure == null ? "the invite call failed without a reason" : failure.getMessage();
        if (ledger.settle(key, LedgerStatus.SENDING, LedgerStatus.FAILED, null, null, reason)) {
            ledger.find(key).ifPresent(entry -> logOutcome(entry, LedgerStatus.FAILED, reason));
        }
    }

    /**
     * A step failed in a way that says nothing about the signup (the ledger unreachable, say): the row stays as it
     * is, the other rows go on, and a later poll takes it up again.
     */
    public void leaveForLater(Exchange exchange) {
        Exception failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        LOG.warn("{} left for a later poll: {}", exchange.getMessage().getBody(),
                failure == null ? "unknown failure" : failure.getMessage());
        AtomicBoolean rowLeft = exchange.getProperty(ROW_LEFT, AtomicBoolean.class);
        if (rowLeft != null) {
            rowLeft.set(true);
        }
    }

    /** One line per outcome; the invite link stays out of the log. */
    private static void logOutcome(LedgerEntry entry, LedgerStatus status, String detail) {
        String line = "{} {} ({} {}): {}{}";
        Object[] values = { entry.emailKey(), entry.userClass(), entry.signup().source(), entry.signup().sourceRef(),
            status, detail == null ? "" : " - " + detail };
        if (status == LedgerStatus.FAILED) {
            LOG.warn(line, values);
        } else {
            LOG.info(line, values);
        }
    }
}
