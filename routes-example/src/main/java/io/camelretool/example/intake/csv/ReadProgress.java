package io.camelretool.example.intake.csv;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;

/**
 * Counts the bytes a reader has taken from a file of known size, so progress on a large file can be told in rows,
 * rows a second and an estimate of the time left (from the share of bytes read).
 */
public final class ReadProgress extends FilterInputStream {

    private final long totalBytes;
    private final long startedNanos = System.nanoTime();
    private long bytesRead;

    public ReadProgress(InputStream in, long totalBytes) {
        super(in);
        this.totalBytes = totalBytes;
    }

    @Override
    public int read() throws IOException {
        int value = super.read();
        if (value >= 0) {
            bytesRead++;
        }
        return value;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int count = super.read(buffer, offset, length);
        if (count > 0) {
            bytesRead += count;
        }
        return count;
    }

    /** For example {@code 50000 rows, 4100 rows/s, 37% read, about 21 s left}. */
    public String describe(long rows) {
        double seconds = Math.max(1e-3, (System.nanoTime() - startedNanos) / 1e9);
        StringBuilder text = new StringBuilder().append(rows).append(" rows, ").append(Math.round(rows / seconds))
                .append(" rows/s");
        if (totalBytes > 0 && bytesRead > 0) {
            double share = Math.min(1.0, (double) bytesRead / totalBytes);
            long left = Math.round(seconds * (1 - share) / share);
            text.append(", ").append(Math.round(share * 100)).append("% read, about ")
                    .append(Duration.ofSeconds(left).toString().substring(2).toLowerCase(java.util.Locale.ROOT))
                    .append(" left");
        }
        return text.toString();
    }
}
