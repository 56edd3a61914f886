package io.camelretool.component.docs;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The option and header tables of {@code retool-component.adoc}, written from the catalog ({@code retool.json}) in
 * the layout of Camel's own component pages: name (with its group), description, default, type.
 */
final class CatalogTables {

    private CatalogTables() {
    }

    /** The table of one catalog section: componentProperties, properties or headers. */
    static String table(JsonNode catalog, String section) {
        StringBuilder table = new StringBuilder()
                .append("[width=\"100%\",cols=\"2,5,^1,2\",options=\"header\"]\n")
                .append("|===\n")
                .append("| Name | Description | Default | Type\n");
        for (Map.Entry<String, JsonNode> entry : catalog.path(section).properties()) {
            JsonNode option = entry.getValue();
            String group = option.path("group").asText("");
            table.append("| *").append(entry.getKey()).append('*')
                    .append(group.isEmpty() || group.equals("common") ? "" : " (" + group + ")")
                    .append(" | ").append(cell(description(option)))
                    .append(" | ").append(cell(option.path("defaultValue").asText("")))
                    .append(" | ").append(cell(type(option)))
                    .append('\n');
        }
        return table.append("|===\n").toString();
    }

    private static String description(JsonNode option) {
        String text = option.path("description").asText("");
        if (option.path("required").asBoolean(false)) {
            text = "*Required* " + text;
        }
        if (option.has("enum")) {
            StringBuilder values = new StringBuilder();
            option.path("enum").forEach(value -> values.append(values.isEmpty() ? "" : ", ").append(value.asText()));
            text += " Enum values: " + values + ".";
        }
        return text;
    }

    private static String type(JsonNode option) {
        String javaType = option.path("javaType").asText("");
        return javaType.isEmpty() ? option.path("type").asText("") : javaType.substring(javaType.lastIndexOf('.') + 1);
    }

    /** A cell's text, with what would end the cell escaped. */
    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
