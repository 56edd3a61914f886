package io.camelretool.example.access;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.camelretool.component.RetoolConstants;
import io.camelretool.component.error.RetoolNotFoundException;
import io.camelretool.component.error.RetoolPermissionException;
import io.camelretool.component.model.BulkInviteSummary;
import io.camelretool.example.intake.LogText;
import io.camelretool.example.ledger.AccessLedger;
import io.camelretool.example.ledger.Ledger;
import io.camelretool.example.ledger.LedgerEntry;
import io.camelretool.example.ledger.LedgerStatus;
import io.camelretool.example.ledger.PersonAccess;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes a person's access away. The intent (who asked, when, from which status) is committed first; then, in
 * Retool, their pending invites are revoked, an account they may have is marked with {@code OFFBOARD_ATTRIBUTE} and,
 * where the plan and key allow it (Enterprise), disabled. Every step may be done again, so an offboarding stopped
 * part way (a crash, Retool down) is finished by {@link #finishLeftBehind} with the same result.
 */
public final class Offboarding {

    static final String REVOKE = "retool:invite?inviteAction=revoke";
    static final String MARK = "retool:attributes?target=user&createMissingDefinitions=true";
    static final String DISABLE = "retool:user";
    static final String UNMARK = "retool:attributes?target=user&attributesAction=delete";
    /**
     * Statuses after which the person may have a Retool account: invited (they may have joined since the last read of
     * Retool's invites), with an account, JOINED (their account is known), VANISHED (the invite may have been
     * accepted).
     */
    private static final Set<LedgerStatus> MAY_HAVE_ACCOUNT = Set.of(LedgerStatus.INVITED, LedgerStatus.ALREADY_INVITED,
            LedgerStatus.ALREADY_USER, LedgerStatus.JOINED, LedgerStatus.VANISHED);
    private static final Logger LOG = LoggerFactory.getLogger(Offboarding.class);
    /** An intent this old is the sweeper's: younger ones may still be under way in the API call that made them. */
    static final Duration SWEEP_GRACE = Duration.ofSeconds(5);

    /** What became of a request to offboard someone. */
    public record Result(AccessLedger.Start start, Optional<PersonAccess> person) {
    }

    private final Ledger ledger;
    private final AccessLedger access;
    private final ProducerTemplate retool;
    private final Map.Entry<String, String> attribute;
    private final Clock clock;
    /** The people this node is offboarding right now, so the sweeper does not take up an offboarding under way. */
    private final Set<String> underWay = ConcurrentHashMap.newKeySet();

    /** @param attribute the attribute set on an offboarded account; null for none */
    public Offboarding(Ledger ledger, ProducerTemplate retool, Map.Entry<String, String> attribute, Clock clock) {
        this.ledger = ledger;
        this.access = ledger.access();
        this.retool = retool;
        this.attribute = attribute;
        this.clock = clock;
    }

    /**
     * Offboards a person: records the intent, then takes their access away in Retool. When Retool cannot be reached
     * the person stays OFFBOARDING (already refused Embed sessions) and is finished later. The one entry point for a
     * caller offboarding one person (the admin API, the console's per-person action); CSV and webhook removals record
     * their intents with their batch and are finished by {@link #finishLeftBehind}.
     *
     * @param by who or what asks, for the record
     */
    public Result offboard(String emailKey, String by, String reason) {
        AccessLedger.Start start = access.startOffboarding(emailKey, by, reason);
        if (start == AccessLedger.Start.STARTED) {
            LOG.info("{}: offboarding asked by {}", emailKey, LogText.of(by));
            finish(emailKey);
        }
        return new Result(start, access.find(emailKey));
    }

    /** What became of a request to re-admit someone. */
    public enum Readmission {
        /** The row starts over at RECEIVED; the pipeline invites them again. */
        READMITTED,
        /** Not offboarded (or the offboarding is still under way): nothing to re-admit. */
        NOT_OFFBOARDED,
        /** The ledger does not know the person. */
        UNKNOWN
    }

    /**
     * Lets an offboarded person in again, because an operator asked (the admin API, the console): the mark
     * {@code OFFBOARD_ATTRIBUTE} is taken off their account where it can be reached, then their row starts over at
     * RECEIVED, so the pipeline decides and invites them like a new signup. Retool has no call to enable a disabled
     * account: the note says so, for an admin to do in Retool's settings.
     *
     * @param by who asks, for the record
     */
    public Readmission readmit(String emailKey, String by) {
        Optional<PersonAccess> person = access.find(emailKey);
        if (person.isEmpty()) {
            return Readmission.UNKNOWN;
        }
        if (person.get().status() != LedgerStatus.OFFBOARDED) {
            return Readmission.NOT_OFFBOARDED;
        }
        String note = unmark(person.get());
        if (!access.readmit(emailKey, by, note)) {
            return Readmission.NOT_OFFBOARDED;
        }
        LOG.info("{}: re-admitted by {}{}", emailKey, LogText.of(by), note == null ? "" : ": " + note);
        return Readmission.READMITTED;
    }

    /**
     * Takes the offboarding mark off the account; what is left for an admin to do, or null for nothing. An offboarding
     * that reached no account ({@code accountActive} null: none found, or only a pending invite revoked while the
     * plan refused the look-up) set no mark, so there is none to take off and none to ask an admin about.
     */
    private String unmark(PersonAccess person) {
        String disabled = Boolean.FALSE.equals(person.accountActive()) ? "the account " + (person.userId() == null
                ? "" : person.userId() + " ") + "stays disabled: enable it in Retool's settings" : null;
        if (attribute == null || !MAY_HAVE_ACCOUNT.contains(person.offboardedFrom())
            || person.accountActive() == null) {
            return disabled;
        }
        Exchange unmarked = retool.request(UNMARK, exchange -> {
            if (person.userId() != null) {
                exchange.getMessage().setHeader(RetoolConstants.USER_ID, person.userId());
            } else {
                exchange.getMessage().setHeader(RetoolConstants.EMAIL, person.emailKey());
            }
            exchange.getMessage().setBody(List.of(attribute.getKey()));
        });
        Exception failure = unmarked.getException();
        if (failure == null || failure instanceof RetoolNotFoundException) {
            return disabled;
        }
        String mark = attribute.getKey() + "=" + attribute.getValue();
        // by email on a plan that refuses look-ups: the offboarding's own marking met the same refusal, unless the
        // plan changed since, so whether the account carries the mark is not known here
        String left = failure instanceof RetoolPermissionException && person.userId() == null
                ? "the account of " + person.emailKey() + " could not be looked up (" + failure.getMessage()
                  + "): if it carries the mark " + mark + ", remove it in Retool"
                : "the mark " + mark + " could not be taken off (" + failure.getMessage() + "): remove it in Retool";
        return disabled == null ? left : left + "; " + disabled;
    }

    /** The person's access record, as it stands. */
    public Optional<PersonAccess> person(String emailKey) {
        return access.find(emailKey);
    }

    /**
     * The sweeper's step ({@code camel/offboarding.camel.yaml}): finishes the offboardings recorded but not done,
     * those a CSV row or a webhook item with {@code action} {@code remove} asked for and those a crash or an
     * unreachable Retool left part way, once they are {@link #SWEEP_GRACE} old.
     *
     * @return how many were finished
     */
    public int sweep() {
        return finishLeftBehind(SWEEP_GRACE);
    }

    /**
     * The sweeper's step when the ledger cannot be reached: one WARN line (the database's message neutralised, it may
     * span lines); the next tick tries again.
     */
    public void ledgerUnreachable(Exchange exchange) {
        Exception failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        LOG.warn("The offboarding sweeper cannot reach the ledger: {}",
                LogText.of(failure == null ? "" : failure.getMessage()));
    }

    /** Finishes the offboardings a stopped process (or an unreachable Retool) left part way. */
    public int finishLeftBehind(Duration olderThan) {
        int finished = 0;
        for (PersonAccess person : access.unfinishedOffboardings(clock.instant().minus(olderThan))) {
            if (finish(person.emailKey(), () -> LOG.info("{}: finishing the offboarding asked by {} at {}",
                    person.emailKey(), LogText.of(person.offboardedBy()), person.offboardedAt()))) {
                finished++;
            }
        }
        return finished;
    }

    private boolean finish(String emailKey) {
        return finish(emailKey, () -> { });
    }

    /**
     * Finishes one offboarding unless this node is already at it (an API call whose Retool calls outlast the sweeper's
     * grace): the person's Retool calls are then made once, not twice at the same time.
     *
     * @param takenUp what to do once the offboarding is this call's to finish
     */
    private boolean finish(String emailKey, Runnable takenUp) {
        if (!underWay.add(emailKey)) {
            return false;
        }
        try {
            takenUp.run();
            return finishNow(emailKey);
        } finally {
            underWay.remove(emailKey);
        }
    }

    private boolean finishNow(String emailKey) {
        Optional<LedgerEntry> entry = ledger.find(emailKey);
        Optional<PersonAccess> person = access.find(emailKey);
        if (entry.isEmpty() || person.isEmpty() || person.get().status() != LedgerStatus.OFFBOARDING) {
            return false;
        }
        LedgerStatus from = person.get().offboardedFrom();
        try {
            int revoked = from == LedgerStatus.REJECTED ? 0 : revokePendingInvites(emailKey);
            String note;
            Boolean accountActive = null;
            if (!MAY_HAVE_ACCOUNT.contains(from)) {
                note = withoutAccountNote(from, revoked);
            } else {
                Account account = markAndDisable(emailKey, person.get().userId(), from, revoked);
                accountActive = account.active();
                note = account.note();
            }
            boolean done = access.finishOffboarding(ledger, entry.get(), note, accountActive);
            if (done) {
                LOG.info("{}: {}", emailKey, note);
            }
            return done;
        } catch (RuntimeException failed) {
            LOG.warn("{}: offboarding not finished, Retool's part is tried again later: {}", emailKey,
                    cause(failed).getMessage());
            return false;
        }
    }

    /** What offboarding someone who cannot have an account did, told by what they had before. */
    private static String withoutAccountNote(LedgerStatus from, int revoked) {
        if (revoked > 0) {
            // an invite past its seven days is still Retool's to revoke, but it was no longer pending
            return from == LedgerStatus.EXPIRED ? "offboarded: expired invite revoked"
                    : "offboarded: pending invite revoked";
        }
        return switch (from) {
            case EMBED_ONLY -> "offboarded: Embed sessions refused";
            case REVOKED -> "offboarded: no pending invite (their invite had been revoked already)";
            case EXPIRED -> "offboarded: no pending invite (their invite had expired unclaimed)";
            case RENEWING -> "offboarded: no pending invite (their expired invite was being renewed)";
            default -> "offboarded before any invite";
        };
    }

    /** Revokes every pending invite of the email; none is fine. */
    private int revokePendingInvites(String emailKey) {
        try {
            Object revoked = retool.requestBodyAndHeader(REVOKE, null, RetoolConstants.EMAIL, emailKey);
            return revoked instanceof BulkInviteSummary summary ? summary.size() : 1;
        } catch (CamelExecutionException failed) {
            if (cause(failed) instanceof RetoolNotFoundException) {
                return 0;
            }
            throw failed;
        }
    }

    /** What offboarding did to the person's account, and what is left for an admin to do. */
    private record Account(Boolean active, String note) {
    }

    /**
     * Marks and disables the account. A known account (JOINED: Retool named who claimed the invite) is reached by its
     * id, which works on every plan; otherwise it is looked up by email, which only Enterprise allows.
     */
    private Account markAndDisable(String emailKey, String knownUserId, LedgerStatus from, int revoked) {
        String userId;
        try {
            Exchange marked = retool.request(MARK, exchange -> {
                if (knownUserId != null) {
                    exchange.getMessage().setHeader(RetoolConstants.USER_ID, knownUserId);
                } else {
                    exchange.getMessage().setHeader(RetoolConstants.EMAIL, emailKey);
                }
                exchange.getMessage().setBody(attribute == null ? Map.of()
                        : Map.of(attribute.getKey(), attribute.getValue()));
            });
            if (marked.getException() != null) {
                throw marked.getException();
            }
            userId = marked.getMessage().getHeader(RetoolConstants.USER_ID, knownUserId, String.class);
        } catch (RetoolNotFoundException noAccount) {
            return new Account(null, "offboarded: " + (revoked > 0 ? "pending invite revoked, " : "")
                                     + "no Retool account");
        } catch (RetoolPermissionException businessPlan) {
            // the plan or key cannot look users up: an account may exist that nothing here can reach
            boolean account = from == LedgerStatus.ALREADY_USER || from == LedgerStatus.JOINED || revoked == 0;
            return account ? new Account(true, "offboarded, account still active: disable the user of " + emailKey
                                               + " in Retool's settings (this plan or key cannot look users up)")
                    : new Account(null, "offboarded: pending invite revoked");
        } catch (RuntimeException failed) {
            throw failed;
        } catch (Exception failed) {
            throw new IllegalStateException(failed.getMessage(), failed);
        }
        String marking = attribute == null ? "" : ", marked " + attribute.getKey() + "=" + attribute.getValue();
        try {
            retool.requestBodyAndHeader(DISABLE, null, RetoolConstants.USER_ID, userId);
            return new Account(false, "offboarded: account " + userId + " disabled" + marking);
        } catch (CamelExecutionException failed) {
            if (cause(failed) instanceof RetoolPermissionException) {
                return new Account(true, "offboarded, account still active: disable " + userId
                                         + " in Retool's settings" + marking);
            }
            throw failed;
        }
    }

    private static Throwable cause(Throwable failure) {
        return failure instanceof CamelExecutionException && failure.getCause() != null ? failure.getCause() : failure;
    }
}
