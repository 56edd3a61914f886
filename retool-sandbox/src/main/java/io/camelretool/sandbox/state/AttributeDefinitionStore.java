package io.camelretool.sandbox.state;

import io.camelretool.sandbox.SandboxAttributeDefinition;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The organization's user attribute definitions, by name, in creation order. Definitions change rarely, so a
 * plain monitor keeps "create unless the name exists" atomic without ceremony.
 */
public final class AttributeDefinitionStore {

    private final Map<String, SandboxAttributeDefinition> byName = new LinkedHashMap<>();

    /** @return the new definition, empty when the name is taken */
    public synchronized Optional<SandboxAttributeDefinition> define(String name, String label, String dataType,
            String defaultValue) {
        if (byName.containsKey(name)) {
            return Optional.empty();
        }
        SandboxAttributeDefinition definition = new SandboxAttributeDefinition(UUID.randomUUID().toString(), name,
                label, dataType, defaultValue);
        byName.put(name, definition);
        return Optional.of(definition);
    }

    public synchronized Optional<SandboxAttributeDefinition> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public synchronized List<SandboxAttributeDefinition> all() {
        return new ArrayList<>(byName.values());
    }

    public synchronized void clear() {
        byName.clear();
    }
}
