package io.recio.simulator.prices;

import io.recio.market.SpotPrice;
import io.recio.market.Symbol;
import java.time.Instant;

/**
 * One minute of the simulated index: the one-second values in [start, start + 60 s).
 *
 * @param symbol BTC or ETH
 * @param start  the minute's first second (UTC, on the minute)
 * @param open   the value at {@code start}
 * @param high   the highest of the 60 values
 * @param low    the lowest of the 60 values
 * @param close  the value at {@code start + 59 s}
 */
public record MinuteCandle(Symbol symbol, Instant start, SpotPrice open, SpotPrice high, SpotPrice low,
                           SpotPrice close) {
}
