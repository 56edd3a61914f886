package io.camelretool.benchmarks.measure;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The live heap of a running JVM: the total of {@code jcmd <pid> GC.class_histogram}, which runs a full collection
 * first, so only reachable objects count. That collection disturbs the JVM, so it is taken once, at the end of a run.
 */
public final class LiveHeap {

    private LiveHeap() {
    }

    public static long bytes(long pid) throws IOException, InterruptedException {
        Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(pid), "GC.class_histogram").redirectErrorStream(true).start();
        String output = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!jcmd.waitFor(60, TimeUnit.SECONDS) || jcmd.exitValue() != 0) {
            throw new IOException("jcmd GC.class_histogram failed for process " + pid + ": " + output);
        }
        // the last line: "Total        883142       43671800" (instances, bytes)
        for (String line : output.lines().toList()) {
            if (line.startsWith("Total")) {
                String[] columns = line.trim().split("\\s+");
                return Long.parseLong(columns[columns.length - 1]);
            }
        }
        throw new IOException("jcmd GC.class_histogram printed no Total line for process " + pid);
    }
}
