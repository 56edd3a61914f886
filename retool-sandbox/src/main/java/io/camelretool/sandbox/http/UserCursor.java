package io.camelretool.sandbox.http;

import io.camelretool.sandbox.validation.InvalidRequestException;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The opaque {@code next_token} of the users list: base64 of {@code {"lastId":N}}, as in the spec's example
 * ({@code eyJsYXN0SWQiOjEyM30...}). N is the legacy id of the last user on the previous page, so paging stays
 * stable while users are added.
 */
final class UserCursor {

    private static final Pattern CONTENT = Pattern.compile("\\{\"lastId\":(\\d{1,9})}");

    private UserCursor() {
    }

    static String after(int lastLegacyId) {
        String content = "{\"lastId\":" + lastLegacyId + "}";
        return Base64.getUrlEncoder().withoutPadding().encodeToString(content.getBytes(StandardCharsets.UTF_8));
    }

    static int lastLegacyId(String token) {
        try {
            String content = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            Matcher matcher = CONTENT.matcher(content);
            if (matcher.matches()) {
                return Integer.parseInt(matcher.group(1));
            }
        } catch (IllegalArgumentException notBase64) {
            // reported below like any other token this sandbox did not issue
        }
        throw new InvalidRequestException("request/query/next_token is not a token returned by a previous page");
    }
}
