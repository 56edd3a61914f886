package io.camelretool.springboot;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The source of {@link RetoolComponentConfiguration}, written from the component options of the catalog
 * ({@code retool.json}) as Camel's own starters are generated: one field per option with the option's description
 * as its Javadoc (which Spring Boot's configuration processor turns into IDE metadata) and its default as the
 * initialiser, primitives boxed so an unset property stays unset.
 */
final class ConfigurationSource {

    private static final int WIDTH = 110;
    private static final Map<String, String> BOXED = Map.of("boolean", "Boolean", "int", "Integer", "long", "Long");

    private ConfigurationSource() {
    }

    static String of(JsonNode catalog) {
        TreeSet<String> imports = new TreeSet<>();
        List<String> fields = new ArrayList<>();
        List<String> accessors = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : catalog.path("componentProperties").properties()) {
            String name = entry.getKey();
            JsonNode option = entry.getValue();
            String javaType = BOXED.getOrDefault(option.path("javaType").asText(), option.path("javaType").asText());
            String type = javaType.substring(javaType.lastIndexOf('.') + 1);
            if (javaType.contains(".") && !javaType.startsWith("java.lang.")) {
                imports.add(javaType);
            }
            fields.add(javadoc(description(option, javaType)) + "    private " + type + " " + name
                       + initialiser(option, type) + ";");
            String property = Character.toUpperCase(name.charAt(0)) + name.substring(1);
            accessors.add("    public " + type + " get" + property + "() {\n        return " + name + ";\n    }\n\n"
                          + "    public void set" + property + "(" + type + " " + name + ") {\n        this." + name
                          + " = " + name + ";\n    }");
        }
        StringBuilder source = new StringBuilder("package io.camelretool.springboot;\n\n");
        imports.stream().filter(name -> name.startsWith("java.")).forEach(name -> source.append("import ")
                .append(name).append(";\n"));
        source.append('\n');
        imports.stream().filter(name -> !name.startsWith("java.")).forEach(name -> source.append("import ")
                .append(name).append(";\n"));
        source.append("""
                import org.apache.camel.spring.boot.ComponentConfigurationPropertiesCommon;
                import org.springframework.boot.context.properties.ConfigurationProperties;

                /**
                 * Every option of the retool component as Spring Boot properties, {@code camel.component.retool.*} \
                in any relaxed
                 * form ({@code base-url}, {@code baseUrl}, {@code BASE_URL}). Generated from the component's catalog
                 * ({@code retool.json}) by {@code ConfigurationSource}; {@code ConfigurationMetadataTest} fails \
                when they differ
                 * and rewrites this file with {@code -Dstarter.update=true}. The {@code enabled} switch is read by \
                the
                 * auto-configuration's condition, and described in {@code \
                additional-spring-configuration-metadata.json}.
                 */
                @ConfigurationProperties(prefix = "camel.component.retool")
                public class RetoolComponentConfiguration extends ComponentConfigurationPropertiesCommon {

                """);
        source.append(String.join("\n", fields)).append("\n\n").append(String.join("\n\n", accessors))
                .append("\n}\n");
        return source.toString();
    }

    private static String description(JsonNode option, String javaType) {
        String text = option.path("description").asText();
        if (javaType.contains(".") && !javaType.startsWith("java.lang.") && !option.has("enum")) {
            text += " The option is a " + javaType + " type.";
        }
        if (javaType.equals("Long") && option.path("type").asText().equals("duration")) {
            text += " The option is a long type (milliseconds).";
        }
        return text;
    }

    private static String initialiser(JsonNode option, String type) {
        if (!option.has("defaultValue")) {
            return "";
        }
        String value = option.path("defaultValue").asText();
        return switch (type) {
            case "Boolean", "Integer" -> " = " + value;
            case "Long" -> " = " + value + "L";
            case "String" -> " = \"" + value + "\"";
            default -> option.has("enum") ? " = " + type + "." + value : "";
        };
    }

    private static String javadoc(String text) {
        StringBuilder doc = new StringBuilder("    /**\n");
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            if (!line.isEmpty() && line.length() + 1 + word.length() > WIDTH) {
                doc.append("     * ").append(line).append('\n');
                line.setLength(0);
            }
            line.append(line.isEmpty() ? "" : " ").append(word);
        }
        return doc.append("     * ").append(line).append("\n     */\n").toString();
    }
}
