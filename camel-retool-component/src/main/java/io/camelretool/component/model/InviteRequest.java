package io.camelretool.component.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One person to invite. Retool's create call takes only the email, group ids and metadata: first and last name go
 * into the invite's metadata ({@code firstName}, {@code lastName}), and attributes are set on the invite right after
 * it is created (Retool copies them to the user when the invite is claimed).
 */
public final class InviteRequest {

    private final String email;
    private final String firstName;
    private final String lastName;
    private final List<Integer> groupIds;
    private final Map<String, Object> metadata;
    private final Map<String, Object> attributes;

    private InviteRequest(Builder builder) {
        this.email = builder.email;
        this.firstName = builder.firstName;
        this.lastName = builder.lastName;
        this.groupIds = List.copyOf(builder.groupIds);
        this.metadata = Map.copyOf(builder.metadata);
        this.attributes = Map.copyOf(builder.attributes);
    }

    public static Builder builder(String email) {
        return new Builder(email);
    }

    public static InviteRequest of(String email) {
        return builder(email).build();
    }

    public String getEmail() {
        return email;
    }

    public String getFirstName() {
        return firstName;
    }

    public String getLastName() {
        return lastName;
    }

    public List<Integer> getGroupIds() {
        return groupIds;
    }

    public Map<String, Object> getMetadata() {
        return metadata;
    }

    public Map<String, Object> getAttributes() {
        return attributes;
    }

    /** The metadata sent on create: the request's metadata plus the names, when given. */
    public Map<String, Object> metadataToSend() {
        Map<String, Object> sent = new LinkedHashMap<>(metadata);
        if (firstName != null) {
            sent.put("firstName", firstName);
        }
        if (lastName != null) {
            sent.put("lastName", lastName);
        }
        return sent;
    }

    /** The same person with other group ids (used when endpoint defaults are merged in). */
    public InviteRequest withGroupIds(List<Integer> newGroupIds) {
        return copy(email, newGroupIds);
    }

    /** The same person with the email written another way (used once it is normalised). */
    public InviteRequest withEmail(String newEmail) {
        return copy(newEmail, groupIds);
    }

    private InviteRequest copy(String newEmail, List<Integer> newGroupIds) {
        return builder(newEmail).firstName(firstName).lastName(lastName).groupIds(newGroupIds).metadata(metadata)
                .attributes(attributes).build();
    }

    @Override
    public String toString() {
        return "InviteRequest[" + email + ", groups=" + groupIds + ", attributes=" + attributes.keySet() + "]";
    }

    public static final class Builder {
        private final String email;
        private String firstName;
        private String lastName;
        private List<Integer> groupIds = List.of();
        private Map<String, Object> metadata = Map.of();
        private Map<String, Object> attributes = Map.of();

        private Builder(String email) {
            this.email = email;
        }

        public Builder firstName(String value) {
            this.firstName = value;
            return this;
        }

        public Builder lastName(String value) {
            this.lastName = value;
            return this;
        }

        public Builder groupIds(List<Integer> value) {
            this.groupIds = Objects.requireNonNullElse(value, List.of());
            return this;
        }

        public Builder metadata(Map<String, Object> value) {
            this.metadata = Objects.requireNonNullElse(value, Map.of());
            return this;
        }

        public Builder attributes(Map<String, Object> value) {
            this.attributes = Objects.requireNonNullElse(value, Map.of());
            return this;
        }

        public InviteRequest build() {
            return new InviteRequest(this);
        }
    }
}
