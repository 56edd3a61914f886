package io.camelretool.example.ledger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FailureReasonTest {

    @Test
    void theIdsInAPathBecomePlaceholdersAndTheStatusStays() {
        assertThat(FailureReason.withoutIds("Retool answered 503 (POST /api/v2/user_invites/1958/user_attributes)"))
                .isEqualTo("Retool answered 503 (POST /api/v2/user_invites/{id}/user_attributes)");
        assertThat(FailureReason.withoutIds("Retool answered 500 (GET /api/v2/users/user_9f2c41d0aa/groups/12)"))
                .isEqualTo("Retool answered 500 (GET /api/v2/users/{user}/groups/{id})");
        assertThat(FailureReason.withoutIds("timed out after 30 s (PATCH /api/v2/user_invites/77)"))
                .isEqualTo("timed out after 30 s (PATCH /api/v2/user_invites/{id})");
    }

    @Test
    void emailsBecomeAPlaceholder() {
        assertThat(FailureReason.withoutIds("invite for ada.lovelace+x@example.com held back: Retool is down"))
                .isEqualTo("invite for {email} held back: Retool is down");
    }

    @Test
    void aReasonWithoutIdsIsKeptAsItIs() {
        assertThat(FailureReason.withoutIds("Retool answered 429 after 3 attempts")).isEqualTo(
                "Retool answered 429 after 3 attempts");
        assertThat(FailureReason.withoutIds("")).isEmpty();
        assertThat(FailureReason.withoutIds(null)).isNull();
        assertThat(FailureReason.withoutIds("@ / // user_ {id} 12/")).isEqualTo("@ / // user_ {id} 12/");
    }
}
