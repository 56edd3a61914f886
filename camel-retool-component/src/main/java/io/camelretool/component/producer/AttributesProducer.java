package io.camelretool.component.producer;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;

import io.camelretool.component.RetoolComponent;
import io.camelretool.component.AttributesAction;
import io.camelretool.component.AttributesTarget;
import io.camelretool.component.RetoolConstants;
import io.camelretool.component.RetoolEndpoint;
import io.camelretool.component.client.Futures;
import io.camelretool.component.client.RetoolClient;
import io.camelretool.component.error.InvalidRetoolInputException;
import io.camelretool.component.error.RetoolConflictException;
import io.camelretool.component.error.RetoolException;
import io.camelretool.component.error.RetoolNotFoundException;
import io.camelretool.component.error.RetoolPartialUpdateException;
import io.camelretool.component.error.RetoolPermissionException;
import io.camelretool.component.model.EmailStanding;
import io.camelretool.component.model.StandingState;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * {@code retool:attributes}: sets (the default) or deletes user-attribute values on an account or a pending
 * invite. The target is a user id, else an invite id, else an email resolved by {@link EmailStandings}: the
 * account (where the plan can look users up), the user named by its claimed invite, or its newest live invite.
 * Retool takes one attribute a call; the calls go one after the other and stop at the first failure: a
 * {@link RetoolPartialUpdateException} names the attributes already applied (when none were, the typed failure
 * itself is thrown).
 */
public class AttributesProducer extends RetoolAsyncProducer {

    private EmailStandings standings;
    private final Set<String> knownDefinitions = ConcurrentHashMap.newKeySet();
    private volatile boolean definitionsRead;

    /** Where the attributes go: {@code kind} is user or invite; {@code path} the API path of the target. */
    record Target(String kind, String id, String path) {
    }

    public AttributesProducer(RetoolEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        RetoolComponent component = (RetoolComponent) getEndpoint().getComponent();
        standings = new EmailStandings(client, component.pendingInvites(client, configuration.getApiKey()),
                component.userLookups(client, configuration.getApiKey()));
    }

    @Override
    protected CompletableFuture<?> start(Exchange exchange) {
        Message message = exchange.getMessage();
        boolean delete = deleting(message);
        Map<String, Object> changes = changes(message.getBody(), delete);
        return resolve(message).thenCompose(target -> ensureDefinitions(changes, delete)
                .thenCompose(ready -> apply(target, changes))
                .thenAccept(metadata -> answer(message, target, metadata)));
    }

    @Override
    protected AttributesAction action(Exchange exchange) {
        return action(exchange, AttributesAction.class, configuration.getAttributesAction(), "attributes");
    }

    private boolean deleting(Message message) {
        return action(message.getExchange()) == AttributesAction.delete;
    }

    /** Name to value (null for delete), in the body's order; names and values Retool would refuse are refused here. */
    private static Map<String, Object> changes(Object body, boolean delete) {
        Map<Object, Object> changes = new LinkedHashMap<>();
        if (delete && body instanceof Collection<?> names) {
            names.forEach(name -> changes.put(name, null));
        } else if (body instanceof Map<?, ?> map) {
            map.forEach((name, value) -> {
                if (!delete && value == null) {
                    throw new InvalidRetoolInputException("body." + name,
                            "has no value; use attributesAction=delete to remove it");
                }
                changes.put(name, delete ? null : value);
            });
        } else {
            throw new InvalidRetoolInputException("body", delete
                    ? "send a list of attribute names (or a map) to delete"
                    : "send a map of attribute names to values");
        }
        if (changes.isEmpty()) {
            throw new InvalidRetoolInputException("body", "names no attribute");
        }
        Map<String, Object> checked = new LinkedHashMap<>();
        AttributeValues.asTexts(changes, "body").keySet().forEach(name -> checked.put(name, changes.get(name)));
        return checked;
    }

    private CompletableFuture<Target> resolve(Message message) {
        String userId = message.getHeader(RetoolConstants.USER_ID, configuration.getUserId(), String.class);
        if (userId != null && !userId.isBlank()) {
            if (!userId.trim().matches("user_[a-z0-9]+")) {
                throw new InvalidRetoolInputException("userId", "'" + userId + "' is not a Retool user id (user_...)");
            }
            return CompletableFuture.completedFuture(user(userId.trim()));
        }
        Integer inviteId = inviteId(message.getHeader(RetoolConstants.INVITE_ID, configuration.getInviteId()));
        if (inviteId != null) {
            return CompletableFuture.completedFuture(invite(inviteId));
        }
        String email = message.getHeader(RetoolConstants.EMAIL, configuration.getEmail(), String.class);
        if (email == null || email.isBlank()) {
            throw new InvalidRetoolInputException("target", "name a user id, an invite id or an email (option or header)");
        }
        AttributesTarget target = configuration.getTarget() == null ? AttributesTarget.auto : configuration.getTarget();
        String address = EmailInputs.normalized(email, "email").address();
        boolean lookUpUsers = target != AttributesTarget.invite;
        return standings.find(address, lookUpUsers, configuration.getPendingInvitesCacheTtl(),
                configuration.getUserLookupRecheckInterval()).thenCompose(found -> {
            EmailStanding standing = found.standing();
            if (standing.state() == StandingState.ACCOUNT && standing.userId() != null
                && target != AttributesTarget.invite) {
                return CompletableFuture.completedFuture(user(standing.userId()));
            }
            if (target == AttributesTarget.user) {
                RetoolPermissionException refused = standings.userLookups().refusal("GET",
                        RetoolClient.usersByEmailPath(address));
                return refused != null ? CompletableFuture.failedFuture(refused) : notFound(email, "no account");
            }
            if (standing.state() == StandingState.PENDING) {
                return CompletableFuture.completedFuture(invite(standing.inviteId()));
            }
            return notFound(email, standing.state() == StandingState.EXPIRED
                    ? "no account and only an expired invite (" + standing.inviteId() + ")"
                    : "no account and no pending invite");
        });
    }

    /** The invite id of a header or option, which may come as any type a route happens to set. */
    private static Integer inviteId(Object value) {
        if (value == null) {
            return null;
        }
        String text = value.toString().trim();
        if (!text.matches("[1-9][0-9]{0,9}") || Long.parseLong(text) > Integer.MAX_VALUE) {
            throw new InvalidRetoolInputException("inviteId",
                    "'" + value + "' is not an invite id (a positive integer)");
        }
        return Integer.valueOf(text);
    }

    private static CompletableFuture<Target> notFound(String email, String what) {
        return CompletableFuture.failedFuture(new RetoolNotFoundException("Retool has " + what + " for " + email, 0,
                null, "GET", RetoolClient.INVITES_PATH, null));
    }

    private static Target user(String id) {
        return new Target("user", id, RetoolClient.USERS_PATH + "/" + id);
    }

    private static Target invite(int id) {
        return new Target("invite", String.valueOf(id), RetoolClient.INVITES_PATH + "/" + id);
    }

    /** With createMissingDefinitions, reads the definitions once and creates the missing ones; a 409 means done. */
    private CompletableFuture<Void> ensureDefinitions(Map<String, Object> changes, boolean delete) {
        if (delete || !configuration.isCreateMissingDefinitions()) {
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<Void> read = definitionsRead ? CompletableFuture.completedFuture(null)
                : client.attributeDefinitionNames().thenAccept(names -> {
                    knownDefinitions.addAll(names);
                    definitionsRead = true;
                });
        return read.thenCompose(ready -> Sequentially.map(List.copyOf(changes.entrySet()), (change, index) -> {
            if (knownDefinitions.contains(change.getKey())) {
                return CompletableFuture.completedFuture((Void) null);
            }
            return client.createAttributeDefinition(change.getKey(), dataType(change.getValue()))
                    .handle((created, failure) -> {
                        if (failure != null && !(Futures.unwrap(failure) instanceof RetoolConflictException)) {
                            throw new CompletionException(Futures.unwrap(failure));
                        }
                        knownDefinitions.add(change.getKey());
                        return (Void) null;
                    });
        })).thenApply(ignored -> null);
    }

    private static String dataType(Object value) {
        if (value instanceof Number) {
            return "number";
        }
        return value instanceof Map || value instanceof Collection ? "json" : "string";
    }

    private CompletableFuture<Object> apply(Target target, Map<String, Object> changes) {
        List<String> applied = new ArrayList<>();
        Object[] last = new Object[1];
        return Sequentially.map(List.copyOf(changes.entrySet()), (change, index) -> {
            String value = change.getValue() == null ? null : AttributeValues.asText(change.getValue(),
                    "body." + change.getKey());
            return client.changeAttribute(target.path(), change.getKey(), value).handle((metadata, failure) -> {
                if (failure != null) {
                    Throwable cause = Futures.unwrap(failure);
                    // with nothing applied yet, the typed cause says it all; after that, say what is already set
                    throw new CompletionException(cause instanceof RetoolException retool && !applied.isEmpty()
                            ? new RetoolPartialUpdateException(change.getKey(), applied, retool) : cause);
                }
                applied.add(change.getKey());
                last[0] = metadata;
                return metadata;
            });
        }).thenApply(all -> last[0]);
    }

    private static void answer(Message message, Target target, Object metadata) {
        message.setBody(metadata == null ? Map.of()
                : new com.fasterxml.jackson.databind.ObjectMapper().convertValue(metadata, Map.class));
        message.setHeader(RetoolConstants.TARGET_KIND, target.kind());
        if (target.kind().equals("user")) {
            message.setHeader(RetoolConstants.USER_ID, target.id());
        } else {
            message.setHeader(RetoolConstants.INVITE_ID, Integer.valueOf(target.id()));
        }
    }
}
