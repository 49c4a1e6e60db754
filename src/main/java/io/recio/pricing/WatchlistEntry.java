package io.recio.pricing;

import io.recio.market.Count;
import io.recio.market.EventTicker;
import io.recio.market.MarketTicker;
import io.recio.market.Price;
import io.recio.market.Side;

/**
 * A strike and side that passed the watchlist pre-filter (REC.IO's): enough volume, an ask under the
 * cap, probability and edge near the entry thresholds.
 *
 * @param event          the event
 * @param ticker         the market
 * @param side           the side to buy (the row's active side)
 * @param probability    P(side wins)
 * @param ask            price to buy it
 * @param edgeCents      edge after the taker fee, cents per contract
 * @param volume         contracts traded
 * @param secondsToClose seconds to the close
 */
public record WatchlistEntry(EventTicker event, MarketTicker ticker, Side side, double probability, Price ask,
                             double edgeCents, Count volume, long secondsToClose) {
}
