package io.camelretool.example.console;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.camelretool.example.ledger.LedgerQueries.DayCount;

/**
 * Invites and joins per day over the last {@value #DAYS} days, drawn on the server as an SVG bar chart: no script,
 * no library, nothing fetched. Only numbers and dates go into it.
 */
final class ActivityChart {

    static final int DAYS = 30;
    private static final int WIDTH = 900;
    private static final int HEIGHT = 220;
    private static final int LEFT = 40;
    private static final int BOTTOM = 30;
    private static final int TOP = 10;

    private ActivityChart() {
    }

    static LocalDate firstDay(LocalDate today) {
        return today.minusDays(DAYS - 1L);
    }

    static void draw(Html html, LocalDate today, List<DayCount> invites, List<DayCount> joins) {
        Map<LocalDate, Long> invited = byDay(invites);
        Map<LocalDate, Long> joined = byDay(joins);
        long max = 1;
        for (long value : invited.values()) {
            max = Math.max(max, value);
        }
        for (long value : joined.values()) {
            max = Math.max(max, value);
        }
        double slot = (WIDTH - LEFT) / (double) DAYS;
        double bar = Math.max(1, slot / 2 - 1);
        int plot = HEIGHT - BOTTOM - TOP;
        html.raw("<svg id=\"activity-chart\" class=\"chart\" role=\"img\" viewBox=\"0 0 " + WIDTH + " " + HEIGHT
                 + "\" xmlns=\"http://www.w3.org/2000/svg\"><title>Invites and joins per day, last " + DAYS
                 + " days</title>");
        html.raw("<line x1=\"" + LEFT + "\" y1=\"" + (HEIGHT - BOTTOM) + "\" x2=\"" + WIDTH + "\" y2=\""
                 + (HEIGHT - BOTTOM) + "\" class=\"axis\"/>");
        html.raw("<text x=\"2\" y=\"" + (TOP + 10) + "\" class=\"label\">" + max + "</text>");
        html.raw("<text x=\"2\" y=\"" + (HEIGHT - BOTTOM) + "\" class=\"label\">0</text>");
        LocalDate first = firstDay(today);
        for (int i = 0; i < DAYS; i++) {
            LocalDate day = first.plusDays(i);
            double x = LEFT + i * slot;
            bar(html, x, bar, plot, invited.getOrDefault(day, 0L), max, "invites", day);
            bar(html, x + bar + 1, bar, plot, joined.getOrDefault(day, 0L), max, "joins", day);
            if (i % 5 == 0 || i == DAYS - 1) {
                html.raw("<text x=\"" + format(x) + "\" y=\"" + (HEIGHT - 10) + "\" class=\"label\">"
                         + day.toString().substring(5) + "</text>");
            }
        }
        html.raw("</svg><p class=\"legend\"><span class=\"key invites\"></span> invites sent "
                 + "<span class=\"key joins\"></span> joined</p>");
    }

    private static void bar(Html html, double x, double width, int plot, long value, long max, String kind,
                            LocalDate day) {
        double height = plot * (double) value / max;
        html.raw("<rect class=\"" + kind + "\" x=\"" + format(x) + "\" y=\"" + format(HEIGHT - BOTTOM - height)
                 + "\" width=\"" + format(width) + "\" height=\"" + format(height) + "\" data-day=\"" + day
                 + "\" data-count=\"" + value + "\"><title>" + day + ": " + value + " " + kind + "</title></rect>");
    }

    private static Map<LocalDate, Long> byDay(List<DayCount> counts) {
        Map<LocalDate, Long> byDay = new TreeMap<>();
        counts.forEach(count -> byDay.merge(count.day(), count.count(), Long::sum));
        return byDay;
    }

    private static String format(double value) {
        return String.format(java.util.Locale.ROOT, "%.1f", value);
    }
}
