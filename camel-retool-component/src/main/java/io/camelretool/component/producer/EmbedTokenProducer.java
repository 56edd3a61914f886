package io.camelretool.component.producer;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;

import io.camelretool.component.EmbedTokenAction;
import io.camelretool.component.RetoolConstants;
import io.camelretool.component.RetoolEndpoint;
import io.camelretool.component.error.InvalidRetoolInputException;
import io.camelretool.component.error.NotRetoolApiException;
import io.camelretool.component.model.SecretUrls;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code retool:embedToken}: mints a single-use Retool Embed URL for an external user
 * ({@code POST /api/embed-url/external-user}). The URL logs a person in, so it is a credential: it goes into the
 * body and the {@code CamelRetoolEmbedUrl} header and is only ever logged masked.
 */
public class EmbedTokenProducer extends RetoolAsyncProducer {

    static final String PATH = "/api/embed-url/external-user";
    private static final Logger LOG = LoggerFactory.getLogger(EmbedTokenProducer.class);
    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Set<String> BODY_FIELDS = Set.of("externalIdentifier", "email", "firstName", "lastName",
            "metadata");

    public EmbedTokenProducer(RetoolEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    protected EmbedTokenAction action(Exchange exchange) {
        return action(exchange, EmbedTokenAction.class, configuration.getEmbedTokenAction(), "embedToken");
    }

    @Override
    protected CompletableFuture<?> start(Exchange exchange) {
        Map<String, Object> request = request(exchange.getMessage());
        return client.send("POST", PATH, request).thenAccept(answer -> {
            String url = answer == null ? null : answer.path("embedUrl").asText(null);
            if (url == null || !url.startsWith("https://")) {
                throw new NotRetoolApiException("Retool's answer has no https embedUrl", 200, null, "POST", PATH, null);
            }
            exchange.getMessage().setBody(url);
            exchange.getMessage().setHeader(RetoolConstants.EMBED_URL, url);
            LOG.info("Minted an Embed URL for external user {}: {}", request.get("externalIdentifier"),
                    SecretUrls.masked(url));
        });
    }

    /** Builds the request from options, headers and body, refusing what Retool would refuse. */
    private Map<String, Object> request(Message message) {
        Map<String, Object> body = bodyFields(message.getBody());
        String landingPage = message.getHeader(RetoolConstants.LANDING_PAGE_UUID, configuration.getLandingPageUuid(),
                String.class);
        if (landingPage == null || landingPage.isBlank()) {
            throw new InvalidRetoolInputException("landingPageUuid",
                    "is required (option landingPageUuid or header " + RetoolConstants.LANDING_PAGE_UUID + ")");
        }
        if (!UUID.matcher(landingPage.trim()).matches()) {
            throw new InvalidRetoolInputException("landingPageUuid", "'" + landingPage + "' is not a UUID");
        }
        Object groupValue = message.getHeader(RetoolConstants.GROUP_IDS);
        List<Integer> groups = GroupIds.fromValue(groupValue != null ? groupValue : configuration.getGroupIds(),
                "groupIds");
        if (groups.isEmpty()) {
            throw new InvalidRetoolInputException("groupIds",
                    "needs at least one group id (option groupIds or header " + RetoolConstants.GROUP_IDS + ")");
        }
        Object identifier = message.getHeader(RetoolConstants.EXTERNAL_IDENTIFIER);
        if (identifier == null) {
            identifier = body.get("externalIdentifier");
        }
        if (identifier == null || identifier.toString().isBlank()) {
            throw new InvalidRetoolInputException("externalIdentifier", "is required (header "
                                                                        + RetoolConstants.EXTERNAL_IDENTIFIER
                                                                        + " or body field)");
        }
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("landingPageUuid", landingPage.trim());
        request.put("groupIds", groups);
        request.put("externalIdentifier", identifier instanceof Number ? identifier : identifier.toString());
        Map<String, Object> userInfo = new LinkedHashMap<>();
        for (String field : List.of("email", "firstName", "lastName")) {
            Object value = body.get(field);
            if (value != null && !(value instanceof CharSequence)) {
                throw new InvalidRetoolInputException(field, "must be a string");
            }
            if (value != null) {
                userInfo.put(field, value.toString());
            }
        }
        if (userInfo.containsKey("email")) {
            // sent as invites send it: trimmed, the domain lower-cased and in ASCII
            userInfo.put("email", EmailInputs.normalized((String) userInfo.get("email"), "email").address());
        }
        if (!userInfo.isEmpty()) {
            request.put("userInfo", userInfo);
        }
        if (body.get("metadata") instanceof Map<?, ?> metadata && !metadata.isEmpty()) {
            request.put("metadata", metadata);
        } else if (body.get("metadata") != null && !(body.get("metadata") instanceof Map)) {
            throw new InvalidRetoolInputException("metadata", "must be a map");
        }
        return request;
    }

    private static Map<String, Object> bodyFields(Object body) {
        Map<String, Object> fields = new LinkedHashMap<>();
        if (body instanceof Map<?, ?> map) {
            map.forEach((key, value) -> {
                if (!BODY_FIELDS.contains(String.valueOf(key))) {
                    throw new InvalidRetoolInputException("body." + key, "is not an Embed field; use one of "
                                                                        + BODY_FIELDS);
                }
                fields.put(String.valueOf(key), value);
            });
        } else if (body instanceof CharSequence || body instanceof Number) {
            fields.put("externalIdentifier", body);
        } else if (body != null) {
            throw new InvalidRetoolInputException("body", "a " + body.getClass().getSimpleName()
                                                          + " cannot be an Embed request; send a Map or an identifier");
        }
        return fields;
    }
}
