package io.recio.trading.venue;

import io.recio.market.Count;
import io.recio.market.MarketTicker;

/** The account's position in one market at the venue: positive = YES contracts, negative = NO contracts. */
public record VenuePosition(MarketTicker ticker, Count position) {
}
