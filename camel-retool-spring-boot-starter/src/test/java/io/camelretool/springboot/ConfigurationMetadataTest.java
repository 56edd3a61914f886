package io.camelretool.springboot;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The IDE metadata Spring Boot writes from {@link RetoolComponentConfiguration} describes exactly the component
 * options of the catalog Camel writes from the component ({@code retool.json}): the same names, descriptions and
 * defaults, so the generated configuration class cannot fall behind the component.
 */
class ConfigurationMetadataTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PREFIX = "camel.component.retool.";

    @Test
    void everyComponentOptionIsAPropertyWithTheCatalogsDescriptionAndDefault() throws IOException {
        JsonNode catalog = read("META-INF/io/camelretool/component/retool.json").path("componentProperties");
        Map<String, JsonNode> properties = new HashMap<>();
        read("META-INF/spring-configuration-metadata.json").path("properties")
                .forEach(property -> properties.put(property.path("name").asText(), property));

        catalog.properties().forEach(option -> {
            JsonNode property = properties.remove(PREFIX + kebab(option.getKey()));
            assertThat(property).as("property for option %s", option.getKey()).isNotNull();
            assertThat(property.path("description").asText()).as(option.getKey())
                    .startsWith(option.getValue().path("description").asText());
            if (option.getValue().has("defaultValue")) {
                assertThat(property.path("defaultValue").asText()).as("default of %s", option.getKey())
                        .isEqualTo(option.getValue().path("defaultValue").asText());
            }
        });
        assertThat(properties.keySet()).as("properties that are not component options")
                .containsExactlyInAnyOrder(PREFIX + "enabled", PREFIX + "customizer.enabled");
    }

    @Test
    void theConfigurationClassIsTheOneTheCatalogGenerates() throws IOException {
        Path source = Path.of("src/main/java/io/camelretool/springboot/RetoolComponentConfiguration.java");
        String generated = ConfigurationSource.of(read("META-INF/io/camelretool/component/retool.json"));
        String committed = Files.readString(source, StandardCharsets.UTF_8);
        if (!generated.equals(committed) && Boolean.getBoolean("starter.update")) {
            Files.writeString(source, generated, StandardCharsets.UTF_8);
        }

        assertThat(committed).as("%s against retool.json (rewrite with -Dstarter.update=true)", source)
                .isEqualTo(generated);
    }

    @Test
    void theAutoConfigurationIsRegisteredForSpringBoot() throws IOException {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(
                "META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports")) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8))
                    .contains(RetoolComponentAutoConfiguration.class.getName());
        }
    }

    private static String kebab(String name) {
        return name.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }

    private static JsonNode read(String resource) throws IOException {
        try (InputStream in = ConfigurationMetadataTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return JSON.readTree(in);
        }
    }
}
