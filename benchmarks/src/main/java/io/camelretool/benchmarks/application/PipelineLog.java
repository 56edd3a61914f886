package io.camelretool.benchmarks.application;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Follows the application's log through one CSV batch, line by line as it is printed: when the folder route began
 * reading the file, when every row was in the ledger, and when each row was settled (the pipeline logs one line per
 * outcome). The end of the batch is not taken from here but from its report file, so a log that changes its wording
 * costs the phase figures and never the end-to-end one.
 */
final class PipelineLog implements Consumer<String> {

    private static final Pattern OUTCOME = Pattern.compile("InvitePipeline - \\S+ [A-Z_]+ \\(CSV \\S+\\): [A-Z_]+");

    private final long[] settledAt;
    private final AtomicInteger settled = new AtomicInteger();
    private volatile long readingStartedAt;
    private volatile long acceptedAt;
    private volatile boolean outOfMemory;

    PipelineLog(int rows) {
        this.settledAt = new long[rows];
    }

    @Override
    public void accept(String line) {
        long now = System.nanoTime();
        if (line.contains("Reading signups from")) {
            readingStartedAt = now;
        } else if (line.contains("rows accepted as batch")) {
            acceptedAt = now;
        } else if (OUTCOME.matcher(line).find()) {
            int row = settled.get();
            if (row < settledAt.length) {
                settledAt[row] = now;
            }
            settled.incrementAndGet();
        } else if (line.contains("OutOfMemoryError")) {
            outOfMemory = true;
        }
    }

    /** {@link System#nanoTime()} of the line that says reading began, 0 while it has not come. */
    long readingStartedAt() {
        return readingStartedAt;
    }

    /** {@link System#nanoTime()} of the line that says every row was accepted into the ledger, 0 while it has not come. */
    long acceptedAt() {
        return acceptedAt;
    }

    int settled() {
        return Math.min(settled.get(), settledAt.length);
    }

    boolean sawOutOfMemory() {
        return outOfMemory;
    }

    /** How many rows were settled before {@code nanos}; read only once the application has stopped. */
    int settledBefore(long nanos) {
        int count = settled();
        int low = 0;
        int high = count;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (settledAt[middle] < nanos) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    /** {@link System#nanoTime()} of the first row settled; read only once the application has stopped and some was. */
    long firstSettledAt() {
        return settledAt[0];
    }
}
