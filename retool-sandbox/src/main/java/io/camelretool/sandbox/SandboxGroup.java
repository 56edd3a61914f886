package io.camelretool.sandbox;

/**
 * A permission group that invites may name in {@code defaultGroupIds} and Embed calls in {@code groupIds}.
 *
 * @param id   the group id, an integer as in Retool
 * @param name the group's display name
 */
public record SandboxGroup(int id, String name) {
}
