package io.camelretool.benchmarks.report;

import java.util.Locale;

/** How numbers read in the table: grouped thousands, two or three decimals for ratios, MiB for memory. */
public final class Format {

    private Format() {
    }

    public static String count(double value) {
        return String.format(Locale.ROOT, "%,.0f", value);
    }

    public static String ratio(double value) {
        return String.format(Locale.ROOT, value < 10 ? "%.3f" : "%.1f", value);
    }

    public static String decimal(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    public static String mebibytes(long bytes) {
        return String.format(Locale.ROOT, "%,d MiB", Math.round(bytes / (1024.0 * 1024.0)));
    }

    /** The verdict that follows a target in the table. */
    public static String verdict(boolean met) {
        return met ? "met" : "**missed**";
    }
}
