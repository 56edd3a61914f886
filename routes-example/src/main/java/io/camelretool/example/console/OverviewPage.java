package io.camelretool.example.console;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.camelretool.component.classify.UserClass;
import io.camelretool.example.ledger.LedgerEntry;
import io.camelretool.example.ledger.LedgerQueries.DayCount;
import io.camelretool.example.ledger.LedgerStatus;
import io.camelretool.example.ledger.Seats;

/**
 * The overview: seats joined and pending and what they cost a month, today's new seats against the cap, the people
 * waiting, failed and over the cap (with the actions on them), mails in review, Retool's health, and the last 30
 * days of invites and joins.
 */
final class OverviewPage {

    static final Set<String> WAITING = Set.of("RECEIVED", "SENDING", "WAITING");

    /**
     * What the overview shows, read once per request. The seats and their cost are the lifecycle's
     * ({@link io.camelretool.example.ledger.LedgerLifecycle#seats}) as the read API's {@code /api/seats} shows them:
     * one definition of a seat.
     */
    record Figures(Map<LedgerStatus, Map<UserClass, Long>> counts, Seats seats, BigDecimal joinedCost,
                   BigDecimal pendingCost, BigDecimal stillActiveCost, String currency, int cap, String mailsInReview,
                   Map<String, String> health, List<DayCount> invites, List<DayCount> joins, List<LedgerEntry> failed,
                   List<LedgerEntry> overCap, LocalDate today, boolean dryRun) {

        long count(Set<String> statuses) {
            long total = 0;
            for (var byStatus : counts.entrySet()) {
                if (statuses.contains(byStatus.getKey().name())) {
                    total += byStatus.getValue().values().stream().mapToLong(Long::longValue).sum();
                }
            }
            return total;
        }

        long count(String status) {
            return count(Set.of(status));
        }

        static long external(Map<UserClass, Long> byClass) {
            return byClass.getOrDefault(UserClass.EXTERNAL, 0L);
        }

        static long internal(Map<UserClass, Long> byClass) {
            return byClass.entrySet().stream().filter(entry -> entry.getKey() != UserClass.EXTERNAL
                                                               && entry.getKey() != UserClass.REJECTED)
                    .mapToLong(Map.Entry::getValue).sum();
        }
    }

    private OverviewPage() {
    }

    static String render(Figures figures, String user, String csrf, String notice) {
        Html html = Layout.open("Overview", "overview", user, csrf);
        Layout.notice(html, notice);
        if (figures.dryRun()) {
            html.raw("<p class=\"warning\">").text("DRY RUN: nothing is sent to Retool (DRY_RUN=true).").raw("</p>");
        }
        html.raw("<section class=\"figures\"><h2>Seats</h2><dl>");
        Seats seats = figures.seats();
        figure(html, "external-joined", "External seats joined", Figures.external(seats.joined()));
        figure(html, "internal-joined", "Internal seats joined", Figures.internal(seats.joined()));
        figure(html, "external-pending", "External invites pending", Figures.external(seats.pending()));
        figure(html, "internal-pending", "Internal invites pending", Figures.internal(seats.pending()));
        figure(html, "expired", "Expired invites", seats.expired());
        figure(html, "vanished", "Invites gone before expiring", seats.vanished());
        figure(html, "today", "New external seats today / cap", seats.newExternalSeatsToday() + " / "
                                                                 + figures.cap());
        figure(html, "cost-joined", "Monthly cost of joined seats", money(figures.joinedCost(), figures));
        figure(html, "cost-pending", "Monthly cost if pending invites join", money(figures.pendingCost(), figures));
        figure(html, "embed", "Embed-only users (came in through Embed)", total(seats.embed()) + " ("
                                                                         + seats.embedWithSessions() + ")");
        long stillActive = total(seats.offboardedStillActive());
        figure(html, "offboarded-active", "Offboarded, account still active", stillActive);
        figure(html, "cost-offboarded-active", "Monthly cost of offboarded accounts still active",
                money(figures.stillActiveCost(), figures));
        figure(html, "offboarding", "Offboardings under way", seats.offboarding());
        html.raw("</dl>");
        if (stillActive > 0) {
            html.raw("<p class=\"warning\" id=\"still-active\">").text(stillActive + " offboarded account(s) still "
                    + "active: Retool's API cannot disable users on this plan, so each holds a paid seat until an "
                    + "admin disables it in Retool's settings (the people page lists them: status OFFBOARDED).")
                    .raw("</p>");
        }
        html.raw("</section><section class=\"figures\"><h2>Needs attention</h2><dl>");
        figure(html, "waiting", "Waiting for the pipeline", figures.count(WAITING));
        figure(html, "failed", "Failed", figures.count("FAILED"));
        figure(html, "over-cap", "Over the daily cap", figures.count("OVER_CAP"));
        figure(html, "mail-review", "Mails in review", figures.mailsInReview());
        html.raw("</dl></section><section><h2>Retool</h2><dl class=\"health\">");
        figures.health().forEach((name, value) -> html.raw("<dt>").text(name).raw("</dt><dd>").text(value)
                .raw("</dd>"));
        html.raw("</dl></section><section><h2>").text("Invites and joins, last " + ActivityChart.DAYS + " days")
                .raw("</h2>");
        ActivityChart.draw(html, figures.today(), figures.invites(), figures.joins());
        html.raw("</section>");
        PeoplePages.selection(html, "Failed", "failed-list", figures.failed(), ConsoleActions.Action.REPLAY);
        PeoplePages.selection(html, "Over the daily cap", "over-cap-list", figures.overCap(),
                ConsoleActions.Action.LET_THROUGH);
        return Layout.close(html);
    }

    private static long total(Map<UserClass, Long> byClass) {
        return byClass.values().stream().mapToLong(Long::longValue).sum();
    }

    private static void figure(Html html, String id, String label, Object value) {
        html.raw("<div class=\"figure\"><dt>").text(label).raw("</dt><dd id=\"fig-" + id + "\">").text(value)
                .raw("</dd></div>");
    }

    private static String money(BigDecimal amount, Figures figures) {
        return amount.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString() + " " + figures.currency();
    }
}
