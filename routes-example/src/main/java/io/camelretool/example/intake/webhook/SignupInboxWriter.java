package io.camelretool.example.intake.webhook;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

import io.camelretool.example.signup.Signup;

/**
 * Hands accepted webhook signups to the folder intake durably: they are written as a signup CSV, forced to disk,
 * and moved into the inbox in one atomic rename. Once {@link #write} returns, a crash cannot lose them, so the
 * webhook may answer 202.
 */
public final class SignupInboxWriter {

    private final Path inbox;

    public SignupInboxWriter(Path inbox) {
        this.inbox = inbox;
    }

    public Path write(String batchId, List<Signup> signups) throws IOException {
        Path staging = Files.createDirectories(inbox.resolve(".incoming"));
        Path temporary = staging.resolve(batchId + ".csv.part");
        TreeSet<String> attributeNames = signups.stream().flatMap(signup -> signup.attributes().keySet().stream())
                .collect(Collectors.toCollection(TreeSet::new));
        try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
            OutputStream out = Channels.newOutputStream(channel);
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            StringBuilder header = new StringBuilder("email,first_name,last_name,company,role,groups");
            attributeNames.forEach(name -> header.append(",attr.").append(name));
            writer.write(header.append('\n').toString());
            for (Signup signup : signups) {
                writer.write(row(signup, attributeNames));
            }
            writer.flush();
            channel.force(true);
        }
        Path target = inbox.resolve(batchId + ".csv");
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
        return target;
    }

    private static String row(Signup signup, TreeSet<String> attributeNames) {
        StringBuilder row = new StringBuilder();
        row.append(cell(signup.email())).append(',').append(cell(signup.firstName())).append(',')
                .append(cell(signup.lastName())).append(',').append(cell(signup.company())).append(',')
                .append(cell(signup.role())).append(',')
                .append(cell(signup.groups().stream().map(String::valueOf).collect(Collectors.joining(" "))));
        Map<String, String> attributes = signup.attributes();
        attributeNames.forEach(name -> row.append(',').append(cell(attributes.get(name))));
        return row.append('\n').toString();
    }

    /** Quoted but not formula-defused: this file is read back by our own reader, not opened in a spreadsheet. */
    private static String cell(String value) {
        return value == null ? "" : '"' + value.replace("\"", "\"\"").replace('\n', ' ').replace('\r', ' ') + '"';
    }
}
