package io.camelretool.component.docs;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The option and header tables of {@code src/main/docs/retool-component.adoc} are the ones the built catalog
 * ({@code retool.json}) makes, so the page cannot drift from what tooling shows. Run with {@code -Ddocs.update=true}
 * to rewrite them after changing an option or header; the test then still fails, so the change is looked at.
 */
class DocsMatchCatalogTest {

    private static final Path PAGE = Path.of("src/main/docs/retool-component.adoc");
    private static final Map<String, String> TABLES = Map.of(
            "component options", "componentProperties",
            "endpoint options", "properties",
            "endpoint headers", "headers");

    @Test
    void theTablesOfTheComponentPageAreTheCatalogs() throws IOException {
        JsonNode catalog;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/io/camelretool/component/retool.json")) {
            catalog = new ObjectMapper().readTree(in);
        }
        String page = Files.readString(PAGE, StandardCharsets.UTF_8);
        String expected = page;
        for (Map.Entry<String, String> table : TABLES.entrySet()) {
            expected = replaceBetween(expected, table.getKey(), CatalogTables.table(catalog, table.getValue()));
        }
        if (!expected.equals(page) && Boolean.getBoolean("docs.update")) {
            Files.writeString(PAGE, expected, StandardCharsets.UTF_8);
        }

        assertThat(page).as("%s against retool.json (rewrite with -Ddocs.update=true)", PAGE).isEqualTo(expected);
        assertThat(catalog.path("headers").size()).isGreaterThan(10);
    }

    private static String replaceBetween(String page, String table, String generated) {
        String start = "// " + table + ": START\n";
        String end = "// " + table + ": END\n";
        int from = page.indexOf(start);
        int to = page.indexOf(end);
        assertThat(from).as("marker '%s' in %s", start.trim(), PAGE).isNotNegative();
        assertThat(to).as("marker '%s' after its START", end.trim()).isGreaterThan(from);
        return page.substring(0, from + start.length()) + generated + page.substring(to);
    }
}
