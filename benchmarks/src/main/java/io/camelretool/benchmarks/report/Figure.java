package io.camelretool.benchmarks.report;

/**
 * One line of the results table: what was measured, the baseline measured beside it in the same run, their ratio
 * (empty where a ratio says nothing) and the target with whether it was met.
 */
public record Figure(String name, String measured, String baseline, String ratio, String target) {
}
