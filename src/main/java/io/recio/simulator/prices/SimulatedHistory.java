package io.recio.simulator.prices;

import io.recio.market.Symbol;
import java.time.Instant;
import java.util.List;

/** The simulated world's past, from the same path as {@link SimulatedPrices}: demo mode seeds its price history from it. */
public interface SimulatedHistory {

    /**
     * One-minute candles for every whole minute in [{@code from}, {@code to}), oldest first; {@code from}
     * is rounded down and {@code to} up to the minute. At most 366 days per call.
     *
     * @throws IllegalArgumentException when {@code to} is before {@code from} or the span is over 366 days
     */
    List<MinuteCandle> minuteCandles(Symbol symbol, Instant from, Instant to);
}
