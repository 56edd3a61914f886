package io.camelretool.component.producer;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import io.camelretool.component.InviteAction;
import io.camelretool.component.RetoolComponent;
import io.camelretool.component.RetoolConstants;
import io.camelretool.component.RetoolEndpoint;
import io.camelretool.component.client.Futures;
import io.camelretool.component.client.RetoolClient;
import io.camelretool.component.error.InvalidRetoolInputException;
import io.camelretool.component.error.NotRetoolApiException;
import io.camelretool.component.error.RetoolConnectionException;
import io.camelretool.component.error.RetoolNotFoundException;
import io.camelretool.component.error.RetoolServerException;
import io.camelretool.component.metrics.RetoolMetrics;
import io.camelretool.component.model.BulkInviteSummary;
import io.camelretool.component.model.EmailAddresses;
import io.camelretool.component.model.EmailStanding;
import io.camelretool.component.model.InviteRequest;
import io.camelretool.component.model.InviteResult;
import io.camelretool.component.model.InviteStatus;
import io.camelretool.component.model.PendingInvite;
import io.camelretool.component.model.StandingState;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code retool:invite}: create (the default), list, revoke, renew and look up user invites. Never invites an email
 * twice when {@code skipExisting} is on: Retool itself does not deduplicate, and every external user is a paid seat.
 */
public class InviteProducer extends RetoolAsyncProducer {

    private static final Logger LOG = LoggerFactory.getLogger(InviteProducer.class);

    private PendingInviteCache pendingInvites;
    private EmailStandings standings;
    private RetoolMetrics metrics;
    private List<Integer> defaultGroupIds;

    public InviteProducer(RetoolEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        RetoolComponent component = (RetoolComponent) getEndpoint().getComponent();
        pendingInvites = component.pendingInvites(client, configuration.getApiKey());
        standings = new EmailStandings(client, pendingInvites,
                component.userLookups(client, configuration.getApiKey()));
        defaultGroupIds = GroupIds.parse(configuration.getDefaultGroupIds(), "defaultGroupIds");
        metrics = ((RetoolComponent) getEndpoint().getComponent()).metrics();
    }

    @Override
    protected CompletableFuture<?> start(Exchange exchange) {
        return switch (action(exchange)) {
            case create -> create(exchange);
            case list -> list(exchange);
            case revoke -> revoke(exchange);
            case renew -> renew(exchange);
            case lookup -> lookup(exchange);
            case capabilities -> throw new IllegalStateException("capabilities is answered before start");
        };
    }

    @Override
    protected InviteAction action(Exchange exchange) {
        return action(exchange, InviteAction.class, configuration.getInviteAction(), "invite");
    }

    private CompletableFuture<?> create(Exchange exchange) {
        Message message = exchange.getMessage();
        Object body = message.getBody();
        if (body instanceof List<?> items) {
            if (configuration.isContinueOnError()) {
                return Sequentially.map(items, this::createOrReportFailure)
                        .thenAccept(results -> bulkAnswer(message, results));
            }
            // every item is validated before any call; then the first failure fails the exchange
            List<InviteRequest> requests = InviteRequests.allOf(items, defaultGroupIds);
            return Sequentially.map(requests, (request, index) -> createOne(request, null))
                    .thenAccept(results -> bulkAnswer(message, results));
        }
        InviteRequest request = InviteRequests.from(body, "body", defaultGroupIds);
        return createOne(request, readSince(message)).thenAccept(result -> answer(message, result));
    }

    /**
     * The moment the pending invites must have been read since, if the message names one: an {@link Instant}, a
     * {@link java.util.Date}, epoch milliseconds or ISO-8601 text.
     */
    private static Instant readSince(Message message) {
        Object value = message.getHeader(RetoolConstants.PENDING_INVITES_READ_SINCE);
        if (value == null || value instanceof Instant) {
            return (Instant) value;
        } else if (value instanceof java.util.Date date) {
            return date.toInstant();
        } else if (value instanceof Number millis) {
            return Instant.ofEpochMilli(millis.longValue());
        }
        try {
            return Instant.parse(value.toString().trim());
        } catch (java.time.format.DateTimeParseException notAMoment) {
            throw new InvalidRetoolInputException(RetoolConstants.PENDING_INVITES_READ_SINCE,
                    "must be a moment: an Instant, epoch milliseconds or ISO-8601 text such as 2026-12-01T08:00:00Z");
        }
    }

    /** Bulk with continueOnError: an item that is invalid or fails becomes a FAILED result and the rest go on. */
    private CompletableFuture<InviteResult> createOrReportFailure(Object item, int index) {
        CompletableFuture<InviteResult> one;
        try {
            one = createOne(InviteRequests.from(item, "body[" + index + "]", defaultGroupIds), null);
        } catch (InvalidRetoolInputException invalid) {
            return CompletableFuture.completedFuture(InviteResult.failed(emailOf(item), invalid.getMessage()));
        }
        return one.handle((result, failure) -> failure == null ? result
                : InviteResult.failed(emailOf(item), Futures.unwrap(failure).getMessage()));
    }

    /**
     * Creates the invite unless the email already stands somewhere in Retool: an account (found by a user look-up, or
     * named by a claimed invite) answers ALREADY_USER, a live invite ALREADY_INVITED; an expired one is no obstacle.
     *
     * @param readSince when the invite list must have been read at or after this moment; null: the cache TTL
     */
    private CompletableFuture<InviteResult> createOne(InviteRequest request, Instant readSince) {
        if (!configuration.isSkipExisting()) {
            return inviteOrPretend(request);
        }
        return standings.find(request.getEmail(), true, configuration.getPendingInvitesCacheTtl(),
                configuration.getUserLookupRecheckInterval(), readSince).thenCompose(found -> {
            EmailStanding standing = found.standing();
            if (standing.state() == StandingState.ACCOUNT) {
                LOG.debug("Skipping {}: already a Retool user", request.getEmail());
                return CompletableFuture.completedFuture(new InviteResult(InviteStatus.ALREADY_USER,
                        request.getEmail(), standing.inviteId(), null, null, request.getGroupIds(), null,
                        standing.userId()));
            }
            if (standing.state() == StandingState.PENDING) {
                PendingInvite existing = found.liveInvite();
                LOG.debug("Skipping {}: invite {} is already pending", request.getEmail(), existing.id());
                // the invite was read whole by its id just now, so its metadata says which attributes it carries:
                // only those it lacks or holds with another value cost a call (a re-sent row usually has them all)
                CompletableFuture<?> updated = configuration.isUpdatePendingAttributes() && !configuration.isDryRun()
                        ? setAttributes(existing.id(), AttributeValues.notCarried(request.getAttributes(),
                                existing.metadata(), "attributes"))
                        : CompletableFuture.completedFuture(null);
                return updated.thenApply(ignored -> existing.toResult(InviteStatus.ALREADY_INVITED));
            }
            return inviteOrPretend(request);
        });
    }

    private CompletableFuture<InviteResult> inviteOrPretend(InviteRequest request) {
        if (configuration.isDryRun()) {
            return CompletableFuture.completedFuture(new InviteResult(InviteStatus.WOULD_INVITE, request.getEmail(),
                    null, null, null, request.getGroupIds(), null));
        }
        return client.createInvite(request.getEmail(), request.getGroupIds(), request.metadataToSend())
                .thenApply(PendingInvite::fromJson)
                .exceptionallyCompose(failure -> findCreatedDespite(request.getEmail(), Futures.unwrap(failure)))
                .thenCompose(invite -> {
                    pendingInvites.added(invite);
                    LOG.info("Invited {} (invite {})", request.getEmail(), invite.id());
                    return setAttributes(invite.id(), request.getAttributes())
                            .thenApply(ignored -> invite.toResult(InviteStatus.INVITED));
                });
    }

    /**
     * A create call whose answer was lost (connection cut, timeout, a 5xx or a proxy's page) may have created the
     * invite all the same. Sending it again would create a second paid invite, so Retool's pending invites are read
     * afresh first: an invite for the email that was not there before the call is the one it created. Only with
     * {@code skipExisting}, which guarantees there was none before; otherwise, and when nothing is found, the call
     * fails as it did (and the fresh read keeps the cache honest for the next attempt).
     */
    private CompletableFuture<PendingInvite> findCreatedDespite(String email, Throwable failure) {
        if (!configuration.isSkipExisting() || !isOutcomeUnknown(failure)) {
            return CompletableFuture.failedFuture(failure);
        }
        return standings.findAfresh(email).handle((found, readFailure) -> {
            PendingInvite created = readFailure == null ? found.liveInvite() : null;
            if (created == null) {
                throw new CompletionException(failure);
            }
            LOG.warn("The answer to inviting {} was lost ({}), but Retool holds its invite {}: counted as invited",
                    email, failure.getMessage(), created.id());
            return created;
        });
    }

    /** Failures after which the call may or may not have taken effect; a 4xx answer says it did not. */
    private static boolean isOutcomeUnknown(Throwable failure) {
        return failure instanceof RetoolConnectionException || failure instanceof RetoolServerException
               || failure instanceof NotRetoolApiException;
    }

    /** One call per attribute, in order, as Retool's API takes them. */
    private CompletableFuture<List<Object>> setAttributes(int inviteId, Map<String, Object> attributes) {
        return Sequentially.map(List.copyOf(attributes.entrySet()), (attribute, index) -> client
                .setInviteAttribute(inviteId, attribute.getKey(),
                        AttributeValues.asText(attribute.getValue(), "attributes." + attribute.getKey()))
                .thenApply(Object.class::cast));
    }

    /**
     * Where each email stands in Retool, without any write call: an email (body or header) answers one
     * {@link EmailStanding}, a list of emails a list of them, in order.
     */
    private CompletableFuture<?> lookup(Exchange exchange) {
        Message message = exchange.getMessage();
        Object body = message.getBody();
        if (body instanceof List<?> items) {
            List<String> emails = new ArrayList<>(items.size());
            for (int i = 0; i < items.size(); i++) {
                emails.add(lookupEmail(items.get(i), "body[" + i + "]"));
            }
            return Sequentially.map(emails, (email, index) -> standing(email))
                    .thenAccept(message::setBody);
        }
        Object single = body == null ? message.getHeader(RetoolConstants.EMAIL) : body;
        String email = lookupEmail(single, body == null ? RetoolConstants.EMAIL : "body");
        return standing(email).thenAccept(standing -> {
            message.setBody(standing);
            message.setHeader(RetoolConstants.STANDING, standing.state());
            message.setHeader(RetoolConstants.EMAIL, standing.email());
            message.setHeader(RetoolConstants.INVITE_ID, standing.inviteId());
            message.setHeader(RetoolConstants.USER_ID, standing.userId());
            message.setHeader(RetoolConstants.INVITE_EXPIRES_AT, standing.expiresAt());
        });
    }

    private static String lookupEmail(Object value, String field) {
        if (!(value instanceof CharSequence text)) {
            throw new InvalidRetoolInputException(field, "lookup takes an email or a list of emails");
        }
        return EmailInputs.normalized(text.toString(), field).address();
    }

    private CompletableFuture<EmailStanding> standing(String email) {
        return standings.find(email, true, configuration.getPendingInvitesCacheTtl(),
                configuration.getUserLookupRecheckInterval()).thenApply(EmailStandings.Found::standing);
    }

    private CompletableFuture<?> list(Exchange exchange) {
        return pendingInvites.refresh().thenAccept(invites -> exchange.getMessage().setBody(invites));
    }

    private CompletableFuture<?> revoke(Exchange exchange) {
        Message message = exchange.getMessage();
        return targets(message).thenCompose(this::revokeAll).thenAccept(revoked -> {
            PendingInvite last = revoked.get(revoked.size() - 1);
            // the headers name the last invite; each revoked one counts
            revoked.subList(0, revoked.size() - 1).forEach(invite -> metrics.invite(InviteStatus.REVOKED));
            answer(message, last.toResult(InviteStatus.REVOKED));
            message.setBody(revoked.size() == 1 ? last.toResult(InviteStatus.REVOKED)
                    : new BulkInviteSummary(revoked.stream().map(i -> i.toResult(InviteStatus.REVOKED)).toList()));
        });
    }

    private CompletableFuture<List<PendingInvite>> revokeAll(List<PendingInvite> invites) {
        if (configuration.isDryRun()) {
            return CompletableFuture.completedFuture(invites);
        }
        return Sequentially.map(invites, (invite, index) -> client.revokeInvite(invite.id()).thenApply(ignored -> {
            pendingInvites.removed(invite);
            LOG.info("Revoked invite {}", invite.id());
            return invite;
        }));
    }

    /** Revokes the given (or the email's) invite and creates a new one with the same groups and metadata. */
    private CompletableFuture<?> renew(Exchange exchange) {
        Message message = exchange.getMessage();
        return targets(message).thenCompose(invites -> {
            PendingInvite old = invites.get(0);
            if (configuration.isDryRun()) {
                return CompletableFuture.completedFuture(old.toResult(InviteStatus.WOULD_INVITE));
            }
            return revokeAll(invites).thenCompose(revoked -> client.createInvite(old.email(), old.groupIds(),
                    metadataOf(old))).thenApply(PendingInvite::fromJson).thenApply(created -> {
                        pendingInvites.added(created);
                        LOG.info("Renewed invite {} as {}", old.id(), created.id());
                        return created.toResult(InviteStatus.INVITED);
                    });
        }).thenAccept(result -> answer(message, result));
    }

    private static Map<String, Object> metadataOf(PendingInvite invite) {
        Map<String, Object> metadata = new java.util.LinkedHashMap<>();
        invite.metadata().properties().forEach(field -> metadata.put(field.getKey(),
                field.getValue().isTextual() ? field.getValue().asText() : field.getValue()));
        return metadata;
    }

    /** The invites a revoke or renew is about: by id (header or numeric body), else by email (header or body). */
    private CompletableFuture<List<PendingInvite>> targets(Message message) {
        Integer id = message.getHeader(RetoolConstants.INVITE_ID, Integer.class);
        Object body = message.getBody();
        if (id == null && body instanceof Number number) {
            id = number.intValue();
        }
        String email = message.getHeader(RetoolConstants.EMAIL, String.class);
        if (id == null && email == null && body instanceof CharSequence text) {
            String trimmed = text.toString().trim();
            if (trimmed.matches("\\d+")) {
                id = Integer.valueOf(trimmed);
            } else {
                email = trimmed;
            }
        }
        if (id == null && (email == null || email.isBlank())) {
            throw new InvalidRetoolInputException(RetoolConstants.INVITE_ID,
                    "revoke and renew need an invite id or an email (header or body)");
        }
        if (id != null) {
            // one invite named by its id is read by that id: no list read, whatever the organisation's size
            return client.getInvite(id).thenApply(List::of);
        }
        Integer wantedId = id;
        String wantedEmail = email;
        return pendingInvites.refresh().thenApply(all -> {
            List<PendingInvite> matching = all.stream()
                    .filter(invite -> wantedId != null ? invite.id() == wantedId
                            : EmailAddresses.key(wantedEmail).equals(EmailAddresses.key(invite.email())))
                    .toList();
            if (matching.isEmpty()) {
                String what = wantedId != null ? "invite " + wantedId : "email " + wantedEmail;
                throw new RetoolNotFoundException("No pending invite for " + what, 0, null, "GET",
                        RetoolClient.INVITES_PATH, null);
            }
            return matching;
        });
    }

    private void answer(Message message, InviteResult result) {
        metrics.invite(result.status());
        message.setBody(result);
        message.setHeader(RetoolConstants.INVITE_STATUS, result.status());
        message.setHeader(RetoolConstants.EMAIL, result.email());
        message.setHeader(RetoolConstants.INVITE_ID, result.inviteId());
        message.setHeader(RetoolConstants.INVITE_LINK, result.link());
        message.setHeader(RetoolConstants.INVITE_EXPIRES_AT, result.expiresAt());
        if (result.userId() != null) {
            message.setHeader(RetoolConstants.USER_ID, result.userId());
        }
    }

    private void bulkAnswer(Message message, List<InviteResult> results) {
        results.forEach(result -> metrics.invite(result.status()));
        BulkInviteSummary summary = new BulkInviteSummary(results);
        message.setBody(summary);
        LOG.info("Bulk invite of {} items: {}", summary.size(), summary.totals());
    }

    private static String emailOf(Object item) {
        if (item instanceof CharSequence text) {
            return text.toString().trim();
        }
        if (item instanceof Map<?, ?> map && map.get("email") != null) {
            return String.valueOf(map.get("email"));
        }
        return item instanceof InviteRequest request ? request.getEmail() : null;
    }
}
