package io.camelretool.example.access;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.camelretool.component.error.NotRetoolApiException;
import io.camelretool.component.error.RetoolConnectionException;
import io.camelretool.component.error.RetoolHeldBackException;
import io.camelretool.component.error.RetoolRateLimitedException;
import io.camelretool.component.error.RetoolServerException;
import io.camelretool.component.model.InviteRequest;
import io.camelretool.example.config.AccessSettings;
import io.camelretool.example.intake.LogText;
import io.camelretool.example.ledger.AcceptedBatch;
import io.camelretool.example.ledger.AccessLedger;
import io.camelretool.example.ledger.ItemOutcome;
import io.camelretool.example.ledger.Ledger;
import io.camelretool.example.ledger.LedgerEntry;
import io.camelretool.example.ledger.LedgerStatus;
import io.camelretool.example.ledger.PersonAccess;
import io.camelretool.example.ledger.Settlement;
import io.camelretool.example.pipeline.SignupIntake;
import io.camelretool.example.policy.SignupPolicy;
import io.camelretool.example.signup.Signup;
import io.camelretool.example.signup.SignupSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves a host application's request for a person's Embed session: the person must be known to the ledger and
 * entitled (or, with {@code EMBED_SIGNUP_ON_FIRST_USE}, is signed up first, through the same intake and policy as
 * any signup), their host identifier is bound once, and the URL is minted with their class's groups and their
 * attributes. The URL itself is handed to the caller only: it is never logged, stored or put in an exception.
 */
public final class EmbedSessions {

    /** Seconds a host backend is asked to wait before asking again when Retool cannot be reached. */
    static final String RETRY_AFTER = "5";
    private static final Logger LOG = LoggerFactory.getLogger(EmbedSessions.class);

    /** What to answer, or the URL to mint. */
    public sealed interface Admission permits Answer, Mint {
    }

    /** An HTTP answer; {@code retryAfter} null for none. */
    public record Answer(int status, Map<String, Object> body, String retryAfter) implements Admission {

        public static Answer of(int status, String key, Object value) {
            return new Answer(status, Map.of(key, value), null);
        }
    }

    /**
     * A URL to mint for an entitled person.
     *
     * @param body the component's Embed request body: email, names and metadata
     */
    public record Mint(String emailKey, String landingPageUuid, List<Integer> groupIds, String externalIdentifier,
                       Map<String, Object> body) implements Admission {
    }

    private final Ledger ledger;
    private final AccessLedger access;
    private final SignupIntake intake;
    private final SignupPolicy policy;
    private final AccessSettings settings;
    private final String defaultLandingPage;
    private final List<Integer> fallbackGroups;
    private final EmbedEntitlement entitlement;

    /**
     * @param defaultLandingPage the landing page a request without one opens; empty for none
     * @param fallbackGroups     the groups of a person whose class has none configured (the local sandbox's
     *                           external-users group in a local run); empty: such a session is refused
     */
    public EmbedSessions(Ledger ledger, SignupIntake intake, SignupPolicy policy, AccessSettings settings,
                         String defaultLandingPage, List<Integer> fallbackGroups) {
        this.ledger = ledger;
        this.access = ledger.access();
        this.intake = intake;
        this.policy = policy;
        this.settings = settings;
        this.defaultLandingPage = defaultLandingPage;
        this.fallbackGroups = List.copyOf(fallbackGroups);
        this.entitlement = new EmbedEntitlement(settings.embedForInvited());
    }

    /** Checks a request whose signature is valid; answers it, or says what to mint. */
    public Admission admit(byte[] body) {
        EmbedSessionRequest.Parsed parsed = EmbedSessionRequest.parse(body);
        if (!parsed.errors().isEmpty()) {
            return Answer.of(400, "errors", parsed.errors());
        }
        EmbedSessionRequest request = parsed.request();
        String landingPage = request.landingPageUuid() != null ? request.landingPageUuid() : defaultLandingPage;
        if (landingPage.isEmpty()) {
            return Answer.of(400, "errors", Map.of("landingPageUuid",
                    "is required: no default is configured (RETOOL_EMBED_LANDING_PAGE_UUID)"));
        }
        String emailKey = intake.arrival(1, signup(request)).emailKey();
        if (emailKey == null) {
            return Answer.of(400, "errors", Map.of("email", "is not an email address"));
        }
        Optional<LedgerEntry> known = ledger.find(emailKey);
        if (known.isEmpty()) {
            if (!settings.signupOnFirstUse()) {
                return refused(emailKey, "unknown to the ledger: sign them up first (or EMBED_SIGNUP_ON_FIRST_USE=true)");
            }
            Optional<Answer> signupRefused = signUp(request);
            if (signupRefused.isPresent()) {
                return signupRefused.get();
            }
            known = ledger.find(emailKey);
        }
        LedgerEntry entry = known.orElseThrow();
        if (entry.status() == LedgerStatus.RECEIVED && settings.signupOnFirstUse()) {
            // signed up but not yet decided (a crash between the signup and its decision, or the pipeline not there
            // yet): a person is waiting, so the policy decides now, as at their first use
            decide(entry, "EMBED session");
            entry = ledger.find(emailKey).orElseThrow();
        }
        if (entry.status() == LedgerStatus.RECEIVED || entry.status() == LedgerStatus.SENDING) {
            LOG.info("Embed session for {} answered 503: signed up, not yet decided", emailKey);
            return new Answer(503, Map.of("error", "signed up, not yet decided; ask again in a moment"), RETRY_AFTER);
        }
        PersonAccess person = access.find(emailKey).orElseThrow();
        Optional<String> refusal = entitlement.refusal(entry, person);
        if (refusal.isPresent()) {
            return refused(emailKey, refusal.get());
        }
        switch (access.bind(emailKey, request.externalIdentifier())) {
            case PERSON_HAS_ANOTHER -> {
                LOG.warn("Embed session for {} refused with 409: another external identifier is bound", emailKey);
                return Answer.of(409, "error", "this person is bound to another externalIdentifier");
            }
            case IDENTIFIER_TAKEN -> {
                LOG.warn("Embed session for {} refused with 409: the identifier belongs to someone else", emailKey);
                return Answer.of(409, "error", "this externalIdentifier belongs to another person");
            }
            default -> {
                // bound now, or already this person's
            }
        }
        InviteRequest grants = policy.grants(entry);
        List<Integer> groups = grants.getGroupIds().isEmpty() ? fallbackGroups : grants.getGroupIds();
        if (groups.isEmpty()) {
            LOG.error("Embed session for {} cannot be minted: no Retool group for class {}", emailKey,
                    entry.userClass());
            return Answer.of(500, "error", "no Retool group is configured for " + entry.userClass()
                    + " (RETOOL_GROUPS_" + entry.userClass() + "); an Embed user needs at least one");
        }
        Map<String, Object> embedBody = new LinkedHashMap<>();
        embedBody.put("email", emailKey);
        String firstName = request.firstName() != null ? request.firstName() : entry.signup().firstName();
        String lastName = request.lastName() != null ? request.lastName() : entry.signup().lastName();
        if (firstName != null) {
            embedBody.put("firstName", firstName);
        }
        if (lastName != null) {
            embedBody.put("lastName", lastName);
        }
        if (!grants.getAttributes().isEmpty()) {
            embedBody.put("metadata", grants.getAttributes());
        }
        return new Mint(emailKey, landingPage, groups, request.externalIdentifier(), embedBody);
    }

    /** The URL was minted: the session is counted and the URL answered, unless the person was offboarded meanwhile. */
    public Answer minted(Mint mint, String embedUrl) {
        if (!access.recordSession(mint.emailKey())) {
            return refused(mint.emailKey(), "offboarded while the session was being made");
        }
        LOG.info("Embed session for {} ({}) minted", mint.emailKey(), mint.externalIdentifier());
        return Answer.of(200, "embedUrl", embedUrl);
    }

    /** Retool did not mint: a person is waiting, so no long retries; unreachable is a 503 to ask again later. */
    public Answer failed(Mint mint, Throwable failure) {
        // held back: the application's breaker sends nothing while Retool does not answer
        if (failure instanceof RetoolConnectionException || failure instanceof RetoolServerException
            || failure instanceof RetoolRateLimitedException || failure instanceof NotRetoolApiException
            || failure instanceof RetoolHeldBackException) {
            LOG.warn("Embed session for {} refused with 503: Retool cannot be reached: {}", mint.emailKey(),
                    failure.getMessage());
            return new Answer(503, Map.of("error", "Retool cannot be reached right now; ask again shortly"),
                    RETRY_AFTER);
        }
        LOG.error("Embed session for {} refused with 502: Retool refused the call: {}", mint.emailKey(),
                failure.getMessage());
        return Answer.of(502, "error", "Retool refused to mint the session: " + failure.getMessage());
    }

    /**
     * Accepts an unknown person as a signup of source EMBED and decides it at once, with the pipeline's policy: an
     * external person under {@code EXTERNAL_ACCESS=embed} becomes EMBED_ONLY and is served; a rejected or capped one
     * is refused with the reason; one to be invited is left to the pipeline.
     */
    private Optional<Answer> signUp(EmbedSessionRequest request) {
        String name = "embed-" + UUID.randomUUID();
        Signup signup = new Signup(request.email(), request.firstName(), request.lastName(), null, null, null, null,
                SignupSource.EMBED, name + "#0");
        AcceptedBatch accepted = intake.acceptBatch(SignupSource.EMBED, name, List.of(intake.arrival(1, signup)));
        if (accepted.outcomes().get(0) == ItemOutcome.INVALID) {
            return Optional.of(refused(request.email(), "not admitted as a signup"));
        }
        String emailKey = intake.arrival(1, signup).emailKey();
        LedgerEntry entry = ledger.find(emailKey).orElseThrow();
        if (entry.status() == LedgerStatus.RECEIVED) {
            decide(entry, "EMBED " + name);
        }
        return Optional.empty();
    }

    /**
     * Decides a RECEIVED person with the pipeline's policy: a hold (EMBED_ONLY, OVER_CAP, REJECTED) is settled here,
     * on the condition that the row is still RECEIVED, so a pipeline deciding them at the same moment wins or loses
     * cleanly; an invite is left to the pipeline.
     */
    private void decide(LedgerEntry entry, String where) {
        String emailKey = entry.emailKey();
        SignupPolicy.Decision decision = policy.decide(entry, policy.seatBudget(ledger::externalSeatsClaimedToday));
        if (decision instanceof SignupPolicy.Hold hold) {
            ledger.settleAll(List.of(new Settlement(emailKey, Set.of(LedgerStatus.RECEIVED), hold.status(), null, null,
                    hold.reason())));
            LOG.info("{} {} ({}): {} - {}", emailKey, entry.userClass(), where, hold.status(), hold.reason());
        } else {
            LOG.info("{} {} ({}): signed up; the pipeline invites them", emailKey, entry.userClass(), where);
        }
    }

    private static Signup signup(EmbedSessionRequest request) {
        return new Signup(request.email(), request.firstName(), request.lastName(), null, null, null, null,
                SignupSource.EMBED, "embed-session");
    }

    private static Answer refused(String who, String reason) {
        LOG.info("Embed session for {} refused with 403: {}", LogText.of(who), LogText.of(reason));
        return Answer.of(403, "error", "not entitled: " + reason);
    }
}
