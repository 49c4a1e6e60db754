package io.recio.feeds;

import io.recio.market.SpotPrice;
import io.recio.market.Symbol;
import java.time.Instant;

/**
 * One minute of an underlying's price history ({@code historical_data}).
 *
 * @param symbol BTC or ETH
 * @param start  the minute's open time (UTC, on the minute)
 * @param open   first price of the minute
 * @param high   highest price
 * @param low    lowest price
 * @param close  last price
 * @param source where the candle came from (file name, "coinbase", "simulator")
 */
public record Candle(Symbol symbol, Instant start, SpotPrice open, SpotPrice high, SpotPrice low, SpotPrice close,
                     String source) {
}
