package io.recio.simulator.prices;

import io.recio.market.SpotPrice;
import io.recio.market.Symbol;
import java.time.Instant;
import java.util.Optional;

/**
 * The simulated world's underlying prices, one value per symbol per second, that every simulated
 * venue reads: the Coinbase feed trades around it, the exchange's market makers quote from it and
 * settles on its 60-second average, the {@code cfbenchmarks_value} channel publishes it.
 */
public interface SimulatedPrices {

    /** The index value at the latest whole second at or before {@code at}. */
    SpotPrice indexAt(Symbol symbol, Instant at);

    /**
     * Kalshi's settlement value for an event closing at {@code close}: the simple average of the 60
     * one-second index values in (close − 60 s, close], rounded to cents; empty before the close.
     */
    Optional<SpotPrice> settlementAverage(Symbol symbol, Instant close);

    /** The average of the one-second values in (at − 60 s, at] (the trailing settlement-style value). */
    SpotPrice trailingAverage(Symbol symbol, Instant at);

    /** Annualised volatility the model currently runs at (market makers price with it). */
    double annualisedVolatility(Symbol symbol);
}
