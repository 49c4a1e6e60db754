package io.recio.market;

/**
 * An amount of US dollars, fixed-point with 4 decimals: {@code units} of $0.0001. Signed, so it
 * holds balances, costs, fees and PnL alike.
 */
public record Money(long units) implements Comparable<Money> {

    public static final int SCALE = 4;
    public static final long ONE_DOLLAR = 10_000;
    public static final Money ZERO = new Money(0);

    /** Parses a dollar string with up to 4 decimals, e.g. {@code "12.3400"}. */
    public static Money parse(String dollars) {
        return new Money(FixedPoint.parse(dollars, SCALE, "amount"));
    }

    /** Parses a dollar string with up to 6 decimals (Kalshi's fee fields), rounding up to $0.0001. */
    public static Money parseRoundingUp(String dollars) {
        long micro = FixedPoint.parse(dollars, 6, "amount");
        return new Money(Math.floorDiv(micro + 99, 100));
    }

    public static Money ofCents(long cents) {
        return new Money(Math.multiplyExact(cents, 100));
    }

    /** The cost of {@code count} contracts at {@code price}, exact to $0.0001 (rounded up when fractional). */
    public static Money cost(Count count, Price price) {
        long product = Math.multiplyExact(count.units(), price.units()); // 1e-6 dollars
        return new Money(Math.floorDiv(product + Count.ONE_CONTRACT - 1, Count.ONE_CONTRACT));
    }

    public Money plus(Money other) {
        return new Money(Math.addExact(units, other.units));
    }

    public Money minus(Money other) {
        return new Money(Math.subtractExact(units, other.units));
    }

    public Money negate() {
        return new Money(-units);
    }

    public boolean isNegative() {
        return units < 0;
    }

    /** Whole cents, truncated toward zero (Kalshi's integer-cent balance fields). */
    public long cents() {
        return units / 100;
    }

    /** Dollar string with 4 decimals, e.g. {@code "12.3400"}. */
    public String toDollars() {
        return FixedPoint.format(units, SCALE);
    }

    @Override
    public int compareTo(Money o) {
        return Long.compare(units, o.units);
    }

    @Override
    public String toString() {
        return toDollars();
    }
}
