package io.recio.simulator.replay;

import io.recio.simulator.prices.model.BridgedMinutes;

/**
 * One-second prices for a run of consecutive one-minute candles: a Brownian bridge held inside each
 * minute's range through its open, high, low and close, exactly as the simulator's replay mode plays a
 * candle file (second 0 of a minute is its open, second 59 its close).
 */
public final class SecondPrices {

    private final BridgedMinutes bridge;
    private final long firstSecond;
    private final long endSecond;

    private SecondPrices(BridgedMinutes bridge, long firstSecond, long endSecond) {
        this.bridge = bridge;
        this.firstSecond = firstSecond;
        this.endSecond = endSecond;
    }

    /**
     * @param firstEpochMinute the epoch minute of the first candle; the others follow one a minute
     * @param seed             the bridge's randomness (the same seed gives the same seconds)
     */
    public static SecondPrices bridge(long firstEpochMinute, long[] open, long[] high, long[] low, long[] close,
                                      long seed) {
        int n = open.length;
        if (n == 0 || high.length != n || low.length != n || close.length != n) {
            throw new IllegalArgumentException("a run needs at least one candle and as many highs, lows and closes");
        }
        return new SecondPrices(new BridgedMinutes(firstEpochMinute, open, high, low, close, seed),
                firstEpochMinute * 60, (firstEpochMinute + n) * 60);
    }

    /** The first epoch second covered. */
    public long firstSecond() {
        return firstSecond;
    }

    /** The epoch second after the last one covered. */
    public long endSecond() {
        return endSecond;
    }

    /** The price at {@code epochSecond} in SpotPrice units. Not thread-safe: one reader per instance. */
    public long units(long epochSecond) {
        if (epochSecond < firstSecond || epochSecond >= endSecond) {
            throw new IllegalArgumentException("second " + epochSecond + " is outside the run [" + firstSecond
                    + ", " + endSecond + ")");
        }
        return bridge.units(epochSecond);
    }
}
