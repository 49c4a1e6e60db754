package io.recio.market;

/**
 * A number of contracts, fixed-point with 2 decimals (Kalshi's {@code *_fp}): {@code units} of
 * 1/100 contract. Signed, so a position can be negative (NO contracts).
 */
public record Count(long units) implements Comparable<Count> {

    public static final int SCALE = 2;
    public static final long ONE_CONTRACT = 100;
    public static final Count ZERO = new Count(0);

    /** Parses Kalshi's count string, e.g. {@code "10.00"} or {@code "10"}. */
    public static Count parse(String fp) {
        return new Count(FixedPoint.parse(fp, SCALE, "count"));
    }

    public static Count ofContracts(long contracts) {
        return new Count(Math.multiplyExact(contracts, ONE_CONTRACT));
    }

    public Count plus(Count other) {
        return new Count(Math.addExact(units, other.units));
    }

    public Count minus(Count other) {
        return new Count(Math.subtractExact(units, other.units));
    }

    public Count negate() {
        return new Count(-units);
    }

    public boolean isZero() {
        return units == 0;
    }

    public boolean isPositive() {
        return units > 0;
    }

    public Count abs() {
        return new Count(Math.abs(units));
    }

    /** Kalshi's wire form with 2 decimals, e.g. {@code "10.00"}. */
    public String toFp() {
        return FixedPoint.format(units, SCALE);
    }

    @Override
    public int compareTo(Count o) {
        return Long.compare(units, o.units);
    }

    @Override
    public String toString() {
        return toFp();
    }
}
