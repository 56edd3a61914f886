package io.camelretool.example.report;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.camelretool.component.classify.SeatPriceTable;
import io.camelretool.component.classify.UserClass;
import io.camelretool.example.ledger.BatchLine;
import io.camelretool.example.ledger.ItemOutcome;

/** The counts of a batch, gathered line by line, so a report of a million lines needs no more memory than a few. */
final class BatchTally {

    private final Map<ItemOutcome, Long> byOutcome = new EnumMap<>(ItemOutcome.class);
    private final Map<UserClass, Long> byClass = new EnumMap<>(UserClass.class);
    private final Map<UserClass, Integer> newSeats = new EnumMap<>(UserClass.class);
    private final Set<String> failedAttributeNames = new TreeSet<>();
    private long lines;

    void add(BatchLine line) {
        lines++;
        byOutcome.merge(line.outcome(), 1L, Long::sum);
        if (line.userClass() != null) {
            byClass.merge(line.userClass(), 1L, Long::sum);
        }
        if (line.outcome() == ItemOutcome.INVITED || line.outcome() == ItemOutcome.WOULD_INVITE) {
            newSeats.merge(line.userClass(), 1, Integer::sum);
        }
        if (line.outcome() == ItemOutcome.FAILED && line.signup() != null) {
            failedAttributeNames.addAll(line.signup().attributes().keySet());
        }
    }

    long lines() {
        return lines;
    }

    Map<ItemOutcome, Long> byOutcome() {
        return byOutcome;
    }

    Map<UserClass, Long> byClass() {
        return byClass;
    }

    long count(ItemOutcome outcome) {
        return byOutcome.getOrDefault(outcome, 0L);
    }

    /** Attribute columns the dead-letter file needs for its failed signups. */
    Set<String> failedAttributeNames() {
        return failedAttributeNames;
    }

    /** What the seats this batch added (or, in a dry run, would add) cost a month. */
    SeatPriceTable.CostProjection newSeatCost(SeatPriceTable prices) {
        // priced per class from the counts: a projection per seat would hold every line of a large batch in memory
        Map<UserClass, BigDecimal> costs = new EnumMap<>(UserClass.class);
        newSeats.forEach((userClass, count) -> costs.put(userClass,
                prices.monthlyPrice(userClass).multiply(BigDecimal.valueOf(count))));
        BigDecimal total = costs.values().stream().reduce(new BigDecimal("0.00"), BigDecimal::add);
        return new SeatPriceTable.CostProjection(newSeats, costs, total, prices.currency());
    }
}
