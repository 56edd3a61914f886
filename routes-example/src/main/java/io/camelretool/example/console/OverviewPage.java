package io.camelretool.example.console;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.camelretool.component.classify.SeatPriceTable;
import io.camelretool.component.classify.UserClass;
import io.camelretool.example.ledger.LedgerEntry;
import io.camelretool.example.ledger.LedgerQueries.DayCount;
import io.camelretool.example.ledger.LedgerStatus;

/**
 * The overview: seats joined and pending and what they cost a month, today's new seats against the cap, the people
 * waiting, failed and over the cap (with the actions on them), mails in review, Retool's health, and the last 30
 * days of invites and joins.
 */
final class OverviewPage {

    /** Statuses whose seat is taken by an account (named, so that statuses added later count once they exist). */
    static final Set<String> JOINED = Set.of("JOINED", "ALREADY_USER");
    /** Statuses whose seat is promised by a pending invite. */
    static final Set<String> PENDING = Set.of("INVITED", "ALREADY_INVITED");
    static final Set<String> WAITING = Set.of("RECEIVED", "SENDING", "WAITING");

    /** What the overview shows, read once per request. */
    record Figures(Map<LedgerStatus, Map<UserClass, Long>> counts, SeatPriceTable prices, int cap, int todaysSeats,
                   String mailsInReview, Map<String, String> health, List<DayCount> invites, List<DayCount> joins,
                   List<LedgerEntry> failed, List<LedgerEntry> overCap, LocalDate today, boolean dryRun) {

        long count(Set<String> statuses, boolean external) {
            long total = 0;
            for (var byStatus : counts.entrySet()) {
                if (statuses.contains(byStatus.getKey().name())) {
                    for (var byClass : byStatus.getValue().entrySet()) {
                        if ((byClass.getKey() == UserClass.EXTERNAL) == external
                            && byClass.getKey() != UserClass.REJECTED) {
                            total += byClass.getValue();
                        }
                    }
                }
            }
            return total;
        }

        long count(String status) {
            return counts.entrySet().stream().filter(entry -> entry.getKey().name().equals(status))
                    .flatMap(entry -> entry.getValue().values().stream()).mapToLong(Long::longValue).sum();
        }

        BigDecimal monthlyCost(Set<String> statuses) {
            BigDecimal total = BigDecimal.ZERO;
            for (var byStatus : counts.entrySet()) {
                if (statuses.contains(byStatus.getKey().name())) {
                    for (var byClass : byStatus.getValue().entrySet()) {
                        total = total.add(prices.monthlyPrice(byClass.getKey())
                                .multiply(BigDecimal.valueOf(byClass.getValue())));
                    }
                }
            }
            return total;
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
        figure(html, "external-joined", "External seats joined", figures.count(JOINED, true));
        figure(html, "internal-joined", "Internal seats joined", figures.count(JOINED, false));
        figure(html, "external-pending", "External invites pending", figures.count(PENDING, true));
        figure(html, "internal-pending", "Internal invites pending", figures.count(PENDING, false));
        figure(html, "expired", "Expired invites", figures.count("EXPIRED"));
        figure(html, "today", "New external seats today / cap", figures.todaysSeats() + " / " + figures.cap());
        figure(html, "cost-joined", "Monthly cost of joined seats", money(figures.monthlyCost(JOINED), figures));
        figure(html, "cost-pending", "Monthly cost if pending invites join",
                money(figures.monthlyCost(PENDING), figures));
        html.raw("</dl></section><section class=\"figures\"><h2>Needs attention</h2><dl>");
        figure(html, "waiting", "Waiting for the pipeline", figures.count(WAITING, true)
                                                            + figures.count(WAITING, false));
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

    private static void figure(Html html, String id, String label, Object value) {
        html.raw("<div class=\"figure\"><dt>").text(label).raw("</dt><dd id=\"fig-" + id + "\">").text(value)
                .raw("</dd></div>");
    }

    private static String money(BigDecimal amount, Figures figures) {
        return amount.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString() + " " + figures.prices().currency();
    }
}
