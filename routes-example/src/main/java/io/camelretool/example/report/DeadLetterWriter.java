package io.camelretool.example.report;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import io.camelretool.example.intake.csv.CsvCells;
import io.camelretool.example.files.PrivateFiles;
import io.camelretool.example.ledger.BatchLine;
import io.camelretool.example.ledger.ItemOutcome;
import io.camelretool.example.ledger.Ledger;
import io.camelretool.example.signup.Signup;

/**
 * Writes a batch's failed signups to {@code <dead-letter>/<batch-id>.csv}: a signup CSV in the inbox's own format
 * (so moving it into the inbox replays it) with a last column, {@code failure_reason}, that the inbox ignores.
 */
final class DeadLetterWriter {

    private final Path folder;

    DeadLetterWriter(Path folder) {
        this.folder = folder;
    }

    Path write(String batchId, Set<String> attributeNames, Ledger ledger) throws IOException {
        PrivateFiles.directory(folder);
        Path target = folder.resolve(batchId + ".csv");
        Path part = PrivateFiles.temporary(folder, batchId + ".csv.", ".part");
        try (BufferedWriter out = Files.newBufferedWriter(part, StandardCharsets.UTF_8)) {
            List<String> header = new ArrayList<>(List.of("email", "first_name", "last_name", "company", "role",
                    "groups"));
            attributeNames.forEach(name -> header.add("attr." + name));
            header.add("failure_reason");
            out.write(String.join(",", header));
            out.newLine();
            ledger.forEachLine(batchId, line -> {
                if (line.outcome() == ItemOutcome.FAILED && line.signup() != null) {
                    try {
                        out.write(row(line, attributeNames));
                        out.newLine();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return target;
    }

    private static String row(BatchLine line, Set<String> attributeNames) {
        Signup signup = line.signup();
        List<String> cells = new ArrayList<>(List.of(signup.email(), text(signup.firstName()),
                text(signup.lastName()), text(signup.company()), text(signup.role()),
                signup.groups().stream().map(String::valueOf).collect(Collectors.joining(" "))));
        attributeNames.forEach(name -> cells.add(text(signup.attributes().get(name))));
        cells.add(text(line.reason()));
        return cells.stream().map(CsvCells::quoted).collect(Collectors.joining(","));
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
