package io.recio.market;

/**
 * A price of the underlying in US dollars (BTC-USD, an index value, a strike), fixed-point with 4
 * decimals: {@code units} of $0.0001.
 */
public record SpotPrice(long units) implements Comparable<SpotPrice> {

    public static final int SCALE = 4;
    public static final long ONE_DOLLAR = 10_000;

    public SpotPrice {
        if (units < 0) {
            throw new IllegalArgumentException("spot price cannot be negative: " + FixedPoint.format(units, SCALE));
        }
    }

    /** Parses a decimal dollar string, e.g. {@code "92799.99"}; more than 4 decimals is an error. */
    public static SpotPrice parse(String dollars) {
        return new SpotPrice(FixedPoint.parse(dollars, SCALE, "spot price"));
    }

    /** Converts a model value, rounding half-up to $0.0001 (for simulated and averaged values only). */
    public static SpotPrice ofDollars(double dollars) {
        if (!Double.isFinite(dollars) || dollars < 0) {
            throw new IllegalArgumentException("spot price must be a finite non-negative number, got " + dollars);
        }
        return new SpotPrice(Math.round(dollars * ONE_DOLLAR));
    }

    /** The value in dollars, for the probability models (never for money). */
    public double dollars() {
        return units / (double) ONE_DOLLAR;
    }

    /** Dollar string with {@code decimals} places (2 for Coinbase, 4 for Kalshi strikes), rounded half-up. */
    public String toDollars(int decimals) {
        return new java.math.BigDecimal(java.math.BigInteger.valueOf(units), SCALE)
                .setScale(decimals, java.math.RoundingMode.HALF_UP).toPlainString();
    }

    @Override
    public int compareTo(SpotPrice o) {
        return Long.compare(units, o.units);
    }

    @Override
    public String toString() {
        return toDollars(2);
    }
}
