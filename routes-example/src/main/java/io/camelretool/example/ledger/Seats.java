package io.camelretool.example.ledger;

import java.util.Map;

import io.camelretool.component.classify.UserClass;

/**
 * What the seats stand at, by class: people who joined (a seat in use), people with a live invite (a seat on its way),
 * expired invites, and today's new external seats; Embed users, a kind of seat of their own; and offboarded accounts
 * still active in Retool, which still cost.
 *
 * @param embed                 people with Embed access only (EMBED_ONLY), by class
 * @param embedWithSessions     of those, how many came in through Embed at least once
 * @param offboardedStillActive offboarded people whose Retool account could not be disabled by API (Business plan):
 *                              a paid seat each until an admin disables it in Retool's settings
 * @param offboarding           offboardings recorded whose Retool part is still to come
 */
public record Seats(Map<UserClass, Long> joined, Map<UserClass, Long> pending, long expired, long vanished,
                   int newExternalSeatsToday, Map<UserClass, Long> embed, long embedWithSessions,
                   Map<UserClass, Long> offboardedStillActive, long offboarding) {
}
