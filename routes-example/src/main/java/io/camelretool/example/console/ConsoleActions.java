package io.camelretool.example.console;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import io.camelretool.example.ledger.AcceptedBatch;
import io.camelretool.example.ledger.Arrival;
import io.camelretool.example.ledger.AuditTrail;
import io.camelretool.example.ledger.ItemOutcome;
import io.camelretool.example.ledger.LedgerEntry;
import io.camelretool.example.ledger.LedgerQueries;
import io.camelretool.example.ledger.LedgerStatus;
import io.camelretool.example.pipeline.SignupIntake;
import io.camelretool.example.signup.SignupSource;

/**
 * What an operator can do from the console, each through the code the intakes use and each recorded in the audit
 * trail with its outcome. Every action looks at where the rows stand now and acts only on those it applies to, so a
 * second click (or two operators at once) finds nothing left to do and says so.
 */
final class ConsoleActions {

    /** The actions, as the console's forms name them. */
    enum Action {
        REPLAY("replay", "Replay failed people"),
        REPLAY_BATCH("replay-batch", "Replay a batch's failed people"),
        LET_THROUGH("let-through", "Let people over the cap through today"),
        MAKE_REAL("make-real", "Send a dry-run batch's invites for real"),
        ACCEPT_MAIL("accept-mail", "Accept a mail from review"),
        DISCARD_MAIL("discard-mail", "Discard a mail in review"),
        RENEW("renew", "Renew this person's invite"),
        REVOKE("revoke", "Revoke this person's invite"),
        OFFBOARD("offboard", "Offboard this person"),
        READMIT("readmit", "Re-admit this offboarded person");

        final String formName;
        final String title;

        Action(String formName, String title) {
            this.formName = formName;
            this.title = title;
        }

        static Action of(String formName) {
            for (Action action : values()) {
                if (action.formName.equals(formName)) {
                    return action;
                }
            }
            return null;
        }

        /** Whether the action is on one person only (named by the one email of its form). */
        boolean onePerson() {
            return this == RENEW || this == REVOKE || this == OFFBOARD || this == READMIT;
        }
    }

    private static final String DRY_RUN_REFUSAL = "refused: the application runs with DRY_RUN=true, so nothing is "
                                                  + "sent to Retool; restart it with DRY_RUN=false first";

    private final LedgerQueries queries;
    private final AuditTrail audit;
    private final SignupIntake intake;
    private final MailReview mailReview;
    private final PersonActions people;
    private final boolean dryRun;

    ConsoleActions(LedgerQueries queries, AuditTrail audit, SignupIntake intake, MailReview mailReview,
                   PersonActions people, boolean dryRun) {
        this.people = people;
        this.queries = queries;
        this.audit = audit;
        this.intake = intake;
        this.mailReview = mailReview;
        this.dryRun = dryRun;
    }

    /**
     * Does the action and records it; answers its outcome in words.
     *
     * @param invite for a renewal, the invite the operator confirmed renewing; else null
     */
    String perform(String operator, Action action, List<String> emails, String batchId, Long mailUid, Long invite) {
        String target = switch (action) {
            case REPLAY, LET_THROUGH, REVOKE, OFFBOARD, READMIT -> String.join(", ", emails);
            case RENEW -> emails.get(0) + " (invite " + invite + ")";
            case REPLAY_BATCH, MAKE_REAL -> AuditTrail.BATCH_TARGET + batchId;
            case ACCEPT_MAIL, DISCARD_MAIL -> "review mail " + mailUid;
        };
        String outcome;
        try {
            outcome = switch (action) {
                case REPLAY -> restart(operator, queries.entries(emails), LedgerStatus.FAILED, "replay");
                case REPLAY_BATCH -> restart(operator, queries.inBatch(batchId, LedgerStatus.FAILED),
                        LedgerStatus.FAILED, "replay of " + batchId);
                case MAKE_REAL -> dryRun ? DRY_RUN_REFUSAL : restart(operator,
                        queries.inBatch(batchId, LedgerStatus.WOULD_INVITE), LedgerStatus.WOULD_INVITE,
                        "dry run " + batchId + " made real");
                case LET_THROUGH -> letThrough(operator, emails);
                case ACCEPT_MAIL -> mailReview.accept(mailUid);
                case DISCARD_MAIL -> mailReview.discard(mailUid);
                case RENEW -> dryRun ? DRY_RUN_REFUSAL : people.renew(emails.get(0), invite);
                case REVOKE -> dryRun ? DRY_RUN_REFUSAL : people.revoke(emails.get(0), operator);
                case OFFBOARD -> people.offboard(emails.get(0), operator);
                case READMIT -> people.readmit(emails.get(0), operator);
            };
        } catch (Exception failed) {
            outcome = "failed: " + failed.getMessage();
        }
        audit.record(operator, action.formName, target, outcome);
        return outcome;
    }

    /**
     * Hands the rows still in {@code from} to the intake again as one console batch: the ledger restarts them (as
     * for any new signup of a failed or dry-run email), the pipeline invites them, and the batch gets its report.
     * The dead-letter files stay as they are.
     */
    private String restart(String operator, Collection<LedgerEntry> entries, LedgerStatus from, String name) {
        List<Arrival> arrivals = new ArrayList<>();
        for (LedgerEntry entry : entries) {
            if (entry.status() == from) {
                arrivals.add(intake.arrival(arrivals.size() + 1, entry.signup()));
            }
        }
        if (arrivals.isEmpty()) {
            return "nothing to do: none of them is " + from + " now";
        }
        AcceptedBatch accepted = intake.acceptBatch(SignupSource.CONSOLE, name + " by " + operator, arrivals);
        return accepted.count(ItemOutcome.PENDING) + " queued for an invite as batch " + accepted.batch().id()
               + (accepted.count(ItemOutcome.PENDING) < arrivals.size()
                       ? " (" + (arrivals.size() - accepted.count(ItemOutcome.PENDING)) + " had moved on meanwhile)"
                       : "");
    }

    private String letThrough(String operator, List<String> emails) {
        List<String> overCap = queries.entries(emails).stream().filter(entry -> entry.status() == LedgerStatus.OVER_CAP)
                .map(LedgerEntry::emailKey).toList();
        if (overCap.isEmpty()) {
            return "nothing to do: none of them is OVER_CAP now";
        }
        Set<String> queued = queries.letPastCapToday(overCap, operator);
        return queued.size() + " let through today, past the daily cap";
    }
}
