package io.camelretool.sandbox.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelretool.sandbox.SandboxAttributeDefinition;
import io.camelretool.sandbox.SandboxGroup;
import io.camelretool.sandbox.SandboxInvite;
import io.camelretool.sandbox.SandboxUser;
import io.camelretool.sandbox.state.GroupStore;

import java.util.List;

/** The JSON shapes of Retool's spec for invites, users and attribute definitions. */
public final class Representations {

    private final GroupStore groups;

    public Representations(GroupStore groups) {
        this.groups = groups;
    }

    /** A user invite, every required field of the spec present; {@code user_type} is always {@code default}. */
    public ObjectNode invite(SandboxInvite invite) {
        ObjectNode json = Json.object();
        json.put("id", invite.id());
        json.put("legacy_id", invite.id());
        json.put("invited_by", invite.invitedBy());
        json.put("invited_email", invite.email());
        json.put("expires_at", Json.timestamp(invite.expiresAt()));
        json.put("claimed_by", invite.claimedBy());
        json.put("claimed_at", Json.timestamp(invite.claimedAt()));
        json.put("user_type", "default");
        json.set("metadata", Json.MAPPER.valueToTree(invite.metadata()));
        json.put("created_at", Json.timestamp(invite.createdAt()));
        json.put("invite_link", invite.inviteLink());
        json.set("groups", groupsOf(invite.groupIds()));
        return json;
    }

    public ArrayNode invites(List<SandboxInvite> invites) {
        ArrayNode array = Json.array();
        invites.forEach(invite -> array.add(invite(invite)));
        return array;
    }

    /** A user; with {@code includeGroups} the variant of the spec that carries a {@code groups} array. */
    public ObjectNode user(SandboxUser user, boolean includeGroups) {
        ObjectNode json = Json.object();
        json.put("id", user.id());
        json.put("legacy_id", user.legacyId());
        json.put("email", user.email());
        json.put("active", user.active());
        json.put("created_at", Json.timestamp(user.createdAt()));
        json.putNull("last_active");
        json.put("first_name", user.firstName());
        json.put("last_name", user.lastName());
        json.set("metadata", Json.MAPPER.valueToTree(user.metadata()));
        json.put("is_admin", false);
        json.put("user_type", user.userType());
        json.put("two_factor_auth_enabled", false);
        if (includeGroups) {
            json.set("groups", groupsOf(user.groupIds()));
        }
        return json;
    }

    public ObjectNode attributeDefinition(SandboxAttributeDefinition definition) {
        ObjectNode json = Json.object();
        json.put("id", definition.id());
        json.put("name", definition.name());
        json.put("label", definition.label());
        json.put("data_type", definition.dataType());
        json.put("default_value", definition.defaultValue());
        json.putNull("intercom_attribute_name");
        return json;
    }

    public ObjectNode group(SandboxGroup group) {
        ObjectNode json = Json.object();
        json.put("id", group.id());
        json.put("legacy_id", group.id());
        json.put("name", group.name());
        return json;
    }

    private ArrayNode groupsOf(List<Integer> groupIds) {
        ArrayNode array = Json.array();
        for (Integer groupId : groupIds) {
            groups.find(groupId).ifPresent(group -> array.add(group(group)));
        }
        return array;
    }
}
