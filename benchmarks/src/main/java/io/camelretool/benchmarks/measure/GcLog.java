package io.camelretool.benchmarks.measure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The heap figures of a JVM run with {@code -Xlog:gc:file=...}. Every pause logs the heap in use before and after it
 * ({@code Pause Young (Normal) (G1 Evacuation Pause) 45M->12M(128M) 3.456ms}): the largest "before" is the most the
 * heap held, garbage included, which is what must fit under {@code -Xmx}. (The "after" of a young pause is not the
 * live set: old garbage stays until a mixed or full collection; {@link LiveHeap} measures that.) A log sees every
 * peak, however short, and costs the measured JVM next to nothing, which polling would not.
 */
public record GcLog(int pauses, int fullCollections, long peakUsedBytes) {

    private static final Pattern HEAP_CHANGE = Pattern.compile("(\\d+)([KMG])->\\d+[KMG]\\(\\d+[KMG]\\)");

    public static GcLog read(Path file) throws IOException {
        int pauses = 0;
        int full = 0;
        long peakUsed = 0;
        for (String line : Files.readAllLines(file)) {
            Matcher change = HEAP_CHANGE.matcher(line);
            if (change.find()) {
                pauses++;
                full += line.contains("Pause Full") ? 1 : 0;
                peakUsed = Math.max(peakUsed, bytes(change.group(1), change.group(2)));
            }
        }
        return new GcLog(pauses, full, peakUsed);
    }

    private static long bytes(String number, String unit) {
        long value = Long.parseLong(number);
        return switch (unit) {
            case "K" -> value << 10;
            case "M" -> value << 20;
            default -> value << 30;
        };
    }
}
