package io.camelretool.component.docs;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
    /** A {@code retool:} URI with a query, as the documents write one: its query is group 1. */
    private static final Pattern RETOOL_URI = Pattern.compile("retool:[a-zA-Z]+\\?([A-Za-z0-9_=&;.${}:,-]+)");
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

    @Test
    void everyRetoolUriOfTheReadmesAndThePageNamesOptionsTheEndpointHas() throws IOException {
        JsonNode catalog;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/io/camelretool/component/retool.json")) {
            catalog = new ObjectMapper().readTree(in);
        }
        List<String> stale = new ArrayList<>();
        for (Path doc : List.of(PAGE, Path.of("README.md"), Path.of("../README.md"),
                Path.of("../routes-example/README.md"), Path.of("../camel-retool-spring-boot-starter/README.md"),
                Path.of("../retool-sandbox/README.md"))) {
            Matcher uri = RETOOL_URI.matcher(Files.readString(doc, StandardCharsets.UTF_8));
            while (uri.find()) {
                for (String pair : uri.group(1).replace("&amp;", "&").split("&")) {
                    String name = pair.split("=", 2)[0];
                    if (!catalog.path("properties").has(name)) {
                        stale.add(doc + ": " + uri.group() + " (" + name + ")");
                    }
                }
            }
        }

        assertThat(stale).as("options the endpoint does not have (see retool.json)").isEmpty();
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
