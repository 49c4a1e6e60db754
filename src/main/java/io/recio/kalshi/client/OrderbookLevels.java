package io.recio.kalshi.client;

import io.recio.market.Count;
import io.recio.market.Price;
import java.util.List;

/**
 * Both bid sides of a book as Kalshi sends them: YES bids in YES prices and NO bids in NO prices, each
 * ascending (best last).
 */
public record OrderbookLevels(String ticker, List<Level> yes, List<Level> no) {

    /** One price level. */
    public record Level(Price price, Count size) {
    }
}
