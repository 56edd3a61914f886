package io.camelretool.example.ledger;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;

import io.camelretool.component.classify.SignupClassifier;
import io.camelretool.component.classify.UserClass;
import io.camelretool.example.signup.Signup;
import io.camelretool.example.signup.SignupSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The ledger's SQL on the embedded H2 database; {@link PostgresLedgerTest} runs the same cases on PostgreSQL. */
class LedgerTest {

    /** Waits of 10 s at first, at most an hour, given up on after a day. */
    private static final RetryBackoff BACKOFF = new RetryBackoff(Duration.ofSeconds(10), Duration.ofHours(1),
            Duration.ofHours(24));
    private static final SignupClassifier CLASSIFIER = SignupClassifier.builder().organizationDomains("acme.com")
            .build();

    @TempDir
    Path folder;

    DataSource dataSource;
    Ledger ledger;

    /** The database the cases run on. */
    DataSource dataSource() throws Exception {
        return LedgerDataSource.forUrl(LedgerDataSource.embeddedUrl(folder), "", "");
    }

    @BeforeEach
    void openLedger() throws Exception {
        dataSource = dataSource();
        ledger = new Ledger(dataSource, Clock.systemUTC());
        ledger.createSchema();
    }

    @AfterEach
    void closeLedger() {
        LedgerDataSource.close(dataSource);
    }

    @Test
    void acceptsANewEmailAsPendingAndTheSameEmailAgainInAnyCaseAsDuplicate() {
        Batch csv = ledger.startBatch(SignupSource.CSV, "team.csv");
        Batch hook = ledger.startBatch(SignupSource.WEBHOOK, "webhook-1");

        List<ItemOutcome> first = ledger.accept(csv.id(), List.of(arrival(2, "ada@example.com"),
                arrival(3, "ADA@example.com ")));
        List<ItemOutcome> second = ledger.accept(hook.id(), List.of(arrival(1, "Ada@Example.com")));

        assertThat(first).containsExactly(ItemOutcome.PENDING, ItemOutcome.DUPLICATE);
        assertThat(second).containsExactly(ItemOutcome.DUPLICATE);
        LedgerEntry ada = ledger.find("ada@example.com").orElseThrow();
        assertThat(ada.status()).isEqualTo(LedgerStatus.RECEIVED);
        assertThat(ada.userClass()).isEqualTo(UserClass.EXTERNAL);
        assertThat(ada.signup().sourceRef()).isEqualTo("src:2");
        assertThat(lines(hook)).singleElement().satisfies(line -> assertThat(line.reason())
                .isEqualTo("already RECEIVED from CSV src:2"));
    }

    @Test
    void recordsUnreadableAndRejectedItemsWithTheirReasonWithoutWaitingForThePipeline() {
        Batch batch = ledger.startBatch(SignupSource.CSV, "bad.csv");

        List<ItemOutcome> outcomes = ledger.accept(batch.id(), List.of(
                Arrival.unreadable(2, "bad.csv:2", "has 1 cells but the header has 3"),
                arrival(3, "not-an-email"),
                arrival(4, "someone@mailinator.com")));
        ledger.closeBatch(batch.id());

        assertThat(outcomes).containsExactly(ItemOutcome.INVALID, ItemOutcome.REJECTED, ItemOutcome.REJECTED);
        assertThat(ledger.find("someone@mailinator.com").orElseThrow().status()).isEqualTo(LedgerStatus.REJECTED);
        assertThat(ledger.waiting(10)).isEmpty();
        assertThat(ledger.reportableBatches()).containsExactly(batch.id());
        assertThat(lines(batch).get(1).reason()).startsWith("malformed email");
    }

    @Test
    void aBatchReadAgainAfterACrashKeepsTheFirstOutcomeOfEachItem() {
        Batch batch = ledger.startBatch(SignupSource.CSV, "big.csv");
        ledger.accept(batch.id(), List.of(arrival(2, "one@example.com")));

        Batch resumed = ledger.startBatch(SignupSource.CSV, "big.csv");
        List<ItemOutcome> again = ledger.accept(resumed.id(), List.of(arrival(2, "one@example.com"),
                arrival(3, "two@example.com")));

        assertThat(resumed.id()).isEqualTo(batch.id());
        assertThat(again).containsExactly(ItemOutcome.PENDING, ItemOutcome.PENDING);
        assertThat(lines(batch)).hasSize(2);
        ledger.closeBatch(batch.id());
        assertThat(ledger.startBatch(SignupSource.CSV, "big.csv").id()).isNotEqualTo(batch.id());
    }

    @Test
    void aDifferentFileOfTheSameNameStartsABatchOfItsOwnInsteadOfSkippingRowsOfAnOpenOne() {
        Batch interrupted = ledger.startBatch(SignupSource.CSV, "export.csv", "export.csv|120|1000");
        ledger.accept(interrupted.id(), List.of(arrival(2, "one@example.com")));

        Batch other = ledger.startBatch(SignupSource.CSV, "export.csv", "export.csv|95|2000");
        List<ItemOutcome> outcomes = ledger.accept(other.id(), List.of(arrival(2, "two@example.com")));

        assertThat(other.id()).isNotEqualTo(interrupted.id());
        assertThat(outcomes).containsExactly(ItemOutcome.PENDING);
        assertThat(ledger.find("two@example.com")).isPresent();
        assertThat(ledger.startBatch(SignupSource.CSV, "export.csv", "export.csv|120|1000").id())
                .isEqualTo(interrupted.id());
    }

    @Test
    void writersAcceptingTheSameEmailsAtOnceAgreeOnOneOwnerForEach() throws Exception {
        List<Arrival> people = java.util.stream.IntStream.range(0, 300)
                .mapToObj(i -> arrival(i + 2, "same" + i + "@example.com")).toList();
        List<Callable<List<ItemOutcome>>> writers = java.util.stream.IntStream.range(0, 3)
                .mapToObj(writer -> (Callable<List<ItemOutcome>>) () -> ledger.accept(ledger.startBatch(
                        SignupSource.WEBHOOK, "writer-" + writer).id(), people)).toList();

        ExecutorService nodes = Executors.newFixedThreadPool(3);
        List<List<ItemOutcome>> outcomes = new ArrayList<>();
        try {
            for (Future<List<ItemOutcome>> result : nodes.invokeAll(writers)) {
                outcomes.add(result.get());
            }
        } finally {
            nodes.shutdown();
        }

        for (int person = 0; person < people.size(); person++) {
            int index = person;
            assertThat(outcomes.stream().map(writer -> writer.get(index)))
                    .as(people.get(person).email()).containsExactlyInAnyOrder(ItemOutcome.PENDING,
                            ItemOutcome.DUPLICATE, ItemOutcome.DUPLICATE);
        }
        assertThat(ledger.waiting(1000)).hasSize(people.size());
    }

    @Test
    void onlyOneOfTwoSimultaneousClaimsWins() throws Exception {
        Batch batch = ledger.startBatch(SignupSource.CSV, "race.csv");
        ledger.accept(batch.id(), List.of(arrival(2, "race@example.com")));
        Callable<Boolean> claim = () -> ledger.claim("race@example.com", LedgerStatus.RECEIVED);

        ExecutorService twoNodes = Executors.newFixedThreadPool(2);
        try {
            List<Future<Boolean>> results = twoNodes.invokeAll(List.of(claim, claim));
            List<Boolean> won = new ArrayList<>();
            for (Future<Boolean> result : results) {
                won.add(result.get());
            }
            assertThat(won).containsExactlyInAnyOrder(true, false);
        } finally {
            twoNodes.shutdown();
        }
        LedgerEntry entry = ledger.find("race@example.com").orElseThrow();
        assertThat(entry.status()).isEqualTo(LedgerStatus.SENDING);
        assertThat(entry.attempts()).isEqualTo(1);
    }

    @Test
    void settlingARowSettlesItsBatchLineAndMakesTheBatchReportable() {
        Batch batch = ledger.startBatch(SignupSource.WEBHOOK, "webhook-2");
        ledger.accept(batch.id(), List.of(arrival(1, "ok@example.com")));
        ledger.closeBatch(batch.id());
        assertThat(ledger.reportableBatches()).isEmpty();

        ledger.claim("ok@example.com", LedgerStatus.RECEIVED);
        boolean settled = ledger.settle("ok@example.com", LedgerStatus.SENDING, LedgerStatus.INVITED, 42L,
                Instant.parse("2030-01-08T00:00:00Z"), null);

        assertThat(settled).isTrue();
        assertThat(ledger.settle("ok@example.com", LedgerStatus.SENDING, LedgerStatus.FAILED, null, null, "late"))
                .isFalse();
        assertThat(ledger.reportableBatches()).containsExactly(batch.id());
        assertThat(lines(batch)).singleElement().satisfies(line -> {
            assertThat(line.outcome()).isEqualTo(ItemOutcome.INVITED);
            assertThat(line.inviteId()).isEqualTo(42L);
        });
        assertThat(ledger.markReported(batch.id())).isTrue();
        assertThat(ledger.markReported(batch.id())).isFalse();
        assertThat(ledger.reportableBatches()).isEmpty();
    }

    @Test
    void aFailedEmailStartsOverWhenItArrivesAgainAndItsLineCarriesTheSignupToReplay() {
        Batch first = ledger.startBatch(SignupSource.CSV, "first.csv");
        ledger.accept(first.id(), List.of(arrival(2, "retry@example.com")));
        ledger.claim("retry@example.com", LedgerStatus.RECEIVED);
        ledger.settle("retry@example.com", LedgerStatus.SENDING, LedgerStatus.FAILED, null, null, "group 999 unknown");
        assertThat(lines(first)).singleElement().satisfies(line -> {
            assertThat(line.outcome()).isEqualTo(ItemOutcome.FAILED);
            assertThat(line.reason()).isEqualTo("group 999 unknown");
            assertThat(line.signup().email()).isEqualTo("retry@example.com");
        });

        Batch replay = ledger.startBatch(SignupSource.CSV, "replay.csv");
        List<ItemOutcome> again = ledger.accept(replay.id(), List.of(arrival(2, "retry@example.com")));

        assertThat(again).containsExactly(ItemOutcome.PENDING);
        assertThat(ledger.waiting(10)).extracting(LedgerEntry::emailKey).containsExactly("retry@example.com");

        ledger.claim("retry@example.com", LedgerStatus.RECEIVED);
        ledger.settle("retry@example.com", LedgerStatus.SENDING, LedgerStatus.INVITED, 7L, null, null);
        ledger.closeBatch(first.id());
        ledger.closeBatch(replay.id());

        assertThat(lines(replay)).singleElement().extracting(BatchLine::outcome).isEqualTo(ItemOutcome.INVITED);
        assertThat(lines(first)).singleElement().extracting(BatchLine::outcome).isEqualTo(ItemOutcome.FAILED);
        assertThat(ledger.reportableBatches()).containsExactlyInAnyOrder(first.id(), replay.id());
    }

    @Test
    void aBatchIsReportableOnlyOnceItsLastWaitingLineIsSettledWhateverItsOtherLines() {
        Batch batch = ledger.startBatch(SignupSource.CSV, "three.csv");
        ledger.accept(batch.id(), List.of(arrival(2, "one@example.com"), arrival(3, "ONE@example.com"),
                Arrival.unreadable(4, "three.csv:4", "has 1 cells but the header has 3"),
                arrival(5, "two@example.com")));
        ledger.closeBatch(batch.id());

        ledger.settle("one@example.com", LedgerStatus.RECEIVED, LedgerStatus.WOULD_INVITE, null, null, null);
        assertThat(ledger.reportableBatches()).isEmpty();
        // a row put back (a reconciliation) is not settled: its line still waits
        ledger.claim("two@example.com", LedgerStatus.RECEIVED);
        ledger.settle("two@example.com", LedgerStatus.SENDING, LedgerStatus.RECEIVED, null, null, null);
        assertThat(ledger.reportableBatches()).isEmpty();
        ledger.settle("two@example.com", LedgerStatus.RECEIVED, LedgerStatus.OVER_CAP, null, null, "cap");

        assertThat(ledger.reportableBatches()).containsExactly(batch.id());
        assertThat(lines(batch)).extracting(BatchLine::outcome).containsExactly(ItemOutcome.WOULD_INVITE,
                ItemOutcome.DUPLICATE, ItemOutcome.INVALID, ItemOutcome.OVER_CAP);
    }

    @Test
    void aLedgerMadeBeforeBatchesCountedTheirWaitingLinesGetsTheCountsAndStillReportsItsBatches() throws Exception {
        Batch batch = ledger.startBatch(SignupSource.CSV, "old.csv");
        ledger.accept(batch.id(), List.of(arrival(2, "old@example.com"), arrival(3, "done@example.com")));
        ledger.settle("done@example.com", LedgerStatus.RECEIVED, LedgerStatus.WOULD_INVITE, null, null, null);
        ledger.closeBatch(batch.id());
        // what a ledger of the earlier schema held: no counts, no line named by its row, the lines' indexes
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            sql.execute("ALTER TABLE signup_ledger DROP COLUMN owner_batch");
            sql.execute("ALTER TABLE signup_ledger DROP COLUMN owner_item");
            sql.execute("ALTER TABLE signup_batch DROP COLUMN unsettled");
            sql.execute("CREATE INDEX signup_batch_item_by_email ON signup_batch_item (email_key, outcome)");
            sql.execute("CREATE INDEX signup_batch_item_by_outcome ON signup_batch_item (batch_id, outcome)");
        }

        ledger.createSchema();
        assertThat(ledger.reportableBatches()).isEmpty();
        ledger.settle("old@example.com", LedgerStatus.RECEIVED, LedgerStatus.WOULD_INVITE, null, null, null);

        assertThat(ledger.reportableBatches()).containsExactly(batch.id());
        assertThat(lines(batch)).extracting(BatchLine::outcome).containsOnly(ItemOutcome.WOULD_INVITE);
    }

    @Test
    void countsTheExternalSeatsClaimedTodayAndFindsRowsLeftSending() {
        Batch batch = ledger.startBatch(SignupSource.CSV, "seats.csv");
        ledger.accept(batch.id(), List.of(arrival(2, "a@example.com"), arrival(3, "b@example.com"),
                arrival(4, "staff@acme.com")));
        ledger.claim("a@example.com", LedgerStatus.RECEIVED);
        ledger.claim("staff@acme.com", LedgerStatus.RECEIVED);

        assertThat(ledger.externalSeatsClaimedToday()).isEqualTo(1);
        assertThat(ledger.uncertain(Instant.now().plusSeconds(1))).extracting(LedgerEntry::emailKey)
                .containsExactlyInAnyOrder("a@example.com", "staff@acme.com");
        assertThat(ledger.uncertain(Instant.now().minusSeconds(60))).isEmpty();
    }

    @Test
    void aSeatWhoseCallMayPassStaysCountedTodayAndOneRefusedForGoodIsGivenBack() {
        Batch batch = ledger.startBatch(SignupSource.CSV, "seats.csv");
        ledger.accept(batch.id(), List.of(arrival(2, "waits@example.com"), arrival(3, "refused@example.com"),
                arrival(4, "held@example.com")));
        ledger.claimAll(Map.of("waits@example.com", LedgerStatus.RECEIVED, "refused@example.com",
                LedgerStatus.RECEIVED));
        ledger.settle("held@example.com", LedgerStatus.RECEIVED, LedgerStatus.OVER_CAP, null, null, "cap");

        ledger.postponeAll(List.of(new Postponement("waits@example.com", "Retool answered 503")), BACKOFF);
        ledger.settleAll(List.of(Settlement.ofCall("refused@example.com", LedgerStatus.FAILED, null, null,
                "Retool answered 400")));

        assertThat(ledger.externalSeatsClaimedToday()).isEqualTo(1);
        assertThat(ledger.queries().waitingOnTodaysSeat(List.of("waits@example.com", "held@example.com"),
                ledger.startOfToday())).containsExactly("waits@example.com");
        assertThat(ledger.overCapToday(10)).extracting(LedgerEntry::emailKey).containsExactly("held@example.com");
        assertThat(ledger.waiting(10)).isEmpty();
    }

    @Test
    void aRowWithoutAnInviteReadsItsInviteIdAsNoneAndAnAlreadyUserKeepsTheUserRetoolNamed() {
        Batch batch = ledger.startBatch(SignupSource.CSV, "ids.csv");
        ledger.accept(batch.id(), List.of(arrival(2, "embed@example.com"), arrival(3, "user@example.com")));
        ledger.settle("embed@example.com", LedgerStatus.RECEIVED, LedgerStatus.EMBED_ONLY, null, null, "embed");
        ledger.claim("user@example.com", LedgerStatus.RECEIVED);

        ledger.settleAll(List.of(Settlement.ofCall("user@example.com", LedgerStatus.ALREADY_USER, null, null, null,
                "user_b2c9")));

        assertThat(ledger.find("embed@example.com").orElseThrow().inviteId()).isNull();
        assertThat(ledger.find("user@example.com").orElseThrow().inviteId()).isNull();
        assertThat(new LedgerLifecycle(dataSource, Clock.systemUTC()).person("user@example.com").orElseThrow()
                .userId()).isEqualTo("user_b2c9");
    }

    @Test
    void peopleAlreadyKnownAreDuplicatesToTheIntakeEvenWhenTheirChangedAttributesAreQueuedToBeApplied() {
        Batch first = ledger.startBatch(SignupSource.CSV, "first.csv");
        ledger.accept(first.id(), List.of(arrival(2, "ada@example.com"), arrival(3, "bob@example.com"),
                arrival(4, "cy@example.com")));
        for (String email : List.of("ada@example.com", "bob@example.com", "cy@example.com")) {
            ledger.claim(email, LedgerStatus.RECEIVED);
            ledger.settle(email, LedgerStatus.SENDING, LedgerStatus.INVITED, 7L, null, null);
        }
        Batch again = ledger.startBatch(SignupSource.CSV, "again.csv");

        List<ItemOutcome> outcomes = ledger.accept(again.id(), List.of(withPlan(2, "ada@example.com", "silver"),
                withPlan(3, "bob@example.com", "platinum"), arrival(4, "cy@example.com")));
        ledger.closeBatch(again.id());

        assertThat(outcomes).containsExactly(ItemOutcome.DUPLICATE, ItemOutcome.DUPLICATE, ItemOutcome.DUPLICATE);
        // the two with changed attributes still wait for them to be applied, so the batch is not reported yet
        assertThat(new AttributeSync(dataSource, Clock.systemUTC()).due(10)).extracting(AttributeSync.Pending::emailKey)
                .containsExactlyInAnyOrder("ada@example.com", "bob@example.com");
        assertThat(ledger.reportableBatches()).doesNotContain(again.id());
    }

    @Test
    void aWholeBatchIsStartedFilledAndClosedAtOnceOrNotAtAll() {
        AcceptedBatch accepted = ledger.acceptWhole(SignupSource.WEBHOOK, "webhook-1", "webhook-1",
                List.of(arrival(1, "whole@example.com")));
        assertThat(accepted.outcomes()).containsExactly(ItemOutcome.PENDING);
        assertThat(ledger.batch(accepted.batch().id()).orElseThrow().isClosed()).isTrue();

        // a signup the ledger cannot hold fails the write part way: no batch is left open behind it
        Signup tooLarge = new Signup("large@example.com", "First", null, null, null, List.of(1),
                Map.of("notes", "x".repeat(250_000)), SignupSource.WEBHOOK, "src:2");
        Arrival failing = Arrival.classified(2, tooLarge, CLASSIFIER.classify("large@example.com", null));
        assertThatThrownBy(() -> ledger.acceptWhole(SignupSource.WEBHOOK, "webhook-2", "webhook-2",
                List.of(arrival(1, "first@example.com"), failing))).isInstanceOf(LedgerException.class);

        assertThat(ledger.latestBatch(SignupSource.WEBHOOK, "webhook-2")).isEmpty();
        assertThat(ledger.find("first@example.com")).isEmpty();
    }

    @Test
    void aRowWhoseCallMayPassWaitsUntilItsNextAttemptAndItsBatchIsNotReportedMeanwhile() {
        MovableClock clock = new MovableClock(Instant.parse("2030-01-01T08:00:00Z"));
        Ledger at = new Ledger(dataSource, clock);
        Batch batch = at.startBatch(SignupSource.CSV, "wait.csv");
        at.accept(batch.id(), List.of(arrival(2, "wait@example.com")));
        at.closeBatch(batch.id());
        at.claim("wait@example.com", LedgerStatus.RECEIVED);

        Map<String, LedgerStatus> moved = at.postponeAll(List.of(new Postponement("wait@example.com",
                "Retool answered 503")), BACKOFF);

        assertThat(moved).containsExactly(Map.entry("wait@example.com", LedgerStatus.WAITING));
        assertThat(at.find("wait@example.com").orElseThrow()).satisfies(entry -> {
            assertThat(entry.status()).isEqualTo(LedgerStatus.WAITING);
            assertThat(entry.lastError()).isEqualTo("Retool answered 503");
        });
        assertThat(at.waiting(10)).isEmpty();
        assertThat(at.reportableBatches()).isEmpty();
        assertThat(at.waitingSummary()).satisfies(summary -> {
            assertThat(summary.waiting()).isEqualTo(1);
            assertThat(summary.latestReason()).isEqualTo("Retool answered 503");
            assertThat(summary.waitingByBatch()).containsExactly(Map.entry(batch.id(), 1L));
        });

        clock.advance(Duration.ofSeconds(10));
        assertThat(at.waiting(10)).extracting(LedgerEntry::emailKey).containsExactly("wait@example.com");
        assertThat(at.claim("wait@example.com", LedgerStatus.WAITING)).isTrue();
        at.settle("wait@example.com", LedgerStatus.SENDING, LedgerStatus.INVITED, 9L, null, null);

        assertThat(at.reportableBatches()).containsExactly(batch.id());
        assertThat(lines(batch)).singleElement().extracting(BatchLine::outcome).isEqualTo(ItemOutcome.INVITED);
    }

    @Test
    void theWaitBetweenAttemptsGrowsWithTheTimeAPersonHasBeenFailing() {
        MovableClock clock = new MovableClock(Instant.parse("2030-01-01T08:00:00Z"));
        Ledger at = new Ledger(dataSource, clock);
        at.accept(at.startBatch(SignupSource.CSV, "grow.csv").id(), List.of(arrival(2, "grow@example.com")));
        at.claim("grow@example.com", LedgerStatus.RECEIVED);
        at.postponeAll(List.of(new Postponement("grow@example.com", "timeout")), BACKOFF);
        // the first wait: between half and all of the first delay
        clock.advance(Duration.ofSeconds(4));
        assertThat(at.waiting(10)).isEmpty();
        clock.advance(Duration.ofSeconds(6));
        assertThat(at.waiting(10)).hasSize(1);

        clock.advance(Duration.ofSeconds(590));
        at.claim("grow@example.com", LedgerStatus.WAITING);
        at.postponeAll(List.of(new Postponement("grow@example.com", "timeout")), BACKOFF);

        // failing for ten minutes: the next wait is five to ten minutes
        clock.advance(Duration.ofSeconds(299));
        assertThat(at.waiting(10)).isEmpty();
        clock.advance(Duration.ofSeconds(301));
        assertThat(at.waiting(10)).hasSize(1);
    }

    @Test
    void aPersonStillFailingAfterTheGiveUpTimeIsFailedWithTheReasonForTheDeadLetter() {
        MovableClock clock = new MovableClock(Instant.parse("2030-01-01T08:00:00Z"));
        Ledger at = new Ledger(dataSource, clock);
        Batch batch = at.startBatch(SignupSource.CSV, "hopeless.csv");
        at.accept(batch.id(), List.of(arrival(2, "hopeless@example.com")));
        at.closeBatch(batch.id());
        at.claim("hopeless@example.com", LedgerStatus.RECEIVED);
        at.postponeAll(List.of(new Postponement("hopeless@example.com", "connection refused")), BACKOFF);

        clock.advance(Duration.ofHours(25));
        at.claim("hopeless@example.com", LedgerStatus.WAITING);
        Map<String, LedgerStatus> moved = at.postponeAll(List.of(new Postponement("hopeless@example.com",
                "connection refused")), BACKOFF);

        assertThat(moved).containsExactly(Map.entry("hopeless@example.com", LedgerStatus.FAILED));
        assertThat(at.reportableBatches()).containsExactly(batch.id());
        assertThat(lines(batch)).singleElement().satisfies(line -> {
            assertThat(line.outcome()).isEqualTo(ItemOutcome.FAILED);
            assertThat(line.reason()).contains("RETRY_GIVE_UP_AFTER").contains("connection refused");
            assertThat(line.signup().email()).isEqualTo("hopeless@example.com");
        });

        // replayed from the dead letter, the person starts a new give-up time
        Batch replay = at.startBatch(SignupSource.CSV, "replay.csv");
        at.accept(replay.id(), List.of(arrival(2, "hopeless@example.com")));
        at.claim("hopeless@example.com", LedgerStatus.RECEIVED);
        assertThat(at.postponeAll(List.of(new Postponement("hopeless@example.com", "503")), BACKOFF))
                .containsExactly(Map.entry("hopeless@example.com", LedgerStatus.WAITING));
    }

    @Test
    void whenRetoolAnswersAgainEveryWaitingPersonIsDueAtOnce() {
        MovableClock clock = new MovableClock(Instant.parse("2030-01-01T08:00:00Z"));
        Ledger at = new Ledger(dataSource, clock);
        at.accept(at.startBatch(SignupSource.CSV, "wake.csv").id(), List.of(arrival(2, "a@example.com"),
                arrival(3, "b@example.com")));
        at.claimAll(Map.of("a@example.com", LedgerStatus.RECEIVED, "b@example.com", LedgerStatus.RECEIVED));
        at.postponeAll(List.of(new Postponement("a@example.com", "503"), new Postponement("b@example.com", "503")),
                BACKOFF);
        assertThat(at.waiting(10)).isEmpty();

        assertThat(at.wakeWaiting()).isEqualTo(2);

        assertThat(at.waiting(10)).extracting(LedgerEntry::emailKey)
                .containsExactlyInAnyOrder("a@example.com", "b@example.com");
    }

    @Test
    void aLedgerMadeBeforePeopleCouldWaitGetsTheColumnsAndLetsThemWait() throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            sql.execute("ALTER TABLE signup_ledger DROP COLUMN next_attempt_at");
            sql.execute("ALTER TABLE signup_ledger DROP COLUMN waiting_since");
        }

        ledger.createSchema();
        ledger.accept(ledger.startBatch(SignupSource.CSV, "old.csv").id(), List.of(arrival(2, "old@example.com")));
        ledger.claim("old@example.com", LedgerStatus.RECEIVED);

        assertThat(ledger.postponeAll(List.of(new Postponement("old@example.com", "503")), BACKOFF))
                .containsExactly(Map.entry("old@example.com", LedgerStatus.WAITING));
    }

    @Test
    void keepsAVeryLongReasonInPartInsteadOfFailing() {
        Batch batch = ledger.startBatch(SignupSource.CSV, "long.csv");

        ledger.accept(batch.id(), List.of(Arrival.unreadable(2, "long.csv:2", "x".repeat(10_000))));

        assertThat(lines(batch).get(0).reason()).hasSize(2000).endsWith("…");
    }

    private List<BatchLine> lines(Batch batch) {
        List<BatchLine> lines = new ArrayList<>();
        ledger.forEachLine(batch.id(), lines::add);
        return lines;
    }

    private static Arrival withPlan(long itemNo, String email, String plan) {
        Signup signup = new Signup(email, "First", null, null, null, List.of(1), Map.of("plan", plan),
                SignupSource.CSV, "src:" + itemNo);
        return Arrival.classified(itemNo, signup, CLASSIFIER.classify(email, null));
    }

    private static Arrival arrival(long itemNo, String email) {
        Signup signup = new Signup(email, "First", null, null, null, List.of(1), Map.of("plan", "gold"),
                SignupSource.CSV, "src:" + itemNo);
        return Arrival.classified(itemNo, signup, CLASSIFIER.classify(email, null));
    }
}
