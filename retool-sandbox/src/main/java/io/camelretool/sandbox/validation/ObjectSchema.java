package io.camelretool.sandbox.validation;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * A JSON object with named properties. Open by default, as OpenAPI objects are; {@link #closed()} mirrors
 * {@code additionalProperties: false}.
 */
public final class ObjectSchema implements Schema {

    private final Map<String, Schema> properties = new LinkedHashMap<>();
    private final Set<String> required = new LinkedHashSet<>();
    private boolean closed;

    ObjectSchema() {
    }

    public ObjectSchema required(String name, Schema schema) {
        properties.put(name, schema);
        required.add(name);
        return this;
    }

    public ObjectSchema optional(String name, Schema schema) {
        properties.put(name, schema);
        return this;
    }

    /** Refuses properties the schema does not name. */
    public ObjectSchema closed() {
        this.closed = true;
        return this;
    }

    @Override
    public void check(String path, JsonNode value) {
        if (!value.isObject()) {
            throw Schema.violation(path, "must be object");
        }
        for (String name : required) {
            if (!value.has(name)) {
                throw Schema.violation(path, "must have required property '" + name + "'");
            }
        }
        Iterator<Map.Entry<String, JsonNode>> fields = value.properties().iterator();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            Schema schema = properties.get(field.getKey());
            if (schema != null) {
                schema.check(path + "/" + field.getKey(), field.getValue());
            } else if (closed) {
                throw Schema.violation(path, "must NOT have additional property '" + field.getKey() + "'");
            }
        }
    }
}
