package io.camelretool.benchmarks.measure;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleFunction;

/** The values of several runs of one measurement: the median is the figure, the smallest and largest its spread. */
public final class Samples {

    private final List<Double> values = new ArrayList<>();

    public void add(double value) {
        values.add(value);
    }

    public double median() {
        double[] sorted = sorted();
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /** The value below which {@code percent} of the values lie (nearest rank). */
    public double percentile(double percent) {
        double[] sorted = sorted();
        int rank = (int) Math.ceil(percent / 100 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    /** For example {@code 640 r/s (612 to 655, 3 runs)}, each number written by {@code number}. */
    public String describe(DoubleFunction<String> number, String unit) {
        double[] sorted = sorted();
        String median = number.apply(median()) + unit;
        return sorted.length == 1 ? median + " (1 run)"
                : median + " (" + number.apply(sorted[0]) + " to " + number.apply(sorted[sorted.length - 1]) + ", "
                  + sorted.length + " runs)";
    }

    private double[] sorted() {
        if (values.isEmpty()) {
            throw new IllegalStateException("no runs were measured");
        }
        return values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    }
}
