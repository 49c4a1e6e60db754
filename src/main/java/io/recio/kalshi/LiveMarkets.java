package io.recio.kalshi;

import io.recio.market.MarketTicker;
import io.recio.market.Symbol;
import java.util.Optional;

/** The live books kalshi_api_watchdog keeps: the current and the next hourly event of each symbol. */
public interface LiveMarkets {

    /** The event closing at the next top of the hour, when known. */
    Optional<EventMarkets> current(Symbol symbol);

    /** The event after the current one, when it is listed already. */
    Optional<EventMarkets> next(Symbol symbol);

    Optional<MarketQuote> quote(MarketTicker ticker);
}
