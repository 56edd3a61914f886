package io.camelretool.example.policy;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.camelretool.component.classify.UserClass;
import io.camelretool.component.model.InviteRequest;
import io.camelretool.example.ledger.LedgerEntry;
import io.camelretool.example.ledger.LedgerStatus;
import io.camelretool.example.signup.Signup;
import io.camelretool.example.signup.SignupSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SignupPolicyTest {

    private static final Map<UserClass, ClassSettings> PER_CLASS = Map.of(
            UserClass.EXTERNAL, new ClassSettings(List.of(7), Map.of("tier", "customer")),
            UserClass.STANDARD_USER, new ClassSettings(List.of(4, 5), Map.of()));

    @Test
    void invitesIntoTheSignupsGroupsAndItsClassGroupsWithTheClassAttributesWinning() {
        SignupPolicy policy = new SignupPolicy(PER_CLASS, ExternalAccess.INVITE, 10);

        SignupPolicy.Decision decision = policy.decide(entry(UserClass.EXTERNAL, List.of(1, 7),
                Map.of("tier", "admin", "plan", "gold")), policy.seatBudget(() -> 0));

        assertThat(decision).isInstanceOfSatisfying(SignupPolicy.Invite.class, invite -> {
            InviteRequest request = invite.request();
            assertThat(request.getEmail()).isEqualTo("ada@example.com");
            assertThat(request.getGroupIds()).containsExactly(1, 7);
            assertThat(request.getAttributes()).containsEntry("tier", "customer").containsEntry("plan", "gold");
            assertThat(request.getFirstName()).isEqualTo("Ada");
            assertThat(request.getMetadata()).containsEntry("company", "Engines").containsEntry("source", "WEBHOOK");
        });
    }

    @Test
    void holdsExternalsOverTheCapButNotInternalOnes() {
        SignupPolicy policy = new SignupPolicy(PER_CLASS, ExternalAccess.INVITE, 2);

        assertThat(policy.decide(entry(UserClass.EXTERNAL, List.of(), Map.of()), policy.seatBudget(() -> 2)))
                .isEqualTo(new SignupPolicy.Hold(LedgerStatus.OVER_CAP, "today's 2 new external seats are taken "
                        + "(MAX_NEW_EXTERNAL_SEATS_PER_DAY); waits for one to come free or for tomorrow"));
        assertThat(policy.decide(entry(UserClass.STANDARD_USER, List.of(), Map.of()), policy.seatBudget(() -> 2)))
                .isInstanceOf(SignupPolicy.Invite.class);
    }

    @Test
    void countsTodaysSeatsOnceAndGivesTheRemainingRoomToTheFirstExternalsOfTheRound() {
        SignupPolicy policy = new SignupPolicy(PER_CLASS, ExternalAccess.INVITE, 3);
        int[] counted = { 0 };
        SeatBudget seats = policy.seatBudget(() -> {
            counted[0]++;
            return 1;
        });

        List<SignupPolicy.Decision> decisions = java.util.stream.IntStream.range(0, 4)
                .mapToObj(i -> policy.decide(entry(UserClass.EXTERNAL, List.of(), Map.of()), seats)).toList();

        assertThat(decisions).extracting(decision -> decision.getClass().getSimpleName())
                .containsExactly("Invite", "Invite", "Hold", "Hold");
        assertThat(counted[0]).isEqualTo(1);
    }

    @Test
    void givesExternalsEmbedAccessOnlyWhenSoConfigured() {
        SignupPolicy policy = new SignupPolicy(PER_CLASS, ExternalAccess.EMBED, 10);

        assertThat(policy.decide(entry(UserClass.EXTERNAL, List.of(), Map.of()), policy.seatBudget(() -> 0)))
                .isInstanceOfSatisfying(SignupPolicy.Hold.class,
                        hold -> assertThat(hold.status()).isEqualTo(LedgerStatus.EMBED_ONLY));
    }

    @Test
    void refusesANegativeCap() {
        assertThatThrownBy(() -> new SignupPolicy(PER_CLASS, ExternalAccess.INVITE, -1))
                .hasMessageContaining("MAX_NEW_EXTERNAL_SEATS_PER_DAY must be 0 or more");
    }

    private static LedgerEntry entry(UserClass userClass, List<Integer> groups, Map<String, String> attributes) {
        Signup signup = new Signup("Ada@Example.com", "Ada", "Lovelace", "Engines", null, groups, attributes,
                SignupSource.WEBHOOK, "webhook-1#0");
        return new LedgerEntry("ada@example.com", userClass, LedgerStatus.RECEIVED, null, null, 0, null, signup,
                Instant.now(), Instant.now());
    }
}
