package io.recio.kalshi;

import io.recio.market.MarketTicker;
import io.recio.market.Price;
import io.recio.market.Symbol;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;

/** The top-of-book quotes recio recorded in {@code live_data.market_quote}, for scoring the market afterwards. */
public interface RecordedQuotes {

    /** One recorded quote: the best YES bid and ask of a market when it was observed. */
    record Quote(MarketTicker ticker, Price yesBid, Price yesAsk, Instant at) {
    }

    /** When the oldest recorded quote of {@code symbol}'s markets was observed, or empty when none is. */
    Optional<Instant> oldest(Symbol symbol);

    /** Calls {@code sink} with every recorded quote of {@code symbol}'s markets in [from, to), oldest first. */
    void forEachQuote(Symbol symbol, Instant from, Instant to, Consumer<Quote> sink);
}
