package io.camelretool.sandbox.state;

import io.camelretool.sandbox.SandboxAttributeDefinition;
import io.camelretool.sandbox.SandboxClock;
import io.camelretool.sandbox.SandboxInvite;
import io.camelretool.sandbox.SandboxUser;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Retool organization the sandbox simulates: its invites, users, groups, attribute definitions and Embed
 * URLs, with the rules that tie them together. The HTTP API and the Java API both act through this class, so the
 * two can never disagree.
 */
public final class SandboxOrganization {

    private final SandboxClock clock;
    private final InviteStore invites = new InviteStore();
    private final UserStore users = new UserStore();
    private final GroupStore groups = new GroupStore();
    private final AttributeDefinitionStore attributeDefinitions = new AttributeDefinitionStore();
    private final EmbedUrlStore embedUrls = new EmbedUrlStore();

    public SandboxOrganization(SandboxClock clock) {
        this.clock = clock;
    }

    public SandboxClock clock() {
        return clock;
    }

    public InviteStore invites() {
        return invites;
    }

    public UserStore users() {
        return users;
    }

    public GroupStore groups() {
        return groups;
    }

    public AttributeDefinitionStore attributeDefinitions() {
        return attributeDefinitions;
    }

    public EmbedUrlStore embedUrls() {
        return embedUrls;
    }

    /** Creates an invite; a second invite for an already-invited email is created too, as Retool may do. */
    public SandboxInvite invite(String email, List<Integer> groupIds, Map<String, Object> metadata) {
        requireGroupsExist("request/body/defaultGroupIds", groupIds);
        return invites.create(email, groupIds, metadata, clock.now());
    }

    public SandboxInvite invite(int inviteId) {
        return invites.find(inviteId).orElseThrow(() -> inviteNotFound(inviteId));
    }

    public void revokeInvite(int inviteId) {
        if (!invites.revoke(inviteId)) {
            throw inviteNotFound(inviteId);
        }
    }

    /**
     * Accepts an invite as its invitee would: the invite is marked claimed and the user it leads to carries the
     * invite's attributes and groups. Serialised so that one invite is never claimed twice.
     */
    public synchronized SandboxUser claimInvite(int inviteId) {
        SandboxInvite invite = invite(inviteId);
        if (invite.claimed()) {
            throw RejectedOperationException.conflict("User invite " + inviteId + " was already claimed");
        }
        if (!invite.pendingAt(clock.now())) {
            throw RejectedOperationException.conflict(
                    "User invite " + inviteId + " expired at " + invite.expiresAt() + " and can no longer be claimed");
        }
        SandboxUser user = users.createOrMerge(invite.email(), invite.metadata(), invite.groupIds(), clock.now());
        invites.update(inviteId, current -> current.claimedBy(user.id(), clock.now()));
        return user;
    }

    /**
     * Lets an invite's seven days run out now: its creation and expiry move back so that it expires at the present
     * sandbox time. Unlike moving the clock, a client comparing {@code expires_at} with its own clock sees it too.
     */
    public synchronized SandboxInvite expireInvite(int inviteId) {
        SandboxInvite invite = invite(inviteId);
        if (invite.claimed()) {
            throw RejectedOperationException.conflict("User invite " + inviteId + " was already claimed");
        }
        return invites.update(inviteId, current -> current.expiredAt(clock.now())).orElseThrow(
                () -> inviteNotFound(inviteId));
    }

    public Map<String, Object> setInviteAttribute(int inviteId, String name, String value) {
        requireFittingValue(name, value);
        return invites.update(inviteId, invite -> invite.withMetadata(with(invite.metadata(), name, value)))
                .orElseThrow(() -> inviteNotFound(inviteId))
                .metadata();
    }

    public Map<String, Object> deleteInviteAttribute(int inviteId, String name) {
        return invites.update(inviteId, invite -> invite.withMetadata(without(invite.metadata(), name)))
                .orElseThrow(() -> inviteNotFound(inviteId))
                .metadata();
    }

    public Map<String, Object> setUserAttribute(String userId, String name, String value) {
        requireFittingValue(name, value);
        return users.update(userId, user -> user.withMetadata(with(user.metadata(), name, value)))
                .orElseThrow(() -> userNotFound(userId))
                .metadata();
    }

    public Map<String, Object> deleteUserAttribute(String userId, String name) {
        return users.update(userId, user -> user.withMetadata(without(user.metadata(), name)))
                .orElseThrow(() -> userNotFound(userId))
                .metadata();
    }

    public SandboxUser user(String userId) {
        return users.find(userId).orElseThrow(() -> userNotFound(userId));
    }

    public SandboxUser createUser(UserStore.NewUser fields) {
        return users.create(fields, clock.now()).orElseThrow(() -> RejectedOperationException.conflict(
                "A user with email " + fields.email() + " already exists"));
    }

    public SandboxAttributeDefinition defineAttribute(String name, String label, String dataType,
            String defaultValue) {
        return attributeDefinitions.define(name, label, dataType, defaultValue)
                .orElseThrow(() -> RejectedOperationException.conflict(
                        "A user attribute with the name '" + name + "' already exists"));
    }

    public String mintEmbedUrl(String landingPageUuid, List<Integer> groupIds) {
        requireGroupsExist("request/body/groupIds", groupIds);
        return embedUrls.mint(landingPageUuid);
    }

    /** Forgets everything: a freshly created organization with the default groups. */
    public void reset() {
        invites.clear();
        users.clear();
        groups.clear();
        attributeDefinitions.clear();
        embedUrls.clear();
    }

    private void requireGroupsExist(String field, List<Integer> groupIds) {
        for (int index = 0; index < groupIds.size(); index++) {
            Integer groupId = groupIds.get(index);
            if (groups.find(groupId).isEmpty()) {
                throw RejectedOperationException.invalid(
                        field + "/" + index + ": group " + groupId + " does not exist in this organization");
            }
        }
    }

    private void requireFittingValue(String name, String value) {
        SandboxAttributeDefinition definition = attributeDefinitions.find(name)
                .orElseThrow(() -> RejectedOperationException.invalid("User attribute '" + name
                        + "' is not defined in this organization; create it first with POST /api/v2/user_attributes"));
        AttributeValueCheck.requireFits(definition, value);
    }

    private static Map<String, Object> with(Map<String, Object> metadata, String name, String value) {
        Map<String, Object> changed = new LinkedHashMap<>(metadata);
        changed.put(name, value);
        return changed;
    }

    private static Map<String, Object> without(Map<String, Object> metadata, String name) {
        Map<String, Object> changed = new LinkedHashMap<>(metadata);
        changed.remove(name);
        return changed;
    }

    private static RejectedOperationException inviteNotFound(int inviteId) {
        return RejectedOperationException.notFound("User invite " + inviteId + " not found");
    }

    private static RejectedOperationException userNotFound(String userId) {
        return RejectedOperationException.notFound("User " + userId + " not found");
    }
}
