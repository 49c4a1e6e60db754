package io.recio.market;

/**
 * Kalshi's taker fee for {@code quadratic} series such as KXBTCD: ⌈0.07 × C × P × (1 − P)⌉ per
 * order, rounded up to $0.0001 (reference/kalshi-api.md §8; matches the live fills there:
 * 4 @ 0.49 → 0.0700, 1 @ 0.49 → 0.0175, 2 @ 0.33 → 0.0310). KXBTCD charges no maker fee.
 */
public final class Fees {

    private Fees() {
    }

    /** The taker fee of one order of {@code count} contracts filled at {@code price}. */
    public static Money takerFee(Count count, Price price) {
        // 0.07·C·P·(1−P) in $0.0001 = 7·c·p·(10^4−p) / 10^8, with c in 1/100 contracts and p in $0.0001.
        long numerator = Math.multiplyExact(Math.multiplyExact(7L * Math.abs(count.units()), price.units()),
                Price.ONE_DOLLAR - price.units());
        return new Money(Math.floorDiv(numerator + 99_999_999L, 100_000_000L));
    }

    /** The taker fee per contract at {@code price}, exact (for edge arithmetic before an order exists). */
    public static double takerFeePerContract(Price price) {
        double p = price.fraction();
        return 0.07 * p * (1 - p);
    }
}
