package io.camelretool.example.ledger;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

/**
 * The console's questions to the ledger and its two tables (audit trail, cap permissions) on H2;
 * {@link PostgresLedgerQueriesTest} runs the same cases on PostgreSQL.
 */
class LedgerQueriesTest {

    private static final SignupClassifier CLASSIFIER = SignupClassifier.builder().organizationDomains("acme.com")
            .build();

    @TempDir
    Path folder;

    DataSource dataSource;
    Ledger ledger;

    DataSource dataSource() throws Exception {
        return LedgerDataSource.forUrl(LedgerDataSource.embeddedUrl(folder), "", "");
    }

    @BeforeEach
    void openLedger() throws Exception {
        dataSource = dataSource();
        ledger = new Ledger(dataSource, Clock.systemUTC());
        ledger.createSchema();
        // a second start finds the tables there and changes nothing
        ledger.createSchema();
    }

    @AfterEach
    void closeLedger() {
        LedgerDataSource.close(dataSource);
    }

    @Test
    void countsPeopleByStatusAndClassAndFindsThemByAnyPartOfTheirEmailLiterally() {
        Batch batch = ledger.startBatch(SignupSource.CSV, "team.csv");
        ledger.accept(batch.id(), List.of(arrival(2, "ada@outside.example"), arrival(3, "bob@acme.com"),
                arrival(4, "a_b@outside.example"), arrival(5, "not an address")));
        ledger.closeBatch(batch.id());

        Map<LedgerStatus, Map<UserClass, Long>> counts = ledger.queries().countsByStatus();
        assertThat(counts.get(LedgerStatus.RECEIVED)).containsEntry(UserClass.EXTERNAL, 2L)
                .containsEntry(UserClass.END_USER, 1L);
        LedgerQueries queries = ledger.queries();
        assertThat(queries.people("ACME.com", null, null, 0, 10).items()).extracting(LedgerEntry::emailKey)
                .containsExactly("bob@acme.com");
        // LIKE's wildcards are searched for as the characters they are
        assertThat(queries.people("_", null, null, 0, 10).items()).extracting(LedgerEntry::emailKey)
                .containsExactly("a_b@outside.example");
        assertThat(queries.people("%", null, null, 0, 10).items()).isEmpty();
        assertThat(queries.people("", LedgerStatus.RECEIVED, UserClass.EXTERNAL, 0, 10).items()).hasSize(2);
        LedgerQueries.Page<LedgerEntry> first = queries.people(null, null, null, 0, 2);
        LedgerQueries.Page<LedgerEntry> second = queries.people(null, null, null, 2, 2);
        assertThat(first.more()).isTrue();
        assertThat(second.more()).isFalse();
        assertThat(first.items()).doesNotContainAnyElementsOf(second.items());

        assertThat(queries.history("ada@outside.example")).singleElement().satisfies(line -> {
            assertThat(line.batchId()).isEqualTo(batch.id());
            assertThat(line.itemNo()).isEqualTo(2);
            assertThat(line.outcome()).isEqualTo(ItemOutcome.PENDING);
        });
        LedgerQueries.BatchSummary summary = queries.batches(0, 10).items().get(0);
        assertThat(summary.byOutcome()).containsEntry(ItemOutcome.PENDING, 3L).containsEntry(ItemOutcome.REJECTED, 1L);
        assertThat(summary.lines()).isEqualTo(4);
    }

    @Test
    void countsTheInvitesSentTodayAndTheNewSeatsOfABatch() {
        Batch batch = ledger.startBatch(SignupSource.WEBHOOK, "request-1");
        ledger.accept(batch.id(), List.of(arrival(1, "ada@outside.example"), arrival(2, "eve@outside.example")));
        ledger.closeBatch(batch.id());
        ledger.claim("ada@outside.example", LedgerStatus.RECEIVED);
        ledger.settle("ada@outside.example", LedgerStatus.SENDING, LedgerStatus.INVITED, 7L, null, null);
        ledger.claim("eve@outside.example", LedgerStatus.RECEIVED);
        ledger.settle("eve@outside.example", LedgerStatus.SENDING, LedgerStatus.FAILED, null, null, "500");

        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        assertThat(ledger.queries().invitesPerDay(today.minusDays(29)))
                .containsExactly(new LedgerQueries.DayCount(today, 1));
        assertThat(ledger.queries().batchSummary(batch.id()).orElseThrow().seatsByClass())
                .containsExactly(Map.entry(UserClass.EXTERNAL, 1L));
        assertThat(ledger.queries().inBatch(batch.id(), LedgerStatus.FAILED)).extracting(LedgerEntry::emailKey)
                .containsExactly("eve@outside.example");
        assertThat(ledger.queries().withStatus(LedgerStatus.FAILED, 10)).hasSize(1);
    }

    @Test
    void letsPeopleOverTheCapThroughTodayOnceAndRemembersWhoWasLetThrough() {
        Batch batch = ledger.startBatch(SignupSource.CSV, "cap.csv");
        ledger.accept(batch.id(), List.of(arrival(2, "held@outside.example"), arrival(3, "new@outside.example")));
        ledger.settle("held@outside.example", LedgerStatus.RECEIVED, LedgerStatus.OVER_CAP, null, null, "cap");

        Set<String> first = ledger.queries().letPastCapToday(List.of("held@outside.example", "new@outside.example"),
                "operator");
        Set<String> second = ledger.queries().letPastCapToday(List.of("held@outside.example"), "operator");

        assertThat(first).containsExactly("held@outside.example");
        assertThat(second).isEmpty();
        assertThat(ledger.find("held@outside.example").orElseThrow().status()).isEqualTo(LedgerStatus.RECEIVED);
        assertThat(ledger.queries().pastCapToday(List.of("held@outside.example", "other@outside.example")))
                .containsExactly("held@outside.example");
    }

    @Test
    void keepsTheAuditTrailNewestFirstWithHostileTextAsWritten() {
        AuditTrail audit = ledger.auditTrail();
        audit.record("operator", "replay", "ada@outside.example", "1 queued");
        audit.record("<script>x</script>", "let-through", "a_b@outside.example, ada@outside.example",
                "x".repeat(5000));

        assertThat(audit.recent(10)).extracting(AuditTrail.Entry::action).containsExactly("let-through", "replay");
        assertThat(audit.recent(10).get(0).actor()).isEqualTo("<script>x</script>");
        assertThat(audit.recent(10).get(0).outcome()).hasSize(LedgerSchema.TEXT_LENGTH);
        assertThat(audit.about("ada@outside.example", List.of(), 10)).hasSize(2);
        assertThat(audit.about("a_b@outside.example", List.of(), 10)).hasSize(1);
        assertThat(audit.about("a%", List.of(), 10)).isEmpty();
    }

    @Test
    void aPersonsAuditTrailHasTheActionsOnTheirBatchesAndNoOtherBatches() {
        AuditTrail audit = ledger.auditTrail();
        audit.record("operator", "replay-batch", AuditTrail.BATCH_TARGET + "csv-1", "2 queued for an invite");
        audit.record("operator", "replay-batch", AuditTrail.BATCH_TARGET + "csv-10", "1 queued for an invite");
        audit.record("operator", "accept-mail", "review mail 7", AuditTrail.ACCEPTED_AS + "mail-1: 1 new");
        audit.record("operator", "accept-mail", "review mail 8", AuditTrail.ACCEPTED_AS + "mail-10: 1 new");
        audit.record("operator", "let-through", "grace@outside.example", "1 let through");

        assertThat(audit.about("ada@outside.example", List.of("csv-1", "mail-1", "csv-1"), 10))
                .extracting(AuditTrail.Entry::target).containsExactly("review mail 7", "batch csv-1");
        assertThat(audit.about("ada@outside.example", List.of("csv_1%"), 10)).isEmpty();
    }

    private static Arrival arrival(long line, String email) {
        Signup signup = new Signup(email, "First", "Last", null, null, List.of(), Map.of(), SignupSource.CSV,
                "src:" + line);
        return Arrival.classified(line, signup, CLASSIFIER.classify(email, null));
    }
}
