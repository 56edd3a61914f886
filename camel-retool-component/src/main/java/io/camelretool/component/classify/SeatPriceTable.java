package io.camelretool.component.classify;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;

/**
 * Monthly price of a seat per class, to project what a batch of signups will cost. Defaults follow Retool's
 * published Business-plan list prices: an external user 10.00, an end user 15.00 and a standard user 50.00 USD a
 * month; every figure is configurable because contracts differ. A rejected signup costs nothing.
 */
public final class SeatPriceTable {

    private final Map<UserClass, BigDecimal> monthly;
    private final String currency;

    private SeatPriceTable(Map<UserClass, BigDecimal> monthly, String currency) {
        this.monthly = new EnumMap<>(monthly);
        this.monthly.put(UserClass.REJECTED, BigDecimal.ZERO);
        this.currency = currency;
    }

    public static SeatPriceTable businessPlanDefaults() {
        return new SeatPriceTable(Map.of(UserClass.EXTERNAL, new BigDecimal("10.00"),
                UserClass.END_USER, new BigDecimal("15.00"), UserClass.STANDARD_USER, new BigDecimal("50.00")), "USD");
    }

    /** The same table with another monthly price for one class. */
    public SeatPriceTable withPrice(UserClass userClass, BigDecimal price) {
        if (userClass == UserClass.REJECTED || price == null || price.signum() < 0) {
            throw new IllegalArgumentException("a seat price is set for EXTERNAL, END_USER or STANDARD_USER and is "
                                               + "zero or more");
        }
        Map<UserClass, BigDecimal> changed = new EnumMap<>(monthly);
        changed.put(userClass, price);
        return new SeatPriceTable(changed, currency);
    }

    public SeatPriceTable withCurrency(String newCurrency) {
        return new SeatPriceTable(monthly, newCurrency);
    }

    public BigDecimal monthlyPrice(UserClass userClass) {
        return monthly.getOrDefault(userClass, BigDecimal.ZERO);
    }

    public String currency() {
        return currency;
    }

    /** Counts and monthly cost per class, and the total, of a set of classified signups. */
    public CostProjection project(Collection<Classification> classified) {
        Map<UserClass, Integer> counts = new EnumMap<>(UserClass.class);
        for (UserClass userClass : UserClass.values()) {
            counts.put(userClass, 0);
        }
        classified.forEach(classification -> counts.merge(classification.userClass(), 1, Integer::sum));
        Map<UserClass, BigDecimal> costs = new EnumMap<>(UserClass.class);
        counts.forEach((userClass, count) -> costs.put(userClass, monthlyPrice(userClass)
                .multiply(BigDecimal.valueOf(count))));
        BigDecimal total = costs.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        return new CostProjection(counts, costs, total, currency);
    }

    /** The projected monthly cost of a batch. */
    public record CostProjection(Map<UserClass, Integer> counts, Map<UserClass, BigDecimal> monthlyCostByClass,
                                 BigDecimal monthlyTotal, String currency) {

        public CostProjection {
            counts = Map.copyOf(counts);
            monthlyCostByClass = Map.copyOf(monthlyCostByClass);
        }
    }
}
