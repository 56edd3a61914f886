package io.camelretool.example.policy;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.camelretool.component.classify.UserClass;
import io.camelretool.component.model.InviteRequest;
import io.camelretool.example.ledger.LedgerEntry;
import io.camelretool.example.ledger.LedgerStatus;
import io.camelretool.example.signup.Signup;

/**
 * What the application does with a classified signup: a rejected one is not invited; an external one gets Embed
 * access only when so configured, and waits when today's cap on new external seats is used up; the others are
 * invited into the groups, and with the attributes, configured for their class on top of their own.
 */
public final class SignupPolicy {

    /** The policy's answer for one signup. */
    public sealed interface Decision permits Invite, Hold {
    }

    /** Send this invite. */
    public record Invite(InviteRequest request) implements Decision {
    }

    /** Do not invite: the row takes this status, for this reason. */
    public record Hold(LedgerStatus status, String reason) implements Decision {
    }

    private final Map<UserClass, ClassSettings> perClass;
    private final ExternalAccess externalAccess;
    private final int maxNewExternalSeatsPerDay;

    public SignupPolicy(Map<UserClass, ClassSettings> perClass, ExternalAccess externalAccess,
                        int maxNewExternalSeatsPerDay) {
        if (maxNewExternalSeatsPerDay < 0) {
            throw new IllegalArgumentException("MAX_NEW_EXTERNAL_SEATS_PER_DAY must be 0 or more, not "
                                               + maxNewExternalSeatsPerDay);
        }
        this.perClass = new EnumMap<>(UserClass.class);
        this.perClass.putAll(perClass);
        this.externalAccess = externalAccess;
        this.maxNewExternalSeatsPerDay = maxNewExternalSeatsPerDay;
    }

    /** {@code MAX_NEW_EXTERNAL_SEATS_PER_DAY}. */
    public int maxNewExternalSeatsPerDay() {
        return maxNewExternalSeatsPerDay;
    }

    /** Today's room for new external seats, for one round of the pipeline. */
    public SeatBudget seatBudget(java.util.function.IntSupplier externalSeatsTakenToday) {
        return new SeatBudget(maxNewExternalSeatsPerDay, externalSeatsTakenToday);
    }

    /** @param seats today's room for new external seats; a seat is taken for an external signup to be invited */
    public Decision decide(LedgerEntry entry, SeatBudget seats) {
        UserClass userClass = entry.userClass();
        if (userClass == UserClass.REJECTED) {
            return new Hold(LedgerStatus.REJECTED, entry.lastError());
        }
        if (userClass == UserClass.EXTERNAL) {
            if (externalAccess == ExternalAccess.EMBED) {
                return new Hold(LedgerStatus.EMBED_ONLY, "external users get Embed access only (EXTERNAL_ACCESS=embed)");
            }
            if (!seats.take()) {
                return new Hold(LedgerStatus.OVER_CAP, "today's " + seats.cap()
                        + " new external seats are taken (MAX_NEW_EXTERNAL_SEATS_PER_DAY); "
                        + "waits for one to come free or for tomorrow");
            }
        }
        return new Invite(request(entry.emailKey(), entry.signup(), perClass.getOrDefault(userClass,
                ClassSettings.NONE)));
    }

    /**
     * The invite a renewal sends again: the same groups and attributes as the first; no seat is taken from today's
     * cap, as the person already holds one.
     */
    public InviteRequest renewal(LedgerEntry entry) {
        return request(entry.emailKey(), entry.signup(), perClass.getOrDefault(entry.userClass(), ClassSettings.NONE));
    }

    /**
     * What the person's class and signup grant them in Retool: the groups and attributes an invite would carry, which
     * an Embed session carries too, so the app sees the same {@code current_user} values either way.
     */
    public InviteRequest grants(LedgerEntry entry) {
        return request(entry.emailKey(), entry.signup(), perClass.getOrDefault(entry.userClass(), ClassSettings.NONE));
    }

    public ExternalAccess externalAccess() {
        return externalAccess;
    }

    private static InviteRequest request(String email, Signup signup, ClassSettings settings) {
        Set<Integer> groups = new LinkedHashSet<>(signup.groups());
        groups.addAll(settings.groupIds());
        Map<String, Object> attributes = new LinkedHashMap<>(signup.attributes());
        attributes.putAll(settings.attributes());
        Map<String, Object> metadata = new LinkedHashMap<>();
        if (signup.company() != null) {
            metadata.put("company", signup.company());
        }
        metadata.put("source", signup.source().name());
        return InviteRequest.builder(email).firstName(signup.firstName()).lastName(signup.lastName())
                .groupIds(List.copyOf(groups)).attributes(attributes).metadata(metadata).build();
    }
}
