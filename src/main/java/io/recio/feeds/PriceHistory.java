package io.recio.feeds;

import io.recio.market.Symbol;
import java.time.Instant;
import java.util.function.Consumer;

/** The one-minute price history in {@code historical_data}, for the models and the charts. */
public interface PriceHistory {

    /** Calls {@code sink} with every candle of {@code symbol} in [from, to), oldest first, without loading all at once. */
    void forEachCandle(Symbol symbol, Instant from, Instant to, Consumer<Candle> sink);

    /** How many candles of {@code symbol} are stored. */
    long count(Symbol symbol);
}
