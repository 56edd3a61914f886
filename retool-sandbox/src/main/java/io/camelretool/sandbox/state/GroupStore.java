package io.camelretool.sandbox.state;

import io.camelretool.sandbox.SandboxGroup;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The permission groups invites and Embed calls may refer to. Starts with Retool's usual groups so that
 * {@code defaultGroupIds} 1 to 5 work out of the box.
 */
public final class GroupStore {

    /** The groups every fresh sandbox organization has. */
    public static final List<SandboxGroup> DEFAULT_GROUPS = List.of(
            new SandboxGroup(1, "Admin"),
            new SandboxGroup(2, "Editor"),
            new SandboxGroup(3, "Viewer"),
            new SandboxGroup(4, "All Users"),
            new SandboxGroup(5, "External Users"));

    private final ConcurrentSkipListMap<Integer, SandboxGroup> groups = new ConcurrentSkipListMap<>();

    public GroupStore() {
        clear();
    }

    /** Adds a group, or renames the group with that id. */
    public SandboxGroup put(int id, String name) {
        if (id <= 0) {
            throw new IllegalArgumentException("group id must be a positive integer; got " + id);
        }
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("group name must not be blank");
        }
        SandboxGroup group = new SandboxGroup(id, name);
        groups.put(id, group);
        return group;
    }

    public Optional<SandboxGroup> find(int id) {
        return Optional.ofNullable(groups.get(id));
    }

    public List<SandboxGroup> all() {
        return new ArrayList<>(groups.values());
    }

    /** Back to {@link #DEFAULT_GROUPS}. */
    public void clear() {
        groups.clear();
        DEFAULT_GROUPS.forEach(group -> groups.put(group.id(), group));
    }
}
