package io.camelretool.example.ledger;

import java.util.Map;

import io.camelretool.component.classify.UserClass;

/**
 * What the seats stand at, by class: people who joined (a seat in use), people with a live invite (a seat on its way),
 * expired invites, and today's new external seats.
 */
public record Seats(Map<UserClass, Long> joined, Map<UserClass, Long> pending, long expired, long vanished,
                   int newExternalSeatsToday) {
}
