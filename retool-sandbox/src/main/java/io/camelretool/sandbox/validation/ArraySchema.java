package io.camelretool.sandbox.validation;

import com.fasterxml.jackson.databind.JsonNode;

/** A JSON array whose every item conforms to one schema. */
final class ArraySchema implements Schema {

    private final Schema items;

    ArraySchema(Schema items) {
        this.items = items;
    }

    @Override
    public void check(String path, JsonNode value) {
        if (!value.isArray()) {
            throw Schema.violation(path, "must be array");
        }
        for (int index = 0; index < value.size(); index++) {
            items.check(path + "/" + index, value.get(index));
        }
    }
}
