package io.camelretool.example.hostile;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.camelretool.testing.Manifest;

/** The requests of {@code hostile/webhook/manifest.csv}: bodies read or (for {@code gen-*}) made, and how to send them. */
final class WebhookCorpus {

    private static final String FOLDER = "/hostile/webhook/";
    private static final int MEBIBYTE = 1024 * 1024;

    /** One request of the corpus and what it should be answered. */
    record Case(String file, Map<String, String> request, int status, String answer, ExpectedLines lines,
                String proves) {

        /** How the request is sent: {@code sig}, {@code ts}, {@code type}, {@code method}, {@code chunked}. */
        String option(String name, String byDefault) {
            return request.getOrDefault(name, byDefault);
        }

        byte[] body() {
            return file.startsWith("gen-") ? generated(file) : Manifest.file(FOLDER + file);
        }

        @Override
        public String toString() {
            return file + (request.isEmpty() ? "" : " " + request) + ": " + proves;
        }
    }

    private WebhookCorpus() {
    }

    static List<Case> cases() {
        return Manifest.read(FOLDER + "manifest.csv").stream()
                .map(row -> new Case(row.get("file"), options(row.get("request")), Integer.parseInt(row.get("status")),
                        row.get("answer"), ExpectedLines.parse(row.get("lines")), row.get("proves")))
                .toList();
    }

    private static Map<String, String> options(String cell) {
        if (cell == null) {
            return Map.of();
        }
        return Arrays.stream(cell.split(" ")).collect(Collectors.toMap(option -> option.split("=", 2)[0],
                option -> option.contains("=") ? option.split("=", 2)[1] : "yes"));
    }

    /** The bodies too large to keep in the repository, made as the manifest describes them. */
    private static byte[] generated(String file) {
        String body = switch (file) {
            case "gen-exactly-one-mebibyte.json" -> padded("{\"email\":\"wh-limit@example.com\"}", MEBIBYTE);
            case "gen-one-mebibyte-and-one-byte.json" -> padded("{\"email\":\"wh-over@example.com\"}", MEBIBYTE + 1);
            case "gen-chunked-two-mebibytes.json" -> padded("{\"email\":\"wh-chunked@example.com\"}", 2 * MEBIBYTE);
            case "gen-1000-signups.json" -> signups(1000);
            case "gen-1001-signups.json" -> signups(1001);
            case "gen-nested-25-deep.json" -> "{\"email\":\"wh-deep@example.com\",\"attributes\":"
                                              + "{\"a\":".repeat(24) + "1" + "}".repeat(24) + "}";
            case "gen-nested-5000-deep.json" -> "[".repeat(5000) + "]".repeat(5000);
            case "gen-long-key.json" -> "{\"" + "k".repeat(60_000) + "\":1}";
            case "gen-huge-attributes.json" -> IntStream.range(0, 21)
                    .mapToObj(i -> "\"a" + i + "\":\"" + "v".repeat(9_999) + "\"")
                    .collect(Collectors.joining(",", "{\"email\":\"wh-a6@example.com\",\"attributes\":{", "}}"));
            default -> throw new IllegalArgumentException("no generator for " + file);
        };
        return body.getBytes(StandardCharsets.UTF_8);
    }

    private static String padded(String json, int bytes) {
        return json + " ".repeat(bytes - json.length());
    }

    private static String signups(int count) {
        return IntStream.range(0, count).mapToObj(i -> "{\"email\":\"wh-bulk" + i + "@example.com\"}")
                .collect(Collectors.joining(",", "[", "]"));
    }
}
