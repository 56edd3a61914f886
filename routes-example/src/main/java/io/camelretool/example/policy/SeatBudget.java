package io.camelretool.example.policy;

import java.util.function.IntSupplier;

/**
 * Today's room for new external seats, as one pipeline round sees it: counted once, when the first external signup
 * needs a seat, then taken from seat by seat. Several nodes each hold a budget of their own, so together they may
 * go past the cap by what one round claims at a time.
 */
public final class SeatBudget {

    private final int cap;
    private final IntSupplier takenToday;
    private int left = -1;

    /** @param takenToday new external seats already taken today (asked once, when first needed) */
    public SeatBudget(int cap, IntSupplier takenToday) {
        this.cap = cap;
        this.takenToday = takenToday;
    }

    /** Room that never runs out: for a person an operator let past today's cap. */
    public static SeatBudget unbounded() {
        return new SeatBudget(Integer.MAX_VALUE, () -> 0);
    }

    /** Whether a seat is left today, without taking it. */
    public boolean hasRoom() {
        return left() > 0;
    }

    /** Takes a seat; false when today's are gone. */
    public boolean take() {
        if (left() == 0) {
            return false;
        }
        left--;
        return true;
    }

    private int left() {
        if (left < 0) {
            left = Math.max(0, cap - takenToday.getAsInt());
        }
        return left;
    }

    public int cap() {
        return cap;
    }
}
