package io.camelretool.example.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.camelretool.component.classify.EmailNormalizer;
import io.camelretool.component.classify.SeatPriceTable;
import io.camelretool.component.classify.UserClass;
import io.camelretool.example.ledger.Ledger;
import io.camelretool.example.ledger.LedgerLifecycle;
import io.camelretool.example.ledger.LedgerStatus;
import io.camelretool.example.ledger.Person;
import io.camelretool.example.ledger.PersonAccess;
import io.camelretool.example.ledger.Seats;
import io.camelretool.example.policy.SignupPolicy;

/**
 * The read API's answers, as status and JSON-ready maps: one person, a page of people, the seats. What it shows comes
 * from the ledger only (no Retool call), and never holds an API key, a secret or an invite link.
 */
public final class PeopleApi {

    /** The largest page. */
    static final int MAX_LIMIT = 1000;
    private static final int DEFAULT_LIMIT = 100;
    private static final Set<String> PEOPLE_PARAMETERS = Set.of("status", "class", "updatedSince", "limit", "cursor");

    /** An answer: HTTP status and body. */
    public record Answer(int status, Map<String, Object> body) {
    }

    private final LedgerLifecycle lifecycle;
    private final Ledger ledger;
    private final SignupPolicy policy;
    private final SeatPriceTable prices;

    public PeopleApi(LedgerLifecycle lifecycle, Ledger ledger, SignupPolicy policy, SeatPriceTable prices) {
        this.lifecycle = lifecycle;
        this.ledger = ledger;
        this.policy = policy;
        this.prices = prices;
    }

    /** {@code GET /api/people/{email}}. */
    public Answer person(String email, String rawQuery) {
        try {
            ApiQuery.parse(rawQuery, Set.of());
            String key = emailKey(email);
            return lifecycle.person(key).map(person -> new Answer(200, json(person)))
                    .orElseGet(() -> error(404, "no person with that email in the ledger"));
        } catch (BadRequest refused) {
            return new Answer(400, refused.body());
        }
    }

    /** {@code GET /api/people?status=&class=&updatedSince=&limit=&cursor=}: newest change first. */
    public Answer people(String rawQuery) {
        try {
            ApiQuery query = ApiQuery.parse(rawQuery, PEOPLE_PARAMETERS);
            LedgerStatus status = enumValue(LedgerStatus.class, query.get("status"), "status");
            UserClass userClass = enumValue(UserClass.class, query.get("class"), "class");
            Instant updatedSince = instant(query.get("updatedSince"));
            int limit = limit(query.get("limit"));
            String cursor = query.get("cursor");
            LedgerLifecycle.PageMark after = cursor == null ? null : PeopleCursor.decode(cursor);
            List<Person> page = lifecycle.people(status, userClass, updatedSince, after, limit);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("people", page.stream().map(PeopleApi::json).toList());
            Person last = page.isEmpty() ? null : page.get(page.size() - 1);
            body.put("nextCursor", page.size() == limit && last != null
                    ? PeopleCursor.encode(new LedgerLifecycle.PageMark(last.updatedAt(), last.email())) : null);
            return new Answer(200, body);
        } catch (BadRequest refused) {
            return new Answer(400, refused.body());
        }
    }

    /** {@code GET /api/seats}. */
    public Answer seats(String rawQuery) {
        try {
            ApiQuery.parse(rawQuery, Set.of());
            return new Answer(200, seatsJson());
        } catch (BadRequest refused) {
            return new Answer(400, refused.body());
        }
    }

    /** What the seats stand at, with the projected monthly cost of joined and of pending people. */
    public Map<String, Object> seatsJson() {
        int takenToday = ledger.externalSeatsClaimedToday();
        Seats seats = lifecycle.seats(takenToday);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("joined", byClass(seats.joined()));
        body.put("pending", byClass(seats.pending()));
        body.put("expired", seats.expired());
        body.put("vanished", seats.vanished());
        body.put("embed", byClass(seats.embed()));
        body.put("embedWithSessions", seats.embedWithSessions());
        body.put("offboardedStillActive", byClass(seats.offboardedStillActive()));
        body.put("offboarding", seats.offboarding());
        body.put("newExternalSeatsToday", takenToday);
        body.put("dailyCap", policy.seatBudget(() -> takenToday).cap());
        Map<String, Object> cost = new LinkedHashMap<>();
        cost.put("joined", cost(seats.joined()));
        cost.put("pending", cost(seats.pending()));
        cost.put("offboardedStillActive", cost(seats.offboardedStillActive()));
        cost.put("currency", prices.currency());
        body.put("monthlyCost", cost);
        long stillActive = seats.offboardedStillActive().values().stream().mapToLong(Long::longValue).sum();
        if (stillActive > 0) {
            body.put("note", stillActive + " offboarded account(s) still active: Retool's API cannot disable users "
                             + "on this plan (Business), so each still holds a paid seat until an admin disables it in "
                             + "Retool's settings; GET /api/people?status=OFFBOARDED lists them with seat "
                             + "OFFBOARDED_STILL_ACTIVE and their user id");
        }
        return body;
    }

    private static Map<String, Long> byClass(Map<UserClass, Long> counts) {
        Map<String, Long> json = new LinkedHashMap<>();
        for (UserClass userClass : List.of(UserClass.EXTERNAL, UserClass.END_USER, UserClass.STANDARD_USER)) {
            json.put(userClass.name(), counts.getOrDefault(userClass, 0L));
        }
        return json;
    }

    /** What these seats cost a month, priced by class (the console's overview shows the same figure). */
    public BigDecimal cost(Map<UserClass, Long> counts) {
        BigDecimal total = BigDecimal.ZERO;
        for (Map.Entry<UserClass, Long> count : counts.entrySet()) {
            if (count.getKey() != UserClass.REJECTED) {
                total = total.add(prices.monthlyPrice(count.getKey()).multiply(BigDecimal.valueOf(count.getValue())));
            }
        }
        return total;
    }

    private static Map<String, Object> json(Person person) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("email", person.email());
        json.put("class", person.userClass().name());
        json.put("status", person.status().name());
        json.put("source", person.source());
        json.put("inviteId", person.inviteId());
        json.put("inviteExpiresAt", text(person.inviteExpiresAt()));
        json.put("userId", person.userId());
        json.put("joinedAt", text(person.joinedAt()));
        json.put("renewals", person.renewals());
        json.put("attempts", person.attempts());
        json.put("lastError", person.lastError());
        json.put("attributes", person.attributes());
        json.put("createdAt", text(person.createdAt()));
        json.put("updatedAt", text(person.updatedAt()));
        json.put("seat", person.seat().name());
        PersonAccess access = person.access();
        if (access.externalId() != null || access.sessions() > 0) {
            Map<String, Object> embed = new LinkedHashMap<>();
            embed.put("externalIdentifier", access.externalId());
            embed.put("sessions", access.sessions());
            embed.put("firstSession", text(access.firstSession()));
            embed.put("lastSession", text(access.lastSession()));
            json.put("embed", embed);
        }
        if (access.offboarded()) {
            Map<String, Object> offboarding = new LinkedHashMap<>();
            offboarding.put("at", text(access.offboardedAt()));
            offboarding.put("by", access.offboardedBy());
            offboarding.put("from", access.offboardedFrom() == null ? null : access.offboardedFrom().name());
            offboarding.put("note", access.offboardNote());
            offboarding.put("accountStillActive", access.accountActive());
            json.put("offboarding", offboarding);
        }
        return json;
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    private static String emailKey(String email) {
        if (email == null || email.length() > 320) {
            throw new BadRequest("email", "is not an email address");
        }
        try {
            return EmailNormalizer.normalize(email).key();
        } catch (EmailNormalizer.InvalidEmailException malformed) {
            throw new BadRequest("email", "is not an email address");
        }
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String text, String parameter) {
        if (text == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw new BadRequest(parameter, "must be one of " + List.of(type.getEnumConstants()));
        }
    }

    private static Instant instant(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text.strip());
        } catch (DateTimeParseException malformed) {
            throw new BadRequest("updatedSince", "must be an ISO-8601 instant such as 2026-12-01T00:00:00Z");
        }
    }

    private static int limit(String text) {
        if (text == null) {
            return DEFAULT_LIMIT;
        }
        if (!text.matches("[0-9]{1,4}")) {
            throw new BadRequest("limit", "must be a whole number from 1 to " + MAX_LIMIT);
        }
        int limit = Integer.parseInt(text);
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new BadRequest("limit", "must be a whole number from 1 to " + MAX_LIMIT);
        }
        return limit;
    }

    private static Answer error(int status, String message) {
        return new Answer(status, Map.of("error", message));
    }
}
