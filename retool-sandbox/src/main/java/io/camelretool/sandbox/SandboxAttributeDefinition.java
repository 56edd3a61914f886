package io.camelretool.sandbox;

/**
 * An organization-level user attribute definition. Values can only be set on invites and users for names that
 * have a definition.
 *
 * @param id           a UUID, as Retool uses
 * @param name         the attribute name ({@code ^[a-z0-9_]+$})
 * @param label        the human label
 * @param dataType     {@code string}, {@code number} or {@code json}
 * @param defaultValue the default value, may be {@code null}
 */
public record SandboxAttributeDefinition(String id, String name, String label, String dataType, String defaultValue) {
}
