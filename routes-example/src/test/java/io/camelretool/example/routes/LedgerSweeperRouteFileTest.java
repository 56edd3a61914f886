package io.camelretool.example.routes;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import io.camelretool.component.classify.SeatPriceTable;
import io.camelretool.example.ledger.Arrival;
import io.camelretool.example.ledger.Batch;
import io.camelretool.example.ledger.Ledger;
import io.camelretool.example.ledger.LedgerSweeper;
import io.camelretool.example.pipeline.InviteReconciler;
import io.camelretool.example.report.BatchReportWriter;
import io.camelretool.example.report.WaitingNoteWriter;
import io.camelretool.example.signup.SignupSource;
import org.apache.camel.BeanInject;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The route file {@code camel/ledger-sweeper.camel.yaml} alone, as {@code camel-test-main-junit5} starts it: its bean
 * over an in-memory ledger and a reports folder under target/, no HTTP server, no Retool.
 */
@CamelMainTest(propertyPlaceholderLocations = "classpath:route-tests/ledger-sweeper.properties",
               configurationClasses = LedgerSweeperRouteFileTest.Beans.class)
class LedgerSweeperRouteFileTest {

    private static final Path REPORTS = Path.of("target/route-tests/ledger-sweeper-" + UUID.randomUUID());
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    /** The routes' bean, as RouteBeans binds it: here over a ledger in memory. */
    public static class Beans implements CamelConfiguration {

        @BindToRegistry("ledger")
        public Ledger ledger() {
            return RouteTestLedgers.ledger(RouteTestLedgers.memory("sweeper"));
        }

        @BindToRegistry("ledgerSweeper")
        public LedgerSweeper ledgerSweeper(Ledger ledger) {
            return new LedgerSweeper(ledger, new InviteReconciler(ledger, Duration.ofMinutes(1), Clock.systemUTC()),
                    new BatchReportWriter(REPORTS, REPORTS.resolve("dead-letter"),
                            SeatPriceTable.businessPlanDefaults(), false),
                    new WaitingNoteWriter(REPORTS), Duration.ofMinutes(5));
        }
    }

    @BeanInject
    Ledger ledger;

    @Test
    void aSettledBatchGetsItsReportWrittenAndIsMarkedReported() throws IOException {
        Batch batch = ledger.startBatch(SignupSource.CSV, "bad.csv");
        ledger.accept(batch.id(), List.of(Arrival.unreadable(2, "bad.csv:2", "has 1 cells but the header has 3")));
        ledger.closeBatch(batch.id());

        await().atMost(PATIENCE).until(() -> ledger.batch(batch.id()).orElseThrow().reportedAt() != null);

        assertThat(ledger.reportableBatches()).doesNotContain(batch.id());
        assertThat(reportFiles()).anyMatch(name -> name.contains(batch.id()));
    }

    private static List<String> reportFiles() throws IOException {
        try (var files = Files.walk(REPORTS)) {
            return files.filter(Files::isRegularFile).map(path -> path.getFileName().toString()).toList();
        }
    }
}
