package io.camelretool.component.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelretool.component.error.RetoolAuthenticationException;
import io.camelretool.component.error.RetoolConflictException;
import io.camelretool.component.error.RetoolException;
import io.camelretool.component.error.RetoolNotFoundException;
import io.camelretool.component.error.RetoolPermissionException;
import io.camelretool.component.error.RetoolRateLimitedException;
import io.camelretool.component.error.RetoolServerException;
import io.camelretool.component.error.RetoolValidationException;

/** Turns a Retool error answer into the exception that tells the caller what to do. */
final class RetoolErrors {

    private RetoolErrors() {
    }

    static RetoolException fromStatus(int status, JsonNode body, String method, String path) {
        String message = body != null && body.hasNonNull("message") ? body.get("message").asText() : null;
        return switch (status) {
            case 400, 422 -> new RetoolValidationException("Retool refused the request", status, message, method, path, null);
            case 401 -> new RetoolAuthenticationException("Retool did not accept the API key", status, message, method,
                    path, null);
            case 403 -> permission(status, message, method, path);
            case 404 -> new RetoolNotFoundException("Not found in Retool", status, message, method, path, null);
            case 409 -> new RetoolConflictException("Already exists in Retool", status, message, method, path, null);
            case 429, 503 -> new RetoolRateLimitedException("Retool still asked to slow down after every retry", status,
                    message, method, path, null);
            default -> new RetoolServerException("Retool failed to answer the request", status, message, method, path,
                    null);
        };
    }

    /** A 403 for the request {@code method path}, summarised from Retool's message. */
    static RetoolPermissionException permission(int status, String message, String method, String path) {
        return new RetoolPermissionException(permissionSummary(message), status, message, method, path, null);
    }

    private static String permissionSummary(String message) {
        String lower = message == null ? "" : message.toLowerCase(java.util.Locale.ROOT);
        if (lower.contains("enterprise")) {
            return "The Retool plan does not include this call";
        }
        if (lower.contains("scope") || lower.contains("missing one of")) {
            return "The API key lacks a scope this call needs";
        }
        return "Retool refused the call for this key";
    }
}
