package io.camelretool.example.console;

import java.math.BigDecimal;
import java.util.Map;

import io.camelretool.component.classify.SeatPriceTable;
import io.camelretool.component.classify.UserClass;
import io.camelretool.example.ledger.ItemOutcome;
import io.camelretool.example.ledger.LedgerQueries;

/** The batches page: every batch with its counts, the cost of its new seats, its report and the actions on it. */
final class BatchPages {

    static final int PAGE_SIZE = 50;

    private BatchPages() {
    }

    static String list(LedgerQueries.Page<LedgerQueries.BatchSummary> page, SeatPriceTable prices, String user,
                       String csrf) {
        Html html = Layout.open("Batches", "batches", user, csrf);
        html.raw("<table id=\"batches\"><thead><tr><th>Batch</th><th>Source</th><th>Received</th><th>Signups</th>"
                 + "<th>Outcomes</th><th>New seats a month</th><th>Report</th><th>Actions</th></tr></thead><tbody>");
        for (LedgerQueries.BatchSummary summary : page.items()) {
            String id = summary.batch().id();
            html.raw("<tr data-batch=\"").raw(Html.attr(id)).raw("\"><td>").text(id).raw("</td><td>")
                    .text(summary.batch().source() + " " + summary.batch().name()).raw("</td><td>")
                    .text(Layout.time(summary.batch().createdAt())).raw("</td><td>").text(summary.lines())
                    .raw("</td><td>");
            summary.byOutcome().forEach((outcome, count) -> html.raw("<span class=\"outcome\">").text(outcome + " "
                    + count).raw("</span> "));
            html.raw("</td><td>").text(cost(summary.seatsByClass(), prices)).raw("</td><td>");
            if (summary.batch().reportedAt() != null) {
                html.link(Layout.BASE + "/report", "JSON", "batch", id, "format", "json").raw(" ")
                        .link(Layout.BASE + "/report", "CSV", "batch", id, "format", "csv");
            } else {
                html.text("not yet written");
            }
            html.raw("</td><td>");
            if (summary.byOutcome().getOrDefault(ItemOutcome.FAILED, 0L) > 0) {
                html.link(Layout.BASE + "/confirm", "Replay failed", "action",
                        ConsoleActions.Action.REPLAY_BATCH.formName, "batch", id).raw(" ");
            }
            if (summary.byOutcome().getOrDefault(ItemOutcome.WOULD_INVITE, 0L) > 0) {
                html.link(Layout.BASE + "/confirm", "Send for real", "action",
                        ConsoleActions.Action.MAKE_REAL.formName, "batch", id);
            }
            html.raw("</td></tr>");
        }
        html.raw("</tbody></table><p class=\"paging\">");
        if (page.offset() > 0) {
            html.link(Layout.BASE + "/batches", "Newer", "offset", String.valueOf(Math.max(0,
                    page.offset() - PAGE_SIZE)));
        }
        if (page.more()) {
            html.raw(" ").link(Layout.BASE + "/batches", "Older", "offset", String.valueOf(page.offset()
                                                                                         + PAGE_SIZE));
        }
        html.raw("</p>");
        return Layout.close(html);
    }

    private static String cost(Map<UserClass, Long> seats, SeatPriceTable prices) {
        BigDecimal total = BigDecimal.ZERO;
        for (Map.Entry<UserClass, Long> count : seats.entrySet()) {
            total = total.add(prices.monthlyPrice(count.getKey()).multiply(BigDecimal.valueOf(count.getValue())));
        }
        return total.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString() + " " + prices.currency();
    }
}
