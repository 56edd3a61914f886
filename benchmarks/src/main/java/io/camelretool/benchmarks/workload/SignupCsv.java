package io.camelretool.benchmarks.workload;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The signup CSV every CSV benchmark reads: a header the application recognises and rows that are all valid and
 * all different. One row in ten is from the organisation's domain ({@link #ORGANISATION_DOMAIN}), a tenth of those
 * asks for the editor role; the rest are external seats, as in a customer-facing signup stream.
 */
public final class SignupCsv {

    public static final String ORGANISATION_DOMAIN = "acme.test";
    public static final String HEADER = "email,first_name,last_name,company,role,groups";

    private SignupCsv() {
    }

    /** Row {@code i} (from 0), without its line break. */
    public static String row(int i) {
        boolean internal = i % 10 == 0;
        String domain = internal ? ORGANISATION_DOMAIN : i % 3 == 0 ? "example.org" : "example.com";
        String role = internal && i % 100 == 0 ? "editor" : "";
        return "user" + i + "@" + domain + ",First" + i + ",Last" + i + ",Company " + i % 997 + "," + role + ",4";
    }

    /** The header and {@code rows} rows, as a file. */
    public static void write(Path file, int rows) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(HEADER);
            out.newLine();
            for (int i = 0; i < rows; i++) {
                out.write(row(i));
                out.newLine();
            }
        }
    }

    /** The header and {@code rows} rows, in memory. */
    public static byte[] bytes(int rows) {
        StringBuilder text = new StringBuilder(HEADER).append('\n');
        for (int i = 0; i < rows; i++) {
            text.append(row(i)).append('\n');
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }
}
