package io.camelretool.example.routes;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

import io.camelretool.example.ledger.Ledger;
import io.camelretool.example.ledger.LedgerStatus;
import org.apache.camel.BeanInject;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The folder route as the README runs it with the Camel CLI: {@code camel-cli/folder-beans.camel.yaml} (its beans in
 * YAML, an embedded H2 ledger on disk) beside {@code camel/folder-intake.camel.yaml}, with the keys of
 * {@code camel-cli/folder-intake.properties}; only the data folder is moved under target/.
 */
@CamelMainTest(propertyPlaceholderLocations = "file:camel-cli/folder-intake.properties",
               properties = {
                   "camel.main.routes-include-pattern=file:camel-cli/folder-beans.camel.yaml,"
                   + "classpath:camel/folder-intake.camel.yaml",
                   "signups.dir=./target/route-tests/cli-folder"})
class FolderIntakeCliFilesTest {

    private static final Path SIGNUPS = Path.of("target/route-tests/cli-folder");
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @BeanInject
    Ledger ledger;

    @BeforeAll
    static void emptyFolder() throws IOException {
        if (Files.exists(SIGNUPS)) {
            try (Stream<Path> all = Files.walk(SIGNUPS)) {
                for (Path path : all.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
        Files.createDirectories(SIGNUPS.resolve("inbox"));
    }

    @Test
    void theYamlBeansTakeADroppedCsvIntoTheLedgerFileAndReportItsBadRow() throws IOException {
        Path staging = Files.writeString(SIGNUPS.resolve("team.csv.tmp"),
                "E-mail Address;First Name\nada@example.com;Ada\nnot-a-row;x;y\n", StandardCharsets.UTF_8);
        Files.move(staging, SIGNUPS.resolve("inbox/team.csv"));

        await().atMost(PATIENCE).until(() -> Files.exists(SIGNUPS.resolve("inbox/.done/team.csv")));

        assertThat(ledger.find("ada@example.com")).hasValueSatisfying(entry ->
                assertThat(entry.status()).isEqualTo(LedgerStatus.RECEIVED));
        assertThat(SIGNUPS.resolve("ledger/ledger.mv.db")).isRegularFile();
    }
}
