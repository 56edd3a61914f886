package io.camelretool.example.hostile;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.camelretool.testing.Manifest;

/** The CSV cases of {@code hostile/csv/manifest.csv} with their content, read or (for {@code gen-*}) generated. */
final class CsvCorpus {

    private static final String FOLDER = "/hostile/csv/";

    /** One file of the corpus and what should become of it. */
    record Case(String file, String outcome, ExpectedLines lines, String reportCsv, String proves) {

        boolean ignored() {
            return outcome.equals("ignored");
        }

        boolean refused() {
            return outcome.startsWith("error ");
        }

        /** The text the reason of a refused file holds. */
        String reason() {
            return outcome.substring("error ".length());
        }

        byte[] content() {
            return file.startsWith("gen-") ? generated(file) : Manifest.file(FOLDER + file);
        }

        @Override
        public String toString() {
            return file + ": " + proves;
        }
    }

    private CsvCorpus() {
    }

    static List<Case> cases() {
        return Manifest.read(FOLDER + "manifest.csv").stream()
                .map(row -> new Case(row.get("file"), row.get("outcome"), ExpectedLines.parse(row.get("lines")),
                        row.get("report_csv"), row.get("proves")))
                .toList();
    }

    /** The files too large to keep in the repository, made as the manifest describes them. */
    private static byte[] generated(String file) {
        String text = switch (file) {
            case "gen-long-line.csv" -> "email,first_name\n" + "x".repeat(200_000) + "\ngen-long2@example.com,Lo\n";
            case "gen-long-header.csv" -> "email," + "h".repeat(200_000) + "\nheader@example.com,x\n";
            case "gen-endless-quote.csv" -> "email,first_name\n\"gen-eq-open@example.com,Never\n"
                                            + "swallowed\n".repeat(100) + "gen-eq@example.com,Found\n";
            case "gen-2000-rows.csv" -> "email\n" + "gen-rows@example.com\n".repeat(2000);
            case "gen-2000-columns.csv" -> {
                String names = IntStream.range(0, 1999).mapToObj(i -> "attr.a" + i).collect(Collectors.joining(","));
                yield "email,attr.plan," + names + "\n"
                      + "gen-wide1@example.com,gold" + ",".repeat(1999) + "\n"
                      + "gen-wide2@example.com," + "v,".repeat(1999) + "v\n";
            }
            default -> throw new IllegalArgumentException("no generator for " + file);
        };
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
