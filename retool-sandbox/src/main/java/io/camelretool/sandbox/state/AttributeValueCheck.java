package io.camelretool.sandbox.state;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelretool.sandbox.SandboxAttributeDefinition;

import java.math.BigDecimal;

/**
 * Retool stores every attribute value as a string, but a value has to make sense for the definition's data type:
 * a {@code number} attribute takes a decimal number, a {@code json} attribute a JSON document.
 */
final class AttributeValueCheck {

    private static final ObjectMapper JSON = new ObjectMapper();

    private AttributeValueCheck() {
    }

    static void requireFits(SandboxAttributeDefinition definition, String value) {
        if (value == null) {
            return;
        }
        switch (definition.dataType()) {
            case "number" -> requireNumber(definition.name(), value);
            case "json" -> requireJson(definition.name(), value);
            default -> {
                // a string attribute takes any text
            }
        }
    }

    private static void requireNumber(String name, String value) {
        try {
            new BigDecimal(value.trim());
        } catch (NumberFormatException e) {
            throw RejectedOperationException.invalid(
                    "request/body/value must be a number for user attribute '" + name + "' (data type number)");
        }
    }

    private static void requireJson(String name, String value) {
        try {
            JSON.readTree(value);
        } catch (JsonProcessingException e) {
            throw RejectedOperationException.invalid(
                    "request/body/value must be a JSON document for user attribute '" + name + "' (data type json)");
        }
    }
}
