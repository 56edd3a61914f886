package io.camelretool.component.consumer;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.camelretool.component.RetoolConstants;
import io.camelretool.component.RetoolEndpoint;
import io.camelretool.component.model.PendingInviteIndex;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.ScheduledPollConsumer;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.apache.camel.support.service.ServiceHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code from("retool:invite")}: polls Retool's invites and emits one exchange per change (CLAIMED, EXPIRED, REVOKED,
 * VANISHED), body an {@link InviteChange}. Each poll costs one list read of the invites, streamed (see
 * {@link PendingInviteIndex}), whatever their number.
 * <p>
 * What it promises. The position (what was last seen of each invite) lives in the endpoint's {@code stateRepository}
 * under {@code stateKey}, written after every exchange the route completed, so a restart with the same repository
 * neither misses a change nor repeats one, except the one exchange a crash may interrupt between the route finishing it
 * and the write (it comes again). A change whose exchange fails is not recorded: the poll stops there and the next poll
 * emits it again, so changes are never skipped and come in invite-id order within a poll. The first poll of a new
 * position reports every invite already claimed or expired once (pending ones are changes only later). Changes that
 * happen and undo themselves between two polls are not seen. REVOKED versus VANISHED: an invite that leaves the list
 * after expiring, or while Retool is known to list claimed invites (one was seen listed), was revoked; otherwise it
 * was accepted or revoked and the API cannot tell, which is VANISHED.
 */
public class InviteConsumer extends ScheduledPollConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(InviteConsumer.class);

    private final RetoolEndpoint endpoint;
    private StateRepository<String, String> state;
    private String stateKey;

    public InviteConsumer(RetoolEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.endpoint = endpoint;
    }

    /** Camel's check of the polls, made to stay UP while Retool does not answer for a while. */
    @Override
    public void setHealthCheck(HealthCheck healthCheck) {
        super.setHealthCheck(healthCheck == null || healthCheck instanceof InviteListHealthCheck ? healthCheck
                : new InviteListHealthCheck(healthCheck, this::getLastError));
    }

    @Override
    protected void doStart() throws Exception {
        state = endpoint.getStateRepository();
        if (state == null) {
            state = new MemoryStateRepository();
            LOG.info("retool:invite consumer keeps its position in memory only: set stateRepository to survive a "
                     + "restart");
        }
        ServiceHelper.startService(state);
        // Camel's FileStateRepository refuses '=' in a key
        stateKey = endpoint.getStateKey() != null ? endpoint.getStateKey()
                : "retool:invite@" + endpoint.getConfiguration().getBaseUrl().replace('=', '_');
        super.doStart();
    }

    @Override
    protected int poll() throws Exception {
        PendingInviteIndex listed = endpoint.getClient().readPendingInviteIndex()
                .get(endpoint.getConfiguration().getRequestTimeout() * 4, TimeUnit.MILLISECONDS);
        KnownInvites known = KnownInvites.read(state.getState(stateKey));
        List<InviteChange> changes = known.changes(listed, Instant.now());
        int delivered = 0;
        for (InviteChange change : changes) {
            Exchange exchange = createExchange(change);
            try {
                getProcessor().process(exchange);
            } catch (Exception e) {
                exchange.setException(e);
            }
            if (exchange.getException() != null) {
                getExceptionHandler().handleException("Processing the Retool invite change " + change.kind()
                                                      + " of invite " + change.inviteId() + " failed; it comes again "
                                                      + "next poll", exchange, exchange.getException());
                releaseExchange(exchange, false);
                return delivered;
            }
            releaseExchange(exchange, false);
            known.apply(change);
            state.setState(stateKey, known.write());
            delivered++;
        }
        known.settle(listed);
        state.setState(stateKey, known.write());
        return delivered;
    }

    private Exchange createExchange(InviteChange change) {
        Exchange exchange = createExchange(false);
        Message message = exchange.getMessage();
        message.setBody(change);
        message.setHeader(RetoolConstants.INVITE_CHANGE, change.kind());
        message.setHeader(RetoolConstants.INVITE_ID, change.inviteId());
        message.setHeader(RetoolConstants.EMAIL, change.email());
        message.setHeader(RetoolConstants.USER_ID, change.userId());
        message.setHeader(RetoolConstants.CLAIMED_AT, change.claimedAt());
        message.setHeader(RetoolConstants.INVITE_EXPIRES_AT, change.expiresAt());
        return exchange;
    }
}
