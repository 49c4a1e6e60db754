package io.recio.market;

/**
 * A contract price in dollars per $1 contract, fixed-point with 4 decimals (Kalshi's
 * {@code *_dollars}): {@code units} of $0.0001, from 0 to 10,000 ($1).
 */
public record Price(long units) implements Comparable<Price> {

    public static final int SCALE = 4;
    public static final long ONE_DOLLAR = 10_000;
    public static final Price ZERO = new Price(0);
    public static final Price ONE = new Price(ONE_DOLLAR);

    public Price {
        if (units < 0 || units > ONE_DOLLAR) {
            throw new IllegalArgumentException("price " + FixedPoint.format(units, SCALE)
                    + " is outside 0.0000 to 1.0000 dollars");
        }
    }

    /** Parses Kalshi's dollar string, e.g. {@code "0.5600"}. */
    public static Price parse(String dollars) {
        return new Price(FixedPoint.parse(dollars, SCALE, "price"));
    }

    public static Price ofCents(long cents) {
        return new Price(cents * 100);
    }

    /** The price of the other side of the same contract: 1 − this. */
    public Price complement() {
        return new Price(ONE_DOLLAR - units);
    }

    /** Whole cents when the price is on the cent grid, as REC.IO showed prices. */
    public double cents() {
        return units / 100.0;
    }

    /** The price as a probability-like fraction of a dollar (for models only; never for money). */
    public double fraction() {
        return units / (double) ONE_DOLLAR;
    }

    public boolean isOnCentGrid() {
        return units % 100 == 0;
    }

    /** Kalshi's wire form with 4 decimals, e.g. {@code "0.5600"}. */
    public String toDollars() {
        return FixedPoint.format(units, SCALE);
    }

    @Override
    public int compareTo(Price o) {
        return Long.compare(units, o.units);
    }

    @Override
    public String toString() {
        return toDollars();
    }
}
