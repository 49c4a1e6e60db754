package io.recio.simulator.prices.model;

/**
 * The replay's Brownian bridge over a run of consecutive one-minute candles, for readers outside the
 * price model (the backtester): the same {@link ReplayTape} the simulator's replay mode plays.
 */
public final class BridgedMinutes {

    private final ReplayTape tape;

    /** Prices in SpotPrice units, one entry per consecutive minute starting at {@code firstEpochMinute}. */
    public BridgedMinutes(long firstEpochMinute, long[] open, long[] high, long[] low, long[] close, long seed) {
        this.tape = new ReplayTape(new CandleFile.Minutes(firstEpochMinute, open, high, low, close), firstEpochMinute,
                seed);
    }

    /** The value at an epoch second inside the run, in SpotPrice units. Not thread-safe. */
    public long units(long epochSecond) {
        return tape.units(epochSecond);
    }
}
