package io.camelretool.example;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import javax.sql.DataSource;

import io.camelretool.example.ledger.LedgerDataSource;
import io.camelretool.sandbox.RetoolSandbox;
import io.camelretool.testing.RetoolSecrets;
import io.camelretool.testing.SecretScan;

/**
 * The secret scan of a test that runs the application: the sandbox's API key, invite links and Embed URLs, the
 * webhook secret and the read API's token must stay out of the log, and out of everything the application leaves in
 * its data folder: the reports, dead letters, mail-review reasons, files moved to {@code .error} with their reasons,
 * and every row of the ledger's tables (read through JDBC, as an operator's SQL client would). A test adds the read
 * API's answers with {@code seen}.
 */
public final class ApplicationSecrets {

    private ApplicationSecrets() {
    }

    public static SecretScan scan(Supplier<RetoolSandbox> retool, Supplier<Path> dataFolder) {
        return scan(retool, dataFolder, List.of());
    }

    /** The same, with more secrets the test configured (a sender's signing secret, say). */
    public static SecretScan scan(Supplier<RetoolSandbox> retool, Supplier<Path> dataFolder,
                                  List<SecretScan.Secret> more) {
        return SecretScan.of(() -> {
            List<SecretScan.Secret> all = new ArrayList<>(secrets(retool.get()));
            all.addAll(more);
            return all;
        })
                .scanning("data folder", () -> files(dataFolder.get()))
                .scanning("ledger", () -> ledgerRows(dataFolder.get()));
    }

    private static List<SecretScan.Secret> secrets(RetoolSandbox retool) {
        List<SecretScan.Secret> secrets = new ArrayList<>(RetoolSecrets.of(retool));
        secrets.add(new SecretScan.Secret("the webhook secret",
                new String(RunningApplication.WEBHOOK_SECRET, StandardCharsets.UTF_8)));
        secrets.add(new SecretScan.Secret("the read API's admin token", RunningApplication.ADMIN_TOKEN));
        return secrets;
    }

    /** Every file of the data folder but the ledger's database files, as text. */
    private static Map<String, String> files(Path folder) {
        Map<String, String> texts = new LinkedHashMap<>();
        if (folder == null || !Files.isDirectory(folder)) {
            return texts;
        }
        try (Stream<Path> all = Files.walk(folder)) {
            for (Path file : all.filter(Files::isRegularFile).toList()) {
                Path relative = folder.relativize(file);
                if (!relative.startsWith("ledger")) {
                    texts.put(relative.toString(), new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the data folder " + folder + " cannot be read", e);
        }
        return texts;
    }

    /** Every row of every table of the embedded ledger, when there is one. */
    private static Map<String, String> ledgerRows(Path folder) {
        Map<String, String> rows = new LinkedHashMap<>();
        if (folder == null || !Files.isDirectory(folder.resolve("ledger"))) {
            return rows;
        }
        DataSource ledger = LedgerDataSource.forUrl(LedgerDataSource.embeddedUrl(folder), "", "");
        try (Connection connection = ledger.getConnection(); Statement statement = connection.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet names = statement.executeQuery(
                    "SELECT table_name FROM information_schema.tables WHERE table_schema = 'PUBLIC'")) {
                while (names.next()) {
                    tables.add(names.getString(1));
                }
            }
            for (String table : tables) {
                try (ResultSet row = statement.executeQuery("SELECT * FROM " + table)) {
                    int columns = row.getMetaData().getColumnCount();
                    for (int number = 1; row.next(); number++) {
                        StringBuilder text = new StringBuilder();
                        for (int column = 1; column <= columns; column++) {
                            text.append(row.getString(column)).append('|');
                        }
                        rows.put(table + " row " + number, text.toString());
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the ledger in " + folder + " cannot be read", e);
        } finally {
            LedgerDataSource.close(ledger);
        }
        return rows;
    }
}
