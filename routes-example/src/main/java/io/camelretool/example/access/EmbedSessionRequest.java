package io.camelretool.example.access;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelretool.component.model.EmailAddresses;
import io.camelretool.example.intake.SignupLimits;
import io.camelretool.example.intake.sender.StrictJson;
import io.camelretool.example.signup.Signup;
import io.camelretool.example.signup.SignupSource;

/**
 * The body of {@code POST /embed/sessions}: who the host application's logged-in customer is. Read strictly (one JSON
 * object, no unknown or repeated field) and checked field by field, so a 400 lists every problem at once. An optional
 * {@code nonce} (at most 128 characters) only makes two otherwise equal requests distinct for the replay check.
 *
 * @param email              the address as sent
 * @param externalIdentifier the host's stable id for the customer, as text (a JSON number is taken as its digits)
 * @param firstName          may be null
 * @param lastName           may be null
 * @param landingPageUuid    null for the configured default
 */
public record EmbedSessionRequest(String email, String externalIdentifier, String firstName, String lastName,
                                  String landingPageUuid) {

    public static final int MAX_BODY_BYTES = 64 * 1024;
    static final int MAX_IDENTIFIER = 256;
    static final int MAX_NONCE = 128;
    private static final Set<String> FIELDS = Set.of("email", "externalIdentifier", "firstName", "lastName",
            "landingPageUuid", "nonce");
    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    /** The request, or the field errors (by field name) when it cannot be served as sent. */
    public record Parsed(EmbedSessionRequest request, Map<String, String> errors) {
    }

    public static Parsed parse(byte[] body) {
        JsonNode root;
        try {
            root = StrictJson.object(body);
        } catch (StrictJson.NotJsonObject notJson) {
            return refused("body", notJson.getMessage());
        }
        Map<String, String> errors = new LinkedHashMap<>();
        List<String> unknown = new ArrayList<>();
        root.fieldNames().forEachRemaining(name -> {
            if (!FIELDS.contains(name)) {
                unknown.add(name);
            }
        });
        unknown.stream().sorted().limit(10).forEach(name -> errors.put(name, "is not a field; use one of "
                + FIELDS.stream().sorted().toList()));
        String email = text(root, "email", errors);
        if (email == null && !errors.containsKey("email")) {
            errors.put("email", "is required");
        }
        String identifier = identifier(root.get("externalIdentifier"), errors);
        String firstName = text(root, "firstName", errors);
        String lastName = text(root, "lastName", errors);
        String landingPage = text(root, "landingPageUuid", errors);
        // only makes two otherwise equal requests different ones for the replay check; never used otherwise
        String nonce = text(root, "nonce", errors);
        if (nonce != null && nonce.length() > MAX_NONCE) {
            errors.put("nonce", "is " + nonce.length() + " characters long; at most " + MAX_NONCE);
        }
        if (landingPage != null && !UUID.matcher(landingPage).matches()) {
            errors.put("landingPageUuid", "is not a UUID");
        }
        // the same limits as any signup's fields (length, control characters), then the address itself: checked
        // whatever else is wrong, so that the 400 lists every field's error at once
        SignupLimits.problems(new Signup(email, firstName, lastName, null, null, null, null, SignupSource.EMBED,
                null)).forEach(problem -> errors.putIfAbsent(problem.field(), problem.message()));
        if (email != null && !EmailAddresses.isValid(email)) {
            errors.putIfAbsent("email", "is not an email address");
        }
        return errors.isEmpty() ? new Parsed(new EmbedSessionRequest(email.strip(), identifier, firstName, lastName,
                landingPage), Map.of()) : new Parsed(null, errors);
    }

    private static String identifier(JsonNode value, Map<String, String> errors) {
        if (value == null || value.isNull()) {
            errors.put("externalIdentifier", "is required");
            return null;
        }
        String text;
        if (value.isIntegralNumber()) {
            text = value.asText();
        } else if (value.isTextual()) {
            text = value.asText();
        } else {
            errors.put("externalIdentifier", "must be a string or a whole number");
            return null;
        }
        if (text.isBlank()) {
            errors.put("externalIdentifier", "is required");
        } else if (text.length() > MAX_IDENTIFIER) {
            errors.put("externalIdentifier", "is " + text.length() + " characters long; at most " + MAX_IDENTIFIER);
        } else if (text.chars().anyMatch(c -> c < 0x20 || c == 0x7f) || !text.equals(text.strip())) {
            errors.put("externalIdentifier", "contains a control character or surrounding blanks");
        }
        return text;
    }

    private static String text(JsonNode root, String field, Map<String, String> errors) {
        JsonNode value = root.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            errors.put(field, "must be a string");
            return null;
        }
        return value.asText();
    }

    private static Parsed refused(String field, String message) {
        return new Parsed(null, Map.of(field, message));
    }
}
