package io.camelretool.sandbox;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An Embed URL the sandbox minted, with what the call asked for: what Retool would show the portal user as their
 * groups and {@code current_user} values. The URL is a credential (it logs the person in), so this record prints
 * without it.
 *
 * @param url                the single-use URL, served by the sandbox itself
 * @param landingPageUuid    the app the URL opens
 * @param groupIds           the groups the portal user is put in
 * @param externalIdentifier the host application's id for the person, as sent (a string or a number)
 * @param email              {@code userInfo.email}, {@code null} when not sent
 * @param firstName          {@code userInfo.firstName}, {@code null} when not sent
 * @param lastName           {@code userInfo.lastName}, {@code null} when not sent
 * @param metadata           the values the app reads as {@code current_user.metadata}
 * @param mintedAt           when it was minted (sandbox clock)
 */
public record SandboxEmbedUrl(String url, String landingPageUuid, List<Integer> groupIds, String externalIdentifier,
        String email, String firstName, String lastName, Map<String, Object> metadata, Instant mintedAt) {

    public SandboxEmbedUrl {
        groupIds = List.copyOf(groupIds);
        metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    }

    @Override
    public String toString() {
        return "SandboxEmbedUrl[landingPageUuid=" + landingPageUuid + ", groupIds=" + groupIds
               + ", externalIdentifier=" + externalIdentifier + ", email=" + email + ", mintedAt=" + mintedAt + "]";
    }
}
