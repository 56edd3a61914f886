package io.camelretool.component.producer;

import java.util.concurrent.CompletableFuture;

import io.camelretool.component.RetoolConstants;
import io.camelretool.component.RetoolEndpoint;
import io.camelretool.component.UserAction;
import io.camelretool.component.client.RetoolClient;
import io.camelretool.component.error.InvalidRetoolInputException;
import io.camelretool.component.error.RetoolNotFoundException;
import io.camelretool.component.model.EmailAddresses;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code retool:user}: acts on an account. Action {@code disable} disables it ({@code DELETE /api/v2/users/{id}},
 * which Retool documents as disabling); the account is named by the header {@code CamelRetoolUserId}, or by
 * {@code CamelRetoolEmail} looked up among the accounts. Both need a plan with user management (Enterprise): elsewhere
 * the call fails with a {@code RetoolPermissionException}, which a caller reports as a seat still to disable by hand.
 */
public class UserProducer extends RetoolAsyncProducer {

    private static final Logger LOG = LoggerFactory.getLogger(UserProducer.class);

    public UserProducer(RetoolEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    protected UserAction action(Exchange exchange) {
        return action(exchange, UserAction.class, configuration.getUserAction(), "user");
    }

    @Override
    protected CompletableFuture<?> start(Exchange exchange) {
        Message message = exchange.getMessage();
        return userId(message).thenCompose(userId -> (configuration.isDryRun()
                ? CompletableFuture.<Void>completedFuture(null) : client.disableUser(userId)).thenApply(ignored -> {
                    LOG.info("{} user {}", configuration.isDryRun() ? "Would disable" : "Disabled", userId);
                    message.setHeader(RetoolConstants.USER_ID, userId);
                    message.setBody(userId);
                    return userId;
                }));
    }

    private CompletableFuture<String> userId(Message message) {
        String userId = message.getHeader(RetoolConstants.USER_ID, String.class);
        if (userId != null && !userId.isBlank()) {
            if (!userId.trim().matches("user_[a-z0-9]+")) {
                throw new InvalidRetoolInputException("userId", "'" + userId + "' is not a Retool user id (user_...)");
            }
            return CompletableFuture.completedFuture(userId.trim());
        }
        String email = message.getHeader(RetoolConstants.EMAIL, String.class);
        if (email == null || email.isBlank()) {
            throw new InvalidRetoolInputException("userId", "name the account by header "
                    + RetoolConstants.USER_ID + " or " + RetoolConstants.EMAIL);
        }
        String key = EmailInputs.normalized(email, "email").key();
        return client.findUsersByEmail(key).thenApply(users -> users.stream()
                .filter(user -> key.equals(EmailAddresses.key(user.path("email").asText(null))))
                .map(user -> user.path("id").asText()).findFirst()
                .orElseThrow(() -> new RetoolNotFoundException("Retool has no account for " + email, 0, null, "GET",
                        RetoolClient.USERS_PATH, null)));
    }
}
