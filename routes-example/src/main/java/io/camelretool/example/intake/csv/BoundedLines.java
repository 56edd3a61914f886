package io.camelretool.example.intake.csv;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;

/**
 * The physical lines of a text (ended by LF, CR LF or CR), none held longer than a bound: a longer one is read to
 * its end without being kept, so a file that is one endless line costs a bounded buffer, not the heap.
 */
final class BoundedLines implements Closeable {

    /** One line: its text, or none when it was longer than the bound. */
    record PhysicalLine(String text) {

        boolean tooLong() {
            return text == null;
        }
    }

    private final Reader in;
    private final int maxLength;
    private final char[] buffer = new char[8192];
    private int position;
    private int limit;
    private boolean skipLineFeed;

    BoundedLines(Reader in, int maxLength) {
        this.in = in;
        this.maxLength = maxLength;
    }

    /** The next line, or null at the end of the text. */
    PhysicalLine next() throws IOException {
        StringBuilder line = new StringBuilder();
        boolean tooLong = false;
        boolean started = false;
        while (position < limit || fill()) {
            if (skipLineFeed) {
                skipLineFeed = false;
                if (buffer[position] == '\n') {
                    position++;
                    continue;
                }
            }
            started = true;
            int from = position;
            while (position < limit && buffer[position] != '\n' && buffer[position] != '\r') {
                position++;
            }
            if (!tooLong) {
                line.append(buffer, from, position - from);
                if (line.length() > maxLength) {
                    tooLong = true;
                    line = new StringBuilder();
                }
            }
            if (position < limit) {
                skipLineFeed = buffer[position++] == '\r';
                return new PhysicalLine(tooLong ? null : line.toString());
            }
        }
        return started ? new PhysicalLine(tooLong ? null : line.toString()) : null;
    }

    private boolean fill() throws IOException {
        int read = in.read(buffer, 0, buffer.length);
        position = 0;
        limit = Math.max(read, 0);
        return read > 0;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
