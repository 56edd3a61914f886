package io.camelretool.benchmarks.measure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The heap figures of a JVM run with {@code -Xlog:gc:file=...}. Every collection logs the heap in use before and
 * after it ({@code Pause Young (Normal) (G1 Evacuation Pause) 45M->12M(128M) 3.456ms}): the largest "before" is the
 * most the heap held, garbage included; the largest "after" is the most that was still live. A log is used rather
 * than polling because it sees every peak, however short, and costs the measured JVM nothing.
 */
public record GcLog(int collections, int fullCollections, long peakUsedBytes, long peakLiveBytes) {

    private static final Pattern HEAP_CHANGE = Pattern.compile("(\\d+)([KMG])->(\\d+)([KMG])\\((\\d+)([KMG])\\)");

    public static GcLog read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        int collections = 0;
        int full = 0;
        long peakUsed = 0;
        long peakLive = 0;
        for (String line : lines) {
            Matcher change = HEAP_CHANGE.matcher(line);
            if (change.find()) {
                collections++;
                full += line.contains("Pause Full") ? 1 : 0;
                peakUsed = Math.max(peakUsed, bytes(change.group(1), change.group(2)));
                peakLive = Math.max(peakLive, bytes(change.group(3), change.group(4)));
            }
        }
        return new GcLog(collections, full, peakUsed, peakLive);
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
