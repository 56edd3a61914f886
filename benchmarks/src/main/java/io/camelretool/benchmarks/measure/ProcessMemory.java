package io.camelretool.benchmarks.measure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A process's resident memory as Linux reports it in {@code /proc/<pid>/status}: {@code VmRSS} now and
 * {@code VmHWM}, the most it has held since it started. Read while the process is alive.
 */
public record ProcessMemory(long residentBytes, long peakResidentBytes) {

    public static ProcessMemory of(long pid) throws IOException {
        long resident = -1;
        long peak = -1;
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                resident = kibibytes(line);
            } else if (line.startsWith("VmHWM:")) {
                peak = kibibytes(line);
            }
        }
        if (resident < 0 || peak < 0) {
            throw new IOException("/proc/" + pid + "/status has no VmRSS or VmHWM line; is this Linux?");
        }
        return new ProcessMemory(resident * 1024, peak * 1024);
    }

    /** {@code VmHWM:	  313244 kB} */
    private static long kibibytes(String line) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
    }
}
