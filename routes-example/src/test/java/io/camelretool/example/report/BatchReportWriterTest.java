package io.camelretool.example.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import javax.sql.DataSource;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelretool.component.classify.SeatPriceTable;
import io.camelretool.component.classify.SignupClassifier;
import io.camelretool.component.classify.UserClass;
import io.camelretool.example.ledger.Batch;
import io.camelretool.example.ledger.BatchLine;
import io.camelretool.example.ledger.ItemOutcome;
import io.camelretool.example.ledger.Ledger;
import io.camelretool.example.ledger.LedgerDataSource;
import io.camelretool.example.pipeline.SignupIntake;
import io.camelretool.example.signup.Signup;
import io.camelretool.example.signup.SignupSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class BatchReportWriterTest {

    @TempDir
    Path folder;

    @Test
    void defusesCellsASpreadsheetWouldRunAsAFormula() {
        BatchLine line = new BatchLine(2, "=HYPERLINK(\"http://evil\").csv:2", "@SUM(1+1)@example.com",
                UserClass.EXTERNAL, ItemOutcome.FAILED, "-2+3 \"quoted\"", null, null, null);

        assertThat(BatchReportWriter.csvLine(line)).isEqualTo("2,\"'=HYPERLINK(\"\"http://evil\"\").csv:2\","
                + "\"'@SUM(1+1)@example.com\",\"EXTERNAL\",\"FAILED\",\"'-2+3 \"\"quoted\"\"\",,");
    }

    @Test
    void twoNodesWritingTheSameReportAtOnceLeaveOneWholeReportAndNoPartFiles() throws Exception {
        DataSource dataSource = LedgerDataSource.forUrl(LedgerDataSource.embeddedUrl(folder), "", "");
        try {
            Ledger ledger = new Ledger(dataSource, Clock.systemUTC());
            ledger.createSchema();
            SignupIntake intake = new SignupIntake(ledger, SignupClassifier.builder().build());
            Batch batch = intake.acceptBatch(SignupSource.WEBHOOK, "webhook-1", List.of(
                    intake.arrival(1, new Signup("ada@example.com", "Ada", null, null, null, List.of(), Map.of(),
                            SignupSource.WEBHOOK, "webhook-1#0")))).batch();
            Path reports = folder.resolve("reports");
            BatchReportWriter writer = new BatchReportWriter(reports, folder.resolve("dead-letter"),
                    SeatPriceTable.businessPlanDefaults(), false);

            CompletableFuture.allOf(Stream.generate(() -> CompletableFuture.runAsync(() -> {
                try {
                    writer.write(batch, ledger);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            })).limit(4).toArray(CompletableFuture[]::new)).join();

            try (Stream<Path> files = Files.list(reports)) {
                assertThat(files.map(file -> file.getFileName().toString()))
                        .containsExactlyInAnyOrder(batch.id() + ".json", batch.id() + ".csv");
            }
            assertThat(new ObjectMapper().readTree(reports.resolve(batch.id() + ".json").toFile())
                    .path("lines").get(0).path("email").asText()).isEqualTo("ada@example.com");
        } finally {
            LedgerDataSource.close(dataSource);
        }
    }
}
