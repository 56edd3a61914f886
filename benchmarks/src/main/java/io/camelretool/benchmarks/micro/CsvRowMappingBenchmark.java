package io.camelretool.benchmarks.micro;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import io.camelretool.benchmarks.workload.SignupCsv;
import io.camelretool.example.intake.csv.SignupCsvReader;
import io.camelretool.example.intake.csv.UnreadableCsvException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The application's {@link SignupCsvReader} turning an in-memory CSV into signups, in rows a second, against the
 * baseline of commons-csv (which the reader uses) parsing the same bytes in one pass without mapping: the
 * difference is what the reader adds to find each record's lines, parse it alone and map its cells.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@OperationsPerInvocation(CsvRowMappingBenchmark.ROWS)
public class CsvRowMappingBenchmark {

    static final int ROWS = 1000;
    private static final byte[] CSV = SignupCsv.bytes(ROWS);
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
            .setIgnoreSurroundingSpaces(true).get();

    @Benchmark
    public void signupCsvReader(Blackhole rows) throws IOException, UnreadableCsvException {
        try (SignupCsvReader reader = SignupCsvReader.open(new ByteArrayInputStream(CSV), "bench.csv")) {
            while (reader.hasNext()) {
                rows.consume(reader.next());
            }
        }
    }

    @Benchmark
    public void commonsCsvOnly(Blackhole rows) throws IOException {
        try (CSVParser parser = CSVParser.parse(new InputStreamReader(new ByteArrayInputStream(CSV),
                StandardCharsets.UTF_8), FORMAT)) {
            for (CSVRecord record : parser) {
                rows.consume(record);
            }
        }
    }
}
