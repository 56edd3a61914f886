package io.camelretool.example.report;

import io.camelretool.component.classify.UserClass;
import io.camelretool.example.ledger.BatchLine;
import io.camelretool.example.ledger.ItemOutcome;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BatchReportWriterTest {

    @Test
    void defusesCellsASpreadsheetWouldRunAsAFormula() {
        BatchLine line = new BatchLine(2, "=HYPERLINK(\"http://evil\").csv:2", "@SUM(1+1)@example.com",
                UserClass.EXTERNAL, ItemOutcome.FAILED, "-2+3 \"quoted\"", null, null, null);

        assertThat(BatchReportWriter.csvLine(line)).isEqualTo("2,\"'=HYPERLINK(\"\"http://evil\"\").csv:2\","
                + "\"'@SUM(1+1)@example.com\",\"EXTERNAL\",\"FAILED\",\"'-2+3 \"\"quoted\"\"\",,");
    }
}
